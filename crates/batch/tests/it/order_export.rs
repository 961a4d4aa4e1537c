//! The order export through a job: Medusa's header, one line per order, newest first, with
//! the totals Medusa's list computes and `Date` as JavaScript's `toUTCString()`.

use medusa_batch::{BatchJobService, CreateBatchJob};
use medusa_test_support::builders::{
    AddressFields, CustomerBuilder, ItemBuilder, OrderBuilder, RegionBuilder, UserBuilder,
};
use medusa_test_support::on_both_backends;
use sea_orm::DatabaseConnection;
use serde_json::{json, Value};

use crate::jobs;

on_both_backends!(orders_export_with_their_totals);

/// The header the reference Medusa 1.20.10 wrote (sales channels flag on).
const HEADER: &str = "Order_ID;Display_ID;Order status;Date;Customer First name;Customer Last name;Customer Email;Customer ID;Shipping Address 1;Shipping Address 2;Shipping Country Code;Shipping City;Shipping Postal Code;Shipping Region ID;Fulfillment Status;Payment Status;Subtotal;Shipping Total;Discount Total;Gift Card Total;Refunded Total;Tax Total;Total;Currency Code;Sales channel name;Sales channel description";

async fn orders_export_with_their_totals(db: DatabaseConnection) {
    let admin = UserBuilder::new("a@example.com").insert(&db).await;
    let region = RegionBuilder::new("EU").currency("eur").insert(&db).await;
    let jane = CustomerBuilder::new("jane@example.com").insert(&db).await;
    let at = chrono::DateTime::parse_from_rfc3339("2026-12-05T14:10:59.123Z").unwrap();
    let built = OrderBuilder::new(&region.id, "eur", &jane.id, &jane.email)
        .display_id(7)
        .created_at(at)
        .shipping_address(
            AddressFields::new("Jane", "Doe", "Hauptstrasse 1", "Berlin", "de")
                .postal_code("10115"),
        )
        .item(ItemBuilder::new("Shirt", 1000, 2))
        .item(ItemBuilder::new("Mug", 500, 1))
        .insert(&db)
        .await;
    let jobs = jobs(&db);
    let input = CreateBatchJob::from_body(json!({"type": "order-export", "context": {}})).unwrap();
    let job: Value =
        serde_json::to_value(jobs.service.create(&admin.id, input).await.unwrap()).unwrap();
    assert_eq!(
        job["context"]["list_config"]["relations"],
        json!(["customer", "shipping_address", "sales_channel"])
    );
    let id = job["id"].as_str().unwrap();
    jobs.worker.run_once().await.unwrap();
    let done: Value =
        serde_json::to_value(jobs.service.retrieve(&admin.id, id).await.unwrap()).unwrap();
    assert_eq!(done["status"], "completed", "{done}");
    assert_eq!(
        done["result"]["stat_descriptors"][0]["message"],
        "There will be 1 orders exported by this action"
    );
    let key = done["result"]["file_key"].as_str().unwrap();
    let csv = std::fs::read_to_string(jobs.dir.0.join(".protected").join(key)).unwrap();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], HEADER);
    let order = &built.order;
    assert_eq!(
        lines[1],
        format!(
            "{};7;pending;Sat, 05 Dec 2026 14:10:59 GMT;;;jane@example.com;{};Hauptstrasse 1;;de;Berlin;10115;{};not_fulfilled;awaiting;2500;0;0;0;0;0;2500;eur;;",
            order.id, jane.id, region.id
        )
    );
    assert_eq!(lines[2], "");
}
