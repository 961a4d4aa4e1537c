//! The line-item generator: prices from the selection, custom prices, owners, tax lines.

use medusa_cart::{
    add_variant_lines_in, generate_line_items_in, item_tax_lines_of, LineOwner, PricingContext,
    TaxLines, VariantLine,
};
use medusa_core::Error;
use medusa_test_support::builders::{
    CustomerBuilder, OrderBuilder, ProductBuilder, RegionBuilder, VariantBuilder,
};
use medusa_test_support::on_both_backends;
use sea_orm::DatabaseConnection;

on_both_backends!(
    variant_lines_are_priced_and_taxed_for_an_order,
    a_variant_without_a_price_is_refused,
    an_unknown_variant_is_refused,
);

fn line(variant_id: &str, quantity: i64) -> VariantLine {
    VariantLine {
        variant_id: variant_id.into(),
        quantity,
        ..VariantLine::default()
    }
}

async fn variant_lines_are_priced_and_taxed_for_an_order(db: DatabaseConnection) {
    let region = RegionBuilder::new("EU")
        .currency("eur")
        .tax_rate(25.0)
        .insert(&db)
        .await;
    let built = ProductBuilder::new("Shirt")
        .variant(
            VariantBuilder::new("Small")
                .price("eur", 1200)
                .price("usd", 900),
        )
        .variant(VariantBuilder::new("Large").region_price(&region, 1500))
        .insert(&db)
        .await;
    let customer = CustomerBuilder::new("c@example.com").insert(&db).await;
    let order = OrderBuilder::new(&region.id, "eur", &customer.id, "c@example.com")
        .insert(&db)
        .await;
    let context = PricingContext {
        region_id: &region.id,
        customer_id: Some(&customer.id),
        tax_inclusive: false,
    };
    let mut custom = line(&built.variants[1].id, 3);
    custom.unit_price = Some(-5);
    let rows = add_variant_lines_in(
        &db,
        LineOwner::Order(&order.order.id),
        &context,
        &[line(&built.variants[0].id, 2), custom],
        TaxLines::Create {
            region_id: &region.id,
        },
    )
    .await
    .unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].unit_price, 1200);
    assert_eq!(rows[0].quantity, 2);
    assert_eq!(rows[0].title, "Shirt");
    assert_eq!(rows[0].description.as_deref(), Some("Small"));
    assert!(rows[0].should_merge);
    assert_eq!(rows[0].order_id.as_deref(), Some(order.order.id.as_str()));
    assert_eq!(rows[0].cart_id, None);
    // A given unit price is kept (a negative one is 0) and the line is not merged.
    assert_eq!(rows[1].unit_price, 0);
    assert!(!rows[1].should_merge);
    let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    let lines = item_tax_lines_of(&db, &ids).await.unwrap();
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|l| l.rate == 25.0 && l.name == "default"));
}

async fn a_variant_without_a_price_is_refused(db: DatabaseConnection) {
    let region = RegionBuilder::new("EU").currency("eur").insert(&db).await;
    let built = ProductBuilder::new("Shirt")
        .variant(VariantBuilder::new("Unpriced").price("usd", 900))
        .insert(&db)
        .await;
    let context = PricingContext {
        region_id: &region.id,
        customer_id: None,
        tax_inclusive: false,
    };
    let err = generate_line_items_in(&db, &context, &[line(&built.variants[0].id, 1)])
        .await
        .unwrap_err();
    assert!(matches!(&err, Error::InvalidData(m)
        if m == "Cannot generate line item for variant \"Unpriced\" without a price"));
}

async fn an_unknown_variant_is_refused(db: DatabaseConnection) {
    let region = RegionBuilder::new("EU").currency("eur").insert(&db).await;
    let context = PricingContext {
        region_id: &region.id,
        customer_id: None,
        tax_inclusive: false,
    };
    let err = generate_line_items_in(&db, &context, &[line("variant_nope", 1)])
        .await
        .unwrap_err();
    assert!(matches!(&err, Error::InvalidData(m)
        if m == "Unable to generate the line items, some variant has not been found: variant_nope"));
}
