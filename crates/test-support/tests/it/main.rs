//! The harness and the builders on both backends: what a builder inserts reads back as the
//! rows Medusa would hold.

// Tests may unwrap: a panic there is the failure report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use medusa_entity::sea_orm_active_enums::ProductStatusEnum;
use medusa_entity::{
    country, customer_group_customers, money_amount, product_sales_channel, product_variant,
    product_variant_money_amount, region_fulfillment_providers,
};
use medusa_test_support::builders::{
    CustomerBuilder, CustomerGroupBuilder, ProductBuilder, RegionBuilder, SalesChannelBuilder,
    VariantBuilder,
};
use medusa_test_support::{on_both_backends, Backend, TestDb};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder,
};
use serde_json::json;

on_both_backends!(
    databases_are_migrated_and_fresh,
    regions_get_countries_and_providers,
    customers_join_groups,
    products_get_variants_prices_and_channels,
);

async fn databases_are_migrated_and_fresh(db: DatabaseConnection) {
    assert_eq!(country::Entity::find().count(&db).await.unwrap(), 250);
    assert_eq!(
        medusa_entity::region::Entity::find()
            .count(&db)
            .await
            .unwrap(),
        0
    );
}

async fn regions_get_countries_and_providers(db: DatabaseConnection) {
    // Providers are the store's to register; the test registers the one it names.
    medusa_entity::fulfillment_provider::Entity::insert(
        medusa_entity::fulfillment_provider::ActiveModel {
            id: sea_orm::Set("manual".into()),
            is_installed: sea_orm::Set(true),
        },
    )
    .exec_without_returning(&db)
    .await
    .unwrap();
    let eu = RegionBuilder::new("EU")
        .currency("eur")
        .tax_rate(19.0)
        .countries(["de", "fr"])
        .fulfillment_provider("manual")
        .metadata(json!({"k": "v"}))
        .insert(&db)
        .await;
    assert!(eu.id.starts_with("reg_"));
    assert_eq!((eu.currency_code.as_str(), eu.tax_rate), ("eur", 19.0));
    let countries: Vec<String> = country::Entity::find()
        .filter(country::Column::RegionId.eq(eu.id.clone()))
        .order_by_asc(country::Column::Iso2)
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.iso_2)
        .collect();
    assert_eq!(countries, ["de", "fr"]);
    let providers = region_fulfillment_providers::Entity::find()
        .all(&db)
        .await
        .unwrap();
    assert_eq!(providers.len(), 1);
    assert_eq!(providers[0].region_id, eu.id);

    let defaults = RegionBuilder::new("NA").id("reg_na").insert(&db).await;
    assert_eq!(defaults.id, "reg_na");
    assert_eq!(defaults.currency_code, "usd");
    assert!(defaults.automatic_taxes && defaults.gift_cards_taxable);
}

async fn customers_join_groups(db: DatabaseConnection) {
    let vip = CustomerGroupBuilder::new("VIP").insert(&db).await;
    let jane = CustomerBuilder::new("jane@example.com")
        .name("Jane", "Doe")
        .account("hash")
        .group(&vip.id)
        .insert(&db)
        .await;
    let guest = CustomerBuilder::new("guest@example.com").insert(&db).await;
    assert!(jane.has_account && !guest.has_account);
    assert_eq!(jane.first_name.as_deref(), Some("Jane"));
    let members = customer_group_customers::Entity::find()
        .all(&db)
        .await
        .unwrap();
    assert_eq!(members.len(), 1);
    assert_eq!(
        (
            members[0].customer_group_id.as_str(),
            members[0].customer_id.as_str()
        ),
        (vip.id.as_str(), jane.id.as_str())
    );
}

async fn products_get_variants_prices_and_channels(db: DatabaseConnection) {
    let eu = RegionBuilder::new("EU").currency("eur").insert(&db).await;
    let web = SalesChannelBuilder::new("Web")
        .description("Online")
        .insert(&db)
        .await;
    let shirt = ProductBuilder::new("Shirt")
        .handle("shirt")
        .published()
        .sales_channel(&web.id)
        .variant(
            VariantBuilder::new("S")
                .sku("SHIRT-S")
                .inventory(10)
                .price("usd", 1000)
                .region_price(&eu, 900),
        )
        .variant(VariantBuilder::new("M").price("usd", 1100))
        .insert(&db)
        .await;
    assert_eq!(shirt.product.status, ProductStatusEnum::Published);
    assert_eq!(shirt.product.handle.as_deref(), Some("shirt"));
    let ranks: Vec<_> = shirt
        .variants
        .iter()
        .map(|v| (v.title.as_str(), v.variant_rank))
        .collect();
    assert_eq!(ranks, [("S", Some(0)), ("M", Some(1))]);
    assert_eq!(product_variant::Entity::find().count(&db).await.unwrap(), 2);

    let prices: Vec<_> = shirt
        .prices
        .iter()
        .map(|p| (p.currency_code.as_str(), p.amount, p.region_id.as_deref()))
        .collect();
    assert_eq!(
        prices,
        [
            ("usd", 1000, None),
            ("eur", 900, Some(eu.id.as_str())),
            ("usd", 1100, None)
        ]
    );
    assert_eq!(money_amount::Entity::find().count(&db).await.unwrap(), 3);
    let links = product_variant_money_amount::Entity::find()
        .filter(product_variant_money_amount::Column::VariantId.eq(shirt.variants[0].id.clone()))
        .count(&db)
        .await
        .unwrap();
    assert_eq!(links, 2);
    let channels = product_sales_channel::Entity::find()
        .all(&db)
        .await
        .unwrap();
    assert_eq!(channels.len(), 1);
    assert_eq!(channels[0].sales_channel_id, web.id);
    assert_eq!(web.description.as_deref(), Some("Online"));
}

/// Each test's database is its own, and is removed when the test is done with it.
#[test]
fn test_databases_are_removed_when_dropped() {
    medusa_test_support::block_on(async {
        for backend in Backend::ALL {
            let first = TestDb::new(backend).await;
            let second = TestDb::new(backend).await;
            assert_ne!(first.url(), second.url());
            let url = first.url().to_owned();
            drop(first);
            match backend {
                Backend::Sqlite => {
                    let path = url
                        .trim_start_matches("sqlite://")
                        .trim_end_matches("?mode=rwc");
                    assert!(!std::path::Path::new(path).exists(), "{path}");
                }
                Backend::Postgres => {
                    let name = url.rsplit('/').next().unwrap();
                    let exists = second
                        .query_one(sea_orm::Statement::from_string(
                            sea_orm::DbBackend::Postgres,
                            format!("SELECT 1 FROM pg_database WHERE datname = '{name}'"),
                        ))
                        .await
                        .unwrap();
                    assert!(exists.is_none(), "{name} is still there");
                }
            }
        }
    })
}
