//! What `OrderService::rows` hands the totals crate: every row totals read, typed.

use medusa_core::FeatureFlags;
use medusa_order::{plan_order_list, plan_order_retrieve, OrderService, SeaOrderService};
use medusa_test_support::builders::{
    AddressFields, CustomerBuilder, DiscountBuilder, ItemBuilder, OrderBuilder, RegionBuilder,
};
use medusa_test_support::on_both_backends;
use sea_orm::prelude::Decimal;
use sea_orm::{ConnectionTrait, DatabaseConnection};

on_both_backends!(
    rows_carry_what_totals_read,
    list_plans_totals_as_medusa_does,
    missing_order_is_medusas_404
);

async fn rows_carry_what_totals_read(db: DatabaseConnection) {
    let region = RegionBuilder::new("EU")
        .currency("eur")
        .tax_rate(19.0)
        .insert(&db)
        .await;
    let jane = CustomerBuilder::new("jane@example.com").insert(&db).await;
    let (discount, rule) = DiscountBuilder::new("TEN")
        .percentage(10)
        .insert_with_rule(&db)
        .await;
    let built = OrderBuilder::new(&region.id, "eur", &jane.id, &jane.email)
        .shipping_address(AddressFields::new("Jane", "Doe", "Main 1", "Berlin", "de"))
        .item(
            ItemBuilder::new("Shirt", 1000, 2)
                .tax_line(19.0, "VAT", "vat")
                .adjustment(Decimal::new(2005, 1), Some(&discount.id))
                .shipped(2)
                .returned(1),
        )
        .item(ItemBuilder::new("Mug", 500, 1))
        .discount(&discount.id)
        .payment(2000, "manual", true)
        .insert(&db)
        .await;

    let service = SeaOrderService::new(db.clone(), FeatureFlags::default());
    let query = plan_order_retrieve("", true).unwrap();
    assert!(query.totals.full);
    let rows = service.rows(&built.order.id, &query).await.unwrap();
    assert_eq!(rows.region.clone().flatten().unwrap().tax_rate, 19.0);
    let items = rows.items.as_ref().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].item.title, "Shirt");
    assert_eq!(items[0].tax_lines.len(), 1);
    assert_eq!(items[0].tax_lines[0].rate, 19.0);
    assert_eq!(items[0].adjustments[0].amount, Decimal::new(2005, 1));
    assert!(items[1].tax_lines.is_empty() && items[1].adjustments.is_empty());
    let discounts = rows.discounts.as_ref().unwrap();
    assert_eq!(discounts[0].discount.id, discount.id);
    assert_eq!(discounts[0].rule.as_ref().unwrap().id, rule.id);
    assert_eq!(rows.payments.as_ref().unwrap()[0].amount, 2000);
    assert_eq!(rows.refunds.as_deref(), Some(&[][..]));
    assert_eq!(rows.gift_cards.as_deref(), Some(&[][..]));
    assert_eq!(rows.shipping_methods.as_ref().map(Vec::len), Some(0));
    assert_eq!(rows.swaps.as_ref().map(Vec::len), Some(0));

    // The answer: a fractional adjustment stays a number; the item shows its stored quantity
    // (Medusa's line totals assign it back after `decorateTotals` netted it), its totals on
    // that quantity and `refundable` on the quantity not returned; the shipped-but-not-
    // returned item is returnable.
    let query = plan_order_retrieve("expand=items,returnable_items", true).unwrap();
    let order = service.retrieve(&built.order.id, &query).await.unwrap();
    assert_eq!(
        order["items"][0]["adjustments"][0]["amount"],
        serde_json::json!(200.5)
    );
    assert_eq!(order["items"][0]["quantity"], 2);
    let shirt = &order["items"][0];
    let figures: Vec<_> = [
        "subtotal",
        "discount_total",
        "tax_total",
        "total",
        "original_tax_total",
        "original_total",
        "refundable",
    ]
    .iter()
    .map(|k| shirt[*k].as_i64().unwrap())
    .collect();
    // 2 × 1000 − 200.5 (rounded 201), 19 % of 1799.5 (342); refund of 1 unit: 1000 − 100, + 171.
    assert_eq!(figures, [2000, 201, 342, 2141, 380, 2380, 1071]);
    assert_eq!(order["discount_total"], 201);
    assert_eq!(order["total"], 2000 + 500 - 201 + 342);
    assert_eq!(order["returnable_items"].as_array().unwrap().len(), 1);
    assert!(order.get("payments").is_none());
}

async fn list_plans_totals_as_medusa_does(db: DatabaseConnection) {
    let backend = db.get_database_backend();
    let defaults = plan_order_list("", backend, true).unwrap();
    assert!(!defaults.query.totals.full);
    assert_eq!(
        defaults.query.totals.fields,
        [
            "items.refundable",
            "swaps.additional_items.refundable",
            "claims.additional_items.refundable"
        ]
    );
    let named = plan_order_list("fields=id,total", backend, true).unwrap();
    assert_eq!(named.query.totals.fields, ["total"]);
    assert!(!named.query.totals.full);
    let none = plan_order_list("fields=id,email", backend, true).unwrap();
    assert!(none.query.totals.fields.is_empty() && none.query.totals.full);
    let service = SeaOrderService::new(db, FeatureFlags::default());
    let page = service.list(&defaults).await.unwrap();
    assert_eq!((page.count, page.items.len()), (0, 0));
}

async fn missing_order_is_medusas_404(db: DatabaseConnection) {
    let service = SeaOrderService::new(db, FeatureFlags::default());
    let query = plan_order_retrieve("", true).unwrap();
    let err = service.retrieve("order_missing", &query).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "Order with id: order_missing was not found"
    );
}
