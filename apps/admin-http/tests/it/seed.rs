//! Loading store descriptions (`bootstrap::load_seed`): the demo fixture and the reference
//! Medusa seed file, read back over HTTP; a second load changes nothing; unknown sections are
//! refused by name.

use medusa_admin_http::bootstrap;
use medusa_test_support::on_both_backends;
use serde_json::Value;

use crate::support::{admin, get, send, TestApp};

/// The seed file the reference Medusa server was loaded with.
fn reference_seed() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/reference/medusa-ref-seed.json");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("the reference seed {} is missing: {err}", path.display()))
}

/// The answers the checks read, with a limit that shows everything.
async fn answers(app: &TestApp) -> [Value; 3] {
    let service = app.service().await;
    let mut out = Vec::new();
    for path in [
        "/admin/products?limit=100",
        "/admin/collections?limit=100",
        "/admin/shipping-options",
    ] {
        let answer = send(&service, admin(get(path))).await;
        assert_eq!(answer.status, 200, "{path}: {}", answer.text);
        out.push(answer.body);
    }
    out.try_into().unwrap()
}

fn by<'a>(items: &'a Value, key: &str, value: &str) -> &'a Value {
    items
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item[key] == value)
        .unwrap_or_else(|| panic!("no item with {key} = {value}"))
}

fn titles(items: &Value, key: &str) -> Vec<String> {
    let mut out: Vec<String> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item[key].as_str().unwrap().to_owned())
        .collect();
    out.sort();
    out
}

