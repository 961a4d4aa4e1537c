//! Service tests of medusa-inventory, each on SQLite and on PostgreSQL: the modules' switch,
//! reservations counted in their level, and the seam an order's cancel calls.

// Tests may unwrap: a panic there is the failure report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use medusa_entity::{inventory_level, reservation_item};
use medusa_inventory::items::create_item_in;
use medusa_inventory::reservations::create_reservations_in;
use medusa_inventory::{
    release_line_items_in, CreateInventoryItem, CreateLevel, CreateReservation,
    CreateStockLocation, InventoryItemService, Modules, SeaInventoryItemService,
    SeaStockLocationService, StockLocationService,
};
use medusa_query_dsl::{parse, plan_retrieve};
use medusa_test_support::on_both_backends;
use sea_orm::{DatabaseConnection, EntityTrait, TransactionTrait};

on_both_backends!(
    the_modules_follow_the_tables,
    canceled_lines_release_their_reservations
);

async fn the_modules_follow_the_tables(db: DatabaseConnection) {
    let before = Modules::new(db.clone());
    assert!(!before.enabled().await.unwrap());
    let message = before.require_inventory().await.unwrap_err().to_string();
    assert!(message.starts_with("Inventory is not enabled"), "{message}");
    // Without the tables an order's cancel restocks the variants itself.
    let txn = db.begin().await.unwrap();
    assert!(!release_line_items_in(&txn, &["item_1".into()])
        .await
        .unwrap());
    txn.commit().await.unwrap();

    medusa_migration::migrate_inventory(&db).await.unwrap();
    assert!(
        !before.enabled().await.unwrap(),
        "decided once, at first use"
    );
    assert!(Modules::new(db.clone()).enabled().await.unwrap());
}

async fn canceled_lines_release_their_reservations(db: DatabaseConnection) {
    medusa_migration::migrate_inventory(&db).await.unwrap();
    let modules = Modules::new(db.clone());
    let selection = plan_retrieve(
        &medusa_inventory::STOCK_LOCATION_RETRIEVE,
        &parse("").unwrap(),
    )
    .unwrap();
    let location = SeaStockLocationService::new(modules.clone())
        .create(
            CreateStockLocation {
                name: "Depot".into(),
                ..Default::default()
            },
            &selection,
        )
        .await
        .unwrap();
    let location = location["id"].as_str().unwrap().to_owned();
    let txn = db.begin().await.unwrap();
    let item = create_item_in(&txn, CreateInventoryItem::default())
        .await
        .unwrap();
    txn.commit().await.unwrap();
    let items = SeaInventoryItemService::new(modules);
    items
        .create_level(
            &item.id,
            CreateLevel {
                location_id: location.clone(),
                stocked_quantity: 10,
                incoming_quantity: None,
            },
        )
        .await
        .unwrap();
    let reserve = |line: &str, quantity: i32| {
        (
            CreateReservation {
                line_item_id: Some(line.to_owned()),
                location_id: location.clone(),
                inventory_item_id: item.id.clone(),
                quantity,
                description: None,
                metadata: None,
            },
            None,
        )
    };
    let txn = db.begin().await.unwrap();
    create_reservations_in(&txn, vec![reserve("item_a", 2), reserve("item_b", 3)])
        .await
        .unwrap();
    txn.commit().await.unwrap();
    let reserved = |db: DatabaseConnection| async move {
        inventory_level::Entity::find()
            .one(&db)
            .await
            .unwrap()
            .unwrap()
            .reserved_quantity
    };
    assert_eq!(reserved(db.clone()).await, 5);

    let txn = db.begin().await.unwrap();
    assert!(release_line_items_in(&txn, &["item_a".into()])
        .await
        .unwrap());
    txn.commit().await.unwrap();
    assert_eq!(reserved(db.clone()).await, 3);
    let rows = reservation_item::Entity::find().all(&db).await.unwrap();
    let released: Vec<_> = rows
        .iter()
        .filter(|r| r.deleted_at.is_some())
        .map(|r| r.line_item_id.clone())
        .collect();
    assert_eq!(released, [Some("item_a".to_owned())]);
    let answer = items.retrieve(&item.id).await.unwrap();
    assert_eq!(answer["location_levels"][0]["available_quantity"], 7);
    assert_eq!(
        (
            answer["stocked_quantity"].as_i64(),
            answer["reserved_quantity"].as_i64()
        ),
        (Some(10), Some(3))
    );
}
