use medusa_entity::sea_orm_active_enums::{
    ShippingOptionPriceTypeEnum, ShippingOptionRequirementTypeEnum, UserRoleEnum,
};
use medusa_entity::{
    country, region, region_fulfillment_providers, region_payment_providers, store,
};
use medusa_store::seed::Seeded;
use medusa_store::{apply_store_seed, parse, SeaStoreService, SeedFile, SeedReport, StoreService};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;

use medusa_test_support::TestDb;

use crate::support::count;

const DEMO: &str = include_str!("../../../../fixtures/demo-store.json");

fn seed(value: serde_json::Value) -> SeedFile {
    parse(&value.to_string()).unwrap()
}

fn parse_error(text: &str) -> String {
    let err = parse(text).unwrap_err();
    assert_eq!(err.status(), 400);
    err.to_string()
}

async fn register_manual(db: &DatabaseConnection) {
    SeaStoreService::new(db.clone(), Default::default())
        .register_providers(&["manual"], &["manual"])
        .await
        .unwrap();
}

async fn countries_of(db: &DatabaseConnection, region_id: &str) -> Vec<String> {
    country::Entity::find()
        .filter(country::Column::RegionId.eq(region_id))
        .order_by_asc(country::Column::Iso2)
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.iso_2)
        .collect()
}

#[test]
fn the_demo_fixture_describes_a_store_a_catalog_and_shipping_without_users() {
    let demo = parse(DEMO).unwrap();
    let store = demo.store.unwrap();
    assert_eq!(store.name, Some(Some("Medusa Demo Store".to_owned())));
    assert_eq!(
        store.currencies,
        Some(vec!["eur".to_owned(), "usd".to_owned()])
    );
    assert_eq!(store.default_currency_code.as_deref(), Some("eur"));
    assert!(demo.users.is_empty());
    let names: Vec<_> = demo.regions.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["EU", "NA"]);
    let handles: Vec<_> = demo
        .product_collections
        .iter()
        .map(|c| c.handle())
        .collect();
    assert_eq!(handles, ["summer", "essentials"]);
    assert_eq!(demo.products.len(), 5);
    assert_eq!(demo.shipping_options.len(), 5);
    let option_regions: Vec<_> = demo
        .shipping_options
        .iter()
        .map(|o| o.region_id.as_str())
        .collect();
    assert_eq!(option_regions, ["eu", "eu", "na", "na", "eu"]);
    // Every product names a collection of the file, or none; every variant has eur and usd.
    for product in &demo.products {
        if let Some(collection) = &product.collection_id {
            assert!(demo
                .product_collections
                .iter()
                .any(|c| c.id.as_ref() == Some(collection)));
        }
        for variant in &product.variants {
            let mut currencies: Vec<_> = variant.fields["prices"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["currency_code"].as_str().unwrap())
                .collect();
            currencies.sort();
            assert_eq!(currencies, ["eur", "usd"], "{}", product.title);
            assert_eq!(
                variant.fields["options"].as_array().unwrap().len(),
                product.options.len()
            );
        }
    }
}

#[test]
fn the_reference_seed_parses_whole() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/reference/medusa-ref-seed.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("the reference seed {} is missing: {err}", path.display()));
    let parsed = parse(&text).unwrap();
    assert_eq!(
        (
            parsed.regions.len(),
            parsed.shipping_options.len(),
            parsed.product_collections.len(),
            parsed.products.len()
        ),
        (2, 7, 2, 7)
    );
    let gift_cards: Vec<_> = parsed
        .shipping_options
        .iter()
        .filter(|o| o.is_giftcard)
        .map(|o| o.region_id.as_str())
        .collect();
    assert_eq!(gift_cards, ["reg_ref_eu", "reg_ref_na"]);
    assert!(parsed.shipping_options[4].is_return);
}