fn price(variant: &Value, currency: &str) -> i64 {
    variant["prices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["currency_code"] == currency && p["region_id"].is_null())
        .unwrap_or_else(|| panic!("no {currency} price on {}", variant["title"]))["amount"]
        .as_i64()
        .unwrap()
}

/// Loads `text` a second time and checks that no answer changed, not even a timestamp.
async fn reload_changes_nothing(app: &TestApp, text: &str, before: &[Value; 3]) {
    let report = bootstrap::apply_seed(&app.state, &app.db, text)
        .await
        .unwrap();
    let created: Vec<_> = [
        &report.regions,
        &report.shipping_options,
        &report.product_collections,
        &report.products,
    ]
    .into_iter()
    .flatten()
    .filter(|entry| entry.created)
    .collect();
    assert!(created.is_empty(), "created again: {created:?}");
    assert_eq!(&answers(app).await, before);
}

on_both_backends! {
    async fn the_demo_store_loads_its_catalog_and_shipping(app) {
        let text = bootstrap::DEMO_STORE;
        bootstrap::load_seed(&app.state, &app.db, text).await.unwrap();
        let before = answers(&app).await;
        let [products, collections, options] = &before;

        assert_eq!(collections["count"], 2);
        assert_eq!(titles(&collections["collections"], "handle"), ["essentials", "summer"]);

        assert_eq!(products["count"], 5);
        let items = &products["products"];
        let tee = by(items, "handle", "demo-t-shirt");
        assert_eq!(tee["status"], "published");
        assert_eq!(tee["collection"]["handle"], "summer");
        assert_eq!(tee["type"]["value"], "Shirt");
        assert_eq!(titles(&tee["tags"], "value"), ["cotton", "summer"]);
        let images = "https://medusa-public-images.s3.eu-west-1.amazonaws.com/tee-";
        assert_eq!(
            titles(&tee["images"], "url"),
            [format!("{images}black-front.png"), format!("{images}white-front.png")]
        );
        // The file's first image (the list does not order images).
        assert_eq!(tee["thumbnail"], format!("{images}black-front.png"));
        assert_eq!(titles(&tee["options"], "title"), ["Color", "Size"]);
        assert_eq!(tee["variants"].as_array().unwrap().len(), 6);
        let medium_white = by(&tee["variants"], "title", "M / White");
        assert_eq!(medium_white["sku"], "DEMO-TEE-M-W");
        assert_eq!((price(medium_white, "eur"), price(medium_white, "usd")), (1950, 2200));
        // Values are matched to options by position.
        let size = by(&tee["options"], "title", "Size")["id"].clone();
        let color = by(&tee["options"], "title", "Color")["id"].clone();
        let values = &medium_white["options"];
        assert_eq!(by(values, "option_id", size.as_str().unwrap())["value"], "M");
        assert_eq!(by(values, "option_id", color.as_str().unwrap())["value"], "White");
        assert_eq!(by(items, "handle", "demo-beanie")["status"], "draft");
        assert!(by(items, "handle", "demo-beanie")["collection_id"].is_null());
        assert_eq!(
            by(items, "handle", "demo-coffee-mug")["collection"]["handle"],
            "essentials"
        );

        assert_eq!(options["count"], 5);
        let options = options["shipping_options"].as_array().unwrap();
        let regions: Vec<_> = options.iter().map(|o| o["region"]["name"].as_str().unwrap()).collect();
        assert_eq!(regions.iter().filter(|r| **r == "EU").count(), 3);
        assert_eq!(regions.iter().filter(|r| **r == "NA").count(), 2);
        let express_na = options
            .iter()
            .find(|o| o["name"] == "Express Shipping" && o["region"]["name"] == "NA")
            .unwrap();
        assert_eq!(express_na["amount"], 2000);
        assert_eq!(express_na["profile"]["type"], "default");
        assert_eq!(express_na["requirements"][0]["type"], "min_subtotal");
        assert_eq!(express_na["requirements"][0]["amount"], 5000);
        let returns: Vec<_> = options.iter().filter(|o| o["is_return"] == true).collect();
        assert_eq!(returns.len(), 1);
        assert_eq!(returns[0]["name"], "Return Shipping");

        reload_changes_nothing(&app, text, &before).await;
    }
}

on_both_backends! {
    async fn the_reference_seed_loads_and_reloads_as_a_no_op(app) {
        let text = reference_seed();
        bootstrap::load_seed(&app.state, &app.db, &text).await.unwrap();
        let before = answers(&app).await;
        let [products, collections, options] = &before;

        assert_eq!(collections["count"], 2);
        assert_eq!(titles(&collections["collections"], "title"), ["Basics", "Summer Collection"]);
        assert_eq!(products["count"], 7);
        let items = &products["products"];
        let tee = by(items, "handle", "t-shirt");
        assert_eq!(tee["collection"]["handle"], "summer");
        assert_eq!(tee["metadata"]["ref"], "tshirt");
        assert_eq!(tee["origin_country"], "pt");
        assert_eq!(tee["variants"].as_array().unwrap().len(), 8);
        let gift_card = by(items, "handle", "gift-card");
        assert_eq!(gift_card["is_giftcard"], true);
        assert_eq!(gift_card["discountable"], false);
        assert_eq!(gift_card["profile"]["type"], "gift_card");
        assert_eq!(by(items, "handle", "hoodie")["status"], "draft");
        assert_eq!(by(items, "handle", "coffee-mug")["status"], "published");

        assert_eq!(options["count"], 7);
        let options = options["shipping_options"].as_array().unwrap();
        // The file's region ids are real ones (`reg_...`), kept as given.
        let in_eu = options.iter().filter(|o| o["region_id"] == "reg_ref_eu").count();
        let in_na = options.iter().filter(|o| o["region_id"] == "reg_ref_na").count();
        assert_eq!((in_eu, in_na), (4, 3));
        let gift_card_delivery: Vec<_> = options
            .iter()
            .filter(|o| o["name"] == "Gift Card Delivery")
            .map(|o| o["profile"]["type"].as_str().unwrap())
            .collect();
        assert_eq!(gift_card_delivery, ["gift_card", "gift_card"]);

        reload_changes_nothing(&app, &text, &before).await;
    }
}

on_both_backends! {
    async fn unknown_sections_are_refused_by_name(app) {
        let err = bootstrap::load_seed(
            &app.state,
            &app.db,
            r#"{"products": [], "categories": [{"name": "Shirts"}], "discounts": [{"code": "X"}]}"#,
        )
        .await
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "The seed file has sections this server does not load: categories, discounts. \
             Supported sections: store, users, regions, shipping_options, product_collections, products."
        );
        let [products, collections, options] = answers(&app).await;
        assert_eq!((&products["count"], &collections["count"], &options["count"]), (&0.into(), &0.into(), &0.into()));
    }
}
