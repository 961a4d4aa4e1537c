//! A child relation joined one-to-many into its parents' statement (`join_many`, gathered by
//! `fold_joined`): every parent once, with its children in their physical order, a parent
//! without children with none.

use medusa_entity::{line_item, line_item_tax_line};
use medusa_load::{
    children, children_with, find, fold_joined, join_many, joined_one, Joined, Positions, Reader,
};
use medusa_query_dsl::{in_insertion_order, in_insertion_order_of};
use medusa_test_support::builders::{CustomerBuilder, ItemBuilder, OrderBuilder, RegionBuilder};
use medusa_test_support::on_both_backends;
use sea_orm::sea_query::{Expr, SelectStatement};
use sea_orm::{DatabaseConnection, QueryResult};

on_both_backends!(children_joined_come_once_per_parent);

async fn children_joined_come_once_per_parent(db: DatabaseConnection) {
    let region = RegionBuilder::new("EU").currency("eur").insert(&db).await;
    let jane = CustomerBuilder::new("jane@example.com").insert(&db).await;
    let order = || OrderBuilder::new(&region.id, "eur", &jane.id, &jane.email);
    let first = order()
        .item(
            ItemBuilder::new("Shirt", 1000, 2)
                .tax_line(19.0, "VAT", "vat")
                .tax_line(1.5, "Eco", "eco"),
        )
        .item(ItemBuilder::new("Mug", 500, 1))
        .item(ItemBuilder::new("Cap", 800, 1).tax_line(7.0, "Reduced", "red"))
        .insert(&db)
        .await;
    let second = order()
        .item(ItemBuilder::new("Socks", 300, 3))
        .insert(&db)
        .await;
    let empty = order().insert(&db).await;
    let parents = vec![first.order.id, empty.order.id, second.order.id];

    let mut reader = Reader::new(&db).await.unwrap();
    let backend = reader.backend();
    let owner = line_item_tax_line::Column::ItemId;
    let joined = Joined::new(
        |select: &mut SelectStatement| {
            let key = Expr::col((line_item::Entity, line_item::Column::Id));
            join_many::<line_item_tax_line::Entity>(select, backend, "lines", owner, key.into());
        },
        |row: &QueryResult, at: &Positions| {
            joined_one::<line_item_tax_line::Entity>(row, at, "lines", owner)
        },
    );
    let select = in_insertion_order_of(find::<line_item::Entity>(backend), backend, "line_item");
    let groups: Vec<Vec<(line_item::Model, Vec<line_item_tax_line::Model>)>> = children_with(
        &mut reader,
        select,
        line_item::Column::OrderId,
        &parents,
        joined,
    )
    .await
    .unwrap()
    .into_groups()
    .into_iter()
    .map(|rows| fold_joined(rows, |a, b| a.id == b.id))
    .collect();

    fn names(lines: &[line_item_tax_line::Model]) -> Vec<&str> {
        lines.iter().map(|l| l.name.as_str()).collect()
    }
    let shown: Vec<Vec<(&str, Vec<&str>)>> = groups
        .iter()
        .map(|items| {
            items
                .iter()
                .map(|(i, l)| (i.title.as_str(), names(l)))
                .collect()
        })
        .collect();
    assert_eq!(
        shown,
        vec![
            vec![
                ("Shirt", vec!["VAT", "Eco"]),
                ("Mug", vec![]),
                ("Cap", vec!["Reduced"])
            ],
            vec![],
            vec![("Socks", vec![])],
        ]
    );

    // The same rows as the items and their tax lines read by a statement each.
    let item_select = in_insertion_order(find::<line_item::Entity>(backend), backend);
    let items = children(
        &mut reader,
        item_select,
        line_item::Column::OrderId,
        &parents,
    )
    .await
    .unwrap()
    .into_groups();
    let ids: Vec<String> = items.iter().flatten().map(|i| i.id.clone()).collect();
    let line_select = in_insertion_order(find::<line_item_tax_line::Entity>(backend), backend);
    let lines = children(&mut reader, line_select, owner, &ids)
        .await
        .unwrap()
        .into_groups();
    let joined_items: Vec<Vec<line_item::Model>> = groups
        .iter()
        .map(|g| g.iter().map(|(i, _)| i.clone()).collect())
        .collect();
    assert_eq!(joined_items, items);
    let joined_lines: Vec<Vec<line_item_tax_line::Model>> =
        groups.into_iter().flatten().map(|(_, l)| l).collect();
    assert_eq!(joined_lines, lines);
}