#[test]
fn sections_this_server_does_not_load_are_refused_by_name() {
    let message = parse_error(
        r#"{"store": {}, "products": [{"title": "Shirt"}], "categories": [{"name": "Tops"}], "publishable_api_keys": [{}], "regions": []}"#,
    );
    assert_eq!(
        message,
        "The seed file has sections this server does not load: categories, publishable_api_keys. Supported sections: store, users, regions, shipping_options, product_collections, products."
    );
    // Empty ones lose nothing and are accepted, as Medusa's own seed files carry them.
    let parsed =
        parse(r#"{"products": [], "categories": {}, "publishable_api_keys": null}"#).unwrap();
    assert_eq!(parsed, SeedFile::default());
}

fn report_with(regions: &[(&str, &str)], collections: &[(&str, &str)]) -> SeedReport {
    let entries = |pairs: &[(&str, &str)]| {
        pairs
            .iter()
            .map(|(seed_id, id)| Seeded {
                seed_id: Some((*seed_id).to_owned()),
                id: (*id).to_owned(),
                name: String::new(),
                created: true,
            })
            .collect()
    };
    SeedReport {
        regions: entries(regions),
        product_collections: entries(collections),
        ..SeedReport::default()
    }
}

#[test]
fn a_seed_product_becomes_a_product_create_body() {
    let parsed = seed(json!({"products": [{
        "id": "tee", "title": "Crème T-Shirt", "collection_id": "summer", "created_at": "2024-01-01T10:00:00.000Z",
        "type": {"value": "Shirt"}, "tags": [{"value": "cotton"}], "images": ["https://x/a.png"], "weight": 400,
        "options": [{"title": "Size", "values": ["S", "M"]}, {"title": "Color", "values": ["Black"]}],
        "variants": [{"id": "variant_tee_s", "title": "S / Black", "sku": "TEE-S",
                      "prices": [{"currency_code": "eur", "amount": 1950}, {"region_id": "na", "amount": 2200}],
                      "options": [{"value": "S"}, {"value": "Black"}], "inventory_quantity": 10}]
    }, {
        "title": "Mug", "handle": "the-mug", "status": "draft", "collection_id": "pcol_existing"
    }]}));
    let ids = report_with(&[("na", "reg_made")], &[("summer", "pcol_made")]);
    let tee = &parsed.products[0];
    assert_eq!(tee.handle(), "creme-t-shirt");
    assert_eq!(
        tee.create_body(&ids),
        json!({
            "title": "Crème T-Shirt", "handle": "creme-t-shirt", "status": "published",
            "collection_id": "pcol_made", "type": {"value": "Shirt"}, "tags": [{"value": "cotton"}],
            "images": ["https://x/a.png"], "weight": 400,
            "options": [{"title": "Size"}, {"title": "Color"}],
            "variants": [{"title": "S / Black", "sku": "TEE-S",
                          "prices": [{"currency_code": "eur", "amount": 1950}, {"region_id": "reg_made", "amount": 2200}],
                          "options": [{"value": "S"}, {"value": "Black"}], "inventory_quantity": 10}]
        })
    );
    // A status given is kept; an id the file does not define passes through.
    assert_eq!(
        parsed.products[1].create_body(&ids),
        json!({"title": "Mug", "handle": "the-mug", "status": "draft",
               "collection_id": "pcol_existing", "options": [], "variants": []})
    );
}

#[test]
fn seed_shipping_options_and_collections_take_medusas_fields() {
    let parsed = seed(json!({
        "shipping_options": [{"name": "Express", "region_id": "eu", "provider_id": "manual",
            "data": {"id": "manual-fulfillment"}, "price_type": "flat_rate", "amount": 1500,
            "is_giftcard": true, "requirements": [{"type": "min_subtotal", "amount": 100}],
            "created_at": "2024-01-01T09:00:00.000Z"}],
        "product_collections": [{"id": "summer", "title": "Summer Things"}]
    }));
    let option = &parsed.shipping_options[0];
    assert_eq!(option.price_type, ShippingOptionPriceTypeEnum::FlatRate);
    assert_eq!(
        (option.amount, option.is_giftcard, option.is_return),
        (Some(1500), true, false)
    );
    assert_eq!(
        option.requirements.as_ref().unwrap()[0].requirement_type,
        ShippingOptionRequirementTypeEnum::MinSubtotal
    );
    assert_eq!(parsed.product_collections[0].handle(), "summer-things");
    let ids = report_with(&[("eu", "reg_made")], &[]);
    assert_eq!(ids.region_id("eu"), "reg_made");
    assert_eq!(ids.region_id("reg_other"), "reg_other");
}

#[test]
fn malformed_files_say_where() {
    let cases = [
        ("not json", "The seed file is not valid JSON: expected ident at line 1 column 2"),
        ("[]", "The seed file must be a JSON object"),
        (r#"{"regions": {}}"#, "The seed file's regions must be an array"),
        (r#"{"store": {"name": "x", "colour": "red"}}"#, "The seed file's store is invalid: unknown field `colour`, expected one of `name`, `swap_link_template`, `payment_link_template`, `invite_link_template`, `default_currency_code`, `currencies`, `metadata`"),
        (
            r#"{"regions": [{"name": "EU", "currency_code": "eur", "tax_rate": 0, "countries": [], "payment_providers": [], "fulfillment_providers": []}, {"name": "NA"}]}"#,
            "The seed file's regions[1] is invalid: missing field `currency_code`",
        ),
        (r#"{"users": [{"email": "a@b.c", "password": "p", "role": "owner"}]}"#, "The seed file's users[0] is invalid: unknown variant `owner`, expected one of `admin`, `member`, `developer`"),
        (r#"{"shipping_options": [{"name": "S", "region_id": "eu", "provider_id": "manual", "price_type": "free"}]}"#, "The seed file's shipping_options[0] is invalid: unknown variant `free`, expected `flat_rate` or `calculated`"),
        (r#"{"product_collections": [{"title": "C", "products": []}]}"#, "The seed file's product_collections[0] is invalid: unknown field `products`, expected one of `id`, `title`, `handle`, `metadata`, `created_at`"),
        (r#"{"products": [{"title": "P", "options": [{"name": "Size"}]}]}"#, "The seed file's products[0] is invalid: unknown field `name`, expected `title` or `values`"),
        (r#"{"products": [{"handle": "p"}]}"#, "The seed file's products[0] is invalid: missing field `title`"),
    ];
    for (text, message) in cases {
        assert_eq!(parse_error(text), message, "{text}");
    }
}

#[test]
fn users_are_kept_for_the_caller() {
    let parsed = seed(
        json!({"users": [{"email": "a@example.com", "password": "secret", "first_name": "A", "role": "member"}]}),
    );
    let user = &parsed.users[0];
    assert_eq!(
        (user.email.as_str(), user.password.as_str()),
        ("a@example.com", "secret")
    );
    assert_eq!(user.first_name.as_deref(), Some("A"));
    assert_eq!(user.last_name, None);
    assert_eq!(user.role, Some(UserRoleEnum::Member));
    assert!(!format!("{parsed:?}").contains("secret"));
}

#[tokio::test]
async fn the_demo_store_loads_once_and_reloads_as_a_no_op() {
    for t in TestDb::both().await {
        register_manual(&t.db).await;
        let demo = parse(DEMO).unwrap();
        let report = apply_store_seed(&t.db, &demo).await.unwrap();
        assert!(
            report.store_created && report.store_updated,
            "{}",
            t.label()
        );
        assert!(report
            .regions
            .iter()
            .all(|r| r.created && r.id.starts_with("reg_") && r.seed_id.is_some()));
        // The fixture's region names map to the created ids for the sections after them.
        assert_eq!(report.region_id("eu"), report.regions[0].id);
        assert_eq!(report.region_id("na"), report.regions[1].id);

        let view = SeaStoreService::new(t.db.clone(), Default::default())
            .retrieve()
            .await
            .unwrap();
        assert_eq!(view.store.name, "Medusa Demo Store");
        assert_eq!(view.store.default_currency_code, "eur");
        let codes: Vec<_> = view.currencies.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes, ["usd", "eur"]);

        let eu = region::Entity::find_by_id(report.regions[0].id.clone())
            .one(&t.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (eu.name.as_str(), eu.currency_code.as_str(), eu.tax_rate),
            ("EU", "eur", 0.0)
        );
        assert!(eu.automatic_taxes && eu.gift_cards_taxable && eu.tax_provider_id.is_none());
        assert_eq!(
            countries_of(&t.db, &eu.id).await,
            ["de", "dk", "es", "fr", "gb", "it", "se"]
        );
        assert_eq!(
            countries_of(&t.db, &report.regions[1].id).await,
            ["ca", "us"]
        );
        assert_eq!(count::<region_payment_providers::Entity>(&t.db).await, 2);
        assert_eq!(
            count::<region_fulfillment_providers::Entity>(&t.db).await,
            2
        );

        let store_before = store::Entity::find().one(&t.db).await.unwrap();
        let again = apply_store_seed(&t.db, &demo).await.unwrap();
        assert!(!again.store_created && again.store_updated);
        assert!(again.regions.iter().all(|r| !r.created));
        let ids = |r: &medusa_store::SeedReport| {
            r.regions.iter().map(|r| r.id.clone()).collect::<Vec<_>>()
        };
        assert_eq!(ids(&again), ids(&report));
        assert_eq!(
            store::Entity::find().one(&t.db).await.unwrap(),
            store_before
        );
        assert_eq!(count::<region::Entity>(&t.db).await, 2);
        assert_eq!(count::<region_payment_providers::Entity>(&t.db).await, 2);
    }
}

#[tokio::test]
async fn region_ids_follow_medusas_seed() {
    for t in TestDb::both().await {
        register_manual(&t.db).await;
        let file = seed(json!({
            "store": {"currencies": ["usd", "eur"]},
            "regions": [
                {"id": "reg_fixed", "name": "Fixed", "currency_code": "USD", "tax_rate": 12.5, "tax_code": "VAT",
                 "countries": ["US", "us"], "payment_providers": ["manual", "manual"], "fulfillment_providers": [],
                 "metadata": {"keep": 1, "drop": ""}, "created_at": "2024-01-01T08:00:00.000Z"},
                {"id": "eu", "name": "Europe", "currency_code": "eur", "tax_rate": 0, "countries": [],
                 "payment_providers": [], "fulfillment_providers": ["manual"]}
            ]
        }));
        let report = apply_store_seed(&t.db, &file).await.unwrap();
        assert_eq!(report.regions[0].id, "reg_fixed");
        assert_eq!(report.regions[1].seed_id.as_deref(), Some("eu"));
        assert!(report.regions[1].id.starts_with("reg_") && report.regions[1].id.len() == 30);

        let fixed = region::Entity::find_by_id("reg_fixed".to_owned())
            .one(&t.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(fixed.currency_code, "usd");
        assert_eq!(
            (fixed.tax_rate, fixed.tax_code.as_deref()),
            (12.5, Some("VAT"))
        );
        assert_eq!(fixed.metadata, Some(json!({"keep": 1})));
        assert_eq!(
            medusa_core::time::format(&fixed.created_at),
            "2024-01-01T08:00:00.000Z"
        );
        assert_ne!(fixed.updated_at, fixed.created_at);
        assert_eq!(countries_of(&t.db, "reg_fixed").await, ["us"]);
        assert_eq!(count::<region_payment_providers::Entity>(&t.db).await, 1);

        // By name the second time, since its file id is not a region id.
        let again = apply_store_seed(&t.db, &file).await.unwrap();
        assert_eq!(again.regions[1].id, report.regions[1].id);
        assert!(!again.regions[1].created);
    }
}

#[tokio::test]
async fn a_bad_region_is_refused_with_medusas_message_and_nothing_is_kept() {
    let good = json!({"name": "Good", "currency_code": "eur", "tax_rate": 0, "countries": ["de"],
                      "payment_providers": ["manual"], "fulfillment_providers": ["manual"]});
    let with = |changes: serde_json::Value| {
        let mut region = json!({"name": "Bad", "currency_code": "eur", "tax_rate": 0, "countries": [],
                                "payment_providers": [], "fulfillment_providers": []});
        for (key, value) in changes.as_object().unwrap() {
            region[key] = value.clone();
        }
        region
    };
    let cases = [
        (
            with(json!({"tax_rate": 101})),
            400,
            "The tax_rate must be between 0 and 1",
        ),
        (
            with(json!({"tax_rate": -1})),
            400,
            "The tax_rate must be between 0 and 1",
        ),
        (
            with(json!({"countries": ["xx"]})),
            400,
            "Invalid country code",
        ),
        (
            with(json!({"countries": ["DE"]})),
            422,
            "Germany already exists in region reg_good",
        ),
        (
            with(json!({"payment_providers": ["stripe"]})),
            400,
            "Payment provider not found",
        ),
        (
            with(json!({"fulfillment_providers": ["webshipper"]})),
            400,
            "Fulfillment provider not found",
        ),
        (
            with(json!({"currency_code": "gbp"})),
            400,
            "Invalid currency code",
        ),
    ];
    for t in TestDb::both().await {
        register_manual(&t.db).await;
        let mut first = good.clone();
        first["id"] = json!("reg_good");
        for (region, status, message) in &cases {
            let file = seed(json!({
                "store": {"name": "Changed", "currencies": ["eur", "usd"], "default_currency_code": "eur"},
                "regions": [first, region]
            }));
            let err = apply_store_seed(&t.db, &file).await.unwrap_err();
            assert_eq!(err.status(), *status, "{region} on {}", t.label());
            assert_eq!(
                err.to_string(),
                format!("regions[1] (Bad): {message}"),
                "{region}"
            );
            // One transaction: the store change and the good region are gone too.
            assert_eq!(count::<region::Entity>(&t.db).await, 0, "{region}");
            assert!(countries_of(&t.db, "reg_good").await.is_empty());
            assert_eq!(count::<store::Entity>(&t.db).await, 0);
        }
    }
}
