//! Reading more in one statement: a to-one relation joined into its children's statement
//! (`children_with`, `join_one`, `joined_one`), and which child relations each parent has
//! (`present_columns`, `present_in`).

use medusa_core::new_row::stamped;
use medusa_entity::sales_channel;
use medusa_entity::{product_sales_channel, publishable_api_key_sales_channel as key_channel};
use medusa_load::{
    children_with, join_one, joined_one, present_columns, present_in, Joined, Owned, Positions,
    Reader,
};
use medusa_query_dsl::in_insertion_order_of;
use medusa_test_support::builders::SalesChannelBuilder;
use medusa_test_support::on_both_backends;
use sea_orm::sea_query::{Expr, SelectStatement};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QueryResult, QueryTrait, Set,
};

on_both_backends!(
    joined_rows_come_with_their_children,
    present_columns_tell_which_relations_each_parent_has
);

/// Channels `sc_web`, `sc_app` and a soft-deleted `sc_old`; key `pk_1` on web and old,
/// `pk_2` on app.
async fn linked(db: &DatabaseConnection) {
    for (id, name) in [("sc_web", "Web"), ("sc_app", "App"), ("sc_old", "Old")] {
        SalesChannelBuilder::new(name).id(id).insert(db).await;
    }
    sales_channel::Entity::update_many()
        .col_expr(
            sales_channel::Column::DeletedAt,
            Expr::value(medusa_core::time::now()),
        )
        .filter(sales_channel::Column::Id.eq("sc_old"))
        .exec(db)
        .await
        .unwrap();
    let now = medusa_core::time::now();
    for (id, key, channel) in [
        ("l1", "pk_1", "sc_web"),
        ("l2", "pk_1", "sc_old"),
        ("l3", "pk_2", "sc_app"),
    ] {
        key_channel::ActiveModel {
            id: Set(id.into()),
            publishable_key_id: Set(key.into()),
            sales_channel_id: Set(channel.into()),
            ..stamped(now)
        }
        .insert(db)
        .await
        .unwrap();
    }
}

async fn joined_rows_come_with_their_children(db: DatabaseConnection) {
    linked(&db).await;
    let mut reader = Reader::new(&db).await.unwrap();
    let select = in_insertion_order_of(
        key_channel::Entity::find(),
        reader.backend(),
        "publishable_api_key_sales_channel",
    );
    let channel_id = sales_channel::Column::Id;
    let backend = reader.backend();
    let joined = Joined::new(
        |select: &mut SelectStatement| {
            let key = Expr::col((key_channel::Entity, key_channel::Column::SalesChannelId));
            join_one::<sales_channel::Entity>(
                select,
                backend,
                "channel",
                channel_id,
                key.into(),
                true,
            );
        },
        |row: &QueryResult, at: &Positions| {
            joined_one::<sales_channel::Entity>(row, at, "channel", channel_id)
        },
    );
    let parents = ["pk_1", "pk_2", "pk_3"].map(str::to_owned);
    let groups = children_with(
        &mut reader,
        select,
        key_channel::Column::PublishableKeyId,
        &parents,
        joined,
    )
    .await
    .unwrap()
    .into_groups();
    let shown: Vec<Vec<(String, Option<String>)>> = groups
        .into_iter()
        .map(|group| {
            group
                .into_iter()
                .map(|(link, channel)| (link.id, channel.map(|c| c.name)))
                .collect()
        })
        .collect();
    assert_eq!(
        shown,
        vec![
            vec![
                ("l1".to_owned(), Some("Web".to_owned())),
                ("l2".to_owned(), None)
            ],
            vec![("l3".to_owned(), Some("App".to_owned()))],
            vec![],
        ],
        "the deleted channel reads as none; every link is kept"
    );
}

async fn present_columns_tell_which_relations_each_parent_has(db: DatabaseConnection) {
    linked(&db).await;
    SalesChannelBuilder::new("None")
        .id("sc_none")
        .insert(&db)
        .await;
    let relations = [
        Owned::of::<key_channel::Entity>(key_channel::Column::SalesChannelId),
        Owned::of::<product_sales_channel::Entity>(product_sales_channel::Column::SalesChannelId),
    ];
    let mut select = sales_channel::Entity::find()
        .filter(sales_channel::Column::Id.is_in(["sc_app", "sc_none"]))
        .order_by_asc(sales_channel::Column::Id)
        .into_query();
    let mut reader = Reader::new(&db).await.unwrap();
    let parent = sales_channel::Column::Id;
    present_columns::<sales_channel::Entity>(&mut select, reader.backend(), parent, &relations);
    let rows = reader.results(&select).await.unwrap();
    let at = Positions::of(&rows);
    let found: Vec<Vec<bool>> = rows
        .iter()
        .map(|row| present_in(row, &at, relations.len()).unwrap())
        .collect();
    assert_eq!(
        found,
        [vec![true, false], vec![false, false]],
        "sc_app has a key and no product; sc_none has neither"
    );
    assert!(present_in(&rows[0], &at, 0).unwrap().is_empty());
}
