//! `taken` and `missing`: the checks before a write, live rows only unless a select says
//! otherwise.

use medusa_entity::sales_channel::{self, Column, Entity};
use medusa_load::{live, missing, taken};
use medusa_test_support::builders::SalesChannelBuilder;
use medusa_test_support::on_both_backends;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

on_both_backends!(
    taken_sees_live_rows_but_this_one,
    missing_names_what_is_not_there
);

/// Channels `Web` (`sc_web`), `App` (`sc_app`) and a soft-deleted `Old` (`sc_old`).
async fn channels(db: &DatabaseConnection) {
    for (id, name) in [("sc_web", "Web"), ("sc_app", "App"), ("sc_old", "Old")] {
        SalesChannelBuilder::new(name).id(id).insert(db).await;
    }
    Entity::update_many()
        .col_expr(Column::DeletedAt, Expr::value(medusa_core::time::now()))
        .filter(Column::Id.eq("sc_old"))
        .exec(db)
        .await
        .unwrap();
}

async fn taken_sees_live_rows_but_this_one(db: DatabaseConnection) {
    channels(&db).await;
    let name = Column::Name;
    assert!(taken::<Entity, _>(&db, name, "Web", None).await.unwrap());
    assert!(taken::<Entity, _>(&db, name, "Web", Some("sc_app"))
        .await
        .unwrap());
    assert!(!taken::<Entity, _>(&db, name, "Web", Some("sc_web"))
        .await
        .unwrap());
    assert!(
        !taken::<Entity, _>(&db, name, "Old", None).await.unwrap(),
        "deleted rows are free"
    );
    assert!(!taken::<Entity, _>(&db, name, "None", None).await.unwrap());
}

async fn missing_names_what_is_not_there(db: DatabaseConnection) {
    channels(&db).await;
    let ids: Vec<String> = ["sc_x", "sc_web", "sc_old", "sc_x", "sc_app"]
        .iter()
        .map(|id| (*id).to_owned())
        .collect();
    let live_channels = live::<sales_channel::Entity>();
    assert_eq!(
        missing(&db, live_channels, &ids).await.unwrap(),
        ["sc_x", "sc_old", "sc_x"],
        "in order, repeats kept, deleted rows missing"
    );
    assert_eq!(
        missing(&db, Entity::find(), &ids).await.unwrap(),
        ["sc_x", "sc_x"]
    );
    assert!(missing(&db, Entity::find(), &[]).await.unwrap().is_empty());
}
