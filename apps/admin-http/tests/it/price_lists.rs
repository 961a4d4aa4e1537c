//! HTTP tests of `/admin/price-lists`.
//!
//! The scenario of `tests/reference/capture-price-lists.py` (run against the second reference
//! server) is replayed here on the reference catalog; every answer must equal Medusa's after
//! redaction of ids and timestamps.

use std::time::Duration;

use actix_web::test;
use medusa_entity::{money_amount, price_list, product_variant_money_amount};
use medusa_test_support::builders::CustomerGroupBuilder;
use medusa_test_support::on_both_backends;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::support::{admin, delete, get, load_reference_catalog, post, redact, reference, send};

const VIP: &str = "cgrp_01M809MVW2ZNT9E3FNPBJJKVW5";
const OTHER: &str = "cgrp_01M809W4MGZ4F4E3HMJWFWEZZ4";

/// The reference catalog plus the reference store's two customer groups.
async fn setup(db: &sea_orm::DatabaseConnection) {
    load_reference_catalog(db).await;
    CustomerGroupBuilder::new("VIP")
        .id(VIP)
        .metadata(json!({"ref": "seed"}))
        .insert(db)
        .await;
    CustomerGroupBuilder::new("H24348")
        .id(OTHER)
        .insert(db)
        .await;
}

fn delete_with(path: &str, body: Value) -> test::TestRequest {
    delete(path).set_json(body)
}

/// Asserts an answer equals the recorded reference answer after redaction (ids inside an
/// error message too).
fn assert_reference(status: u16, body: &Value, name: &str) {
    let recorded = reference(name);
    assert_eq!(
        json!({"status": status, "body": redact_message(redact(body))}),
        json!({"status": recorded["status"], "body": redact_message(redact(&recorded["body"]))}),
        "{name}"
    );
}

/// Sorts every array of objects: for answers whose nested arrays (images, tags, option values,
/// base prices) Medusa returns in physical row order, which no query can reproduce.
fn canonical(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), canonical(v))).collect())
        }
        Value::Array(items) => {
            let mut items: Vec<Value> = items.iter().map(canonical).collect();
            if items.iter().all(Value::is_object) {
                items.sort_by_key(|item| item.to_string());
            }
            Value::Array(items)
        }
        other => other.clone(),
    }
}

fn redact_message(mut body: Value) -> Value {
    if let Some(Value::String(message)) = body.get_mut("message") {
        *message = message
            .split(' ')
            .map(|word| match word.split_once('_') {
                Some((_, ulid)) if ulid.len() == 26 => "[id]",
                _ => word,
            })
            .collect::<Vec<_>>()
            .join(" ");
    }
    body
}

/// Lists created in the same millisecond would tie on `created_at`; Medusa's were apart.
async fn tick() {
    tokio::time::sleep(Duration::from_millis(3)).await;
}

on_both_backends! {
    async fn price_list_lifecycle_matches_medusa(app) {
        setup(&app.db).await;
        let service = app.service().await;
        macro_rules! call {
            ($req:expr, $name:literal) => {{
                let answer = send(&service, admin($req)).await;
                assert_reference(answer.status, &answer.body, $name);
                answer.body
            }};
        }

        let summer = call!(post("/admin/price-lists", json!({
            "name": "PLT Summer", "description": "Summer sale", "type": "sale", "status": "active",
            "starts_at": "2024-06-01T00:00:00Z", "customer_groups": [{"id": VIP}],
            "prices": [
                {"amount": 900, "currency_code": "eur", "variant_id": "variant_ref_mug"},
                {"amount": 1000, "region_id": "reg_ref_na", "variant_id": "variant_ref_mug",
                 "min_quantity": 2, "max_quantity": 5},
                {"amount": 1500, "currency_code": "usd", "variant_id": "variant_ref_tee_s_black"},
            ],
        })), "price-lists-create")["price_list"].clone();
        insta::assert_json_snapshot!("price_lists_create", redact(&summer));
        let summer_id = summer["id"].as_str().unwrap().to_owned();
        tick().await;
        let winter = call!(post("/admin/price-lists", json!({
            "name": "PLT Winter", "description": "VIP only override", "type": "override",
            "customer_groups": [{"id": VIP}, {"id": OTHER}], "prices": [],
        })), "price-lists-create-winter")["price_list"].clone();
        let winter_id = winter["id"].as_str().unwrap().to_owned();
        tick().await;
        let plain = call!(post("/admin/price-lists", json!({
            "name": "PLT Plain", "description": "nothing", "type": "sale", "prices": [],
            "starts_at": "2024-01-01", "ends_at": 1_700_000_000_000_i64,
        })), "price-lists-create-plain")["price_list"].clone();
        let plain_id = plain["id"].as_str().unwrap().to_owned();

        let list = call!(get("/admin/price-lists"), "price-lists-list");
        insta::assert_json_snapshot!("price_lists_list", redact(&list));
        let q = call!(get("/admin/price-lists?q=vip"), "price-lists-list-q");
        insta::assert_json_snapshot!("price_lists_list_q", redact(&q));
        call!(get(&format!("/admin/price-lists?customer_groups%5B%5D={OTHER}")), "price-lists-list-groups");
        let expanded = call!(
            get("/admin/price-lists?expand=prices.variants&order=name&limit=2"),
            "price-lists-list-expand"
        );
        insta::assert_json_snapshot!("price_lists_list_expand", redact(&expanded));
        call!(
            get("/admin/price-lists?status%5B%5D=active&type%5B%5D=sale,override"),
            "price-lists-list-filters"
        );
        let got = call!(get(&format!("/admin/price-lists/{summer_id}")), "price-lists-get");
        insta::assert_json_snapshot!("price_lists_get", redact(&got));
        let products = send(&service, admin(get(&format!("/admin/price-lists/{summer_id}/products")))).await;
        let recorded = reference("price-lists-products");
        assert_eq!(products.status, 200);
        // Products in Medusa's order; the arrays inside them compared as sets.
        let ids = |body: &Value| body["products"].as_array().unwrap().iter().map(|p| p["id"].clone()).collect::<Vec<_>>();
        assert_eq!(ids(&products.body), ids(&recorded["body"]));
        assert_eq!(canonical(&redact(&products.body)), canonical(&redact(&recorded["body"])));
        let products = canonical(&products.body);
        insta::assert_json_snapshot!("price_lists_products", redact(&products));

        let first_price = summer["prices"][0]["id"].as_str().unwrap().to_owned();
        let updated = call!(post(&format!("/admin/price-lists/{summer_id}"), json!({
            "name": "PLT Summer 2", "ends_at": "2025-01-01T00:00:00Z",
            "customer_groups": [{"id": OTHER}],
            "prices": [
                {"id": first_price, "amount": 800, "variant_id": "variant_ref_mug"},
                {"amount": 700, "region_id": "reg_ref_eu", "variant_id": "variant_ref_tee_s_white"},
            ],
        })), "price-lists-update");
        insta::assert_json_snapshot!("price_lists_update", redact(&updated));
        // The untouched prices keep their `updated_at`; the changed one and the list move on.
        let prices = &updated["price_list"]["prices"];
        assert_ne!(prices[0]["updated_at"], summer["prices"][0]["updated_at"]);
        assert_eq!(prices[1]["updated_at"], summer["prices"][1]["updated_at"]);
        assert_ne!(updated["price_list"]["updated_at"], summer["updated_at"]);

        let groups_only = call!(
            post(&format!("/admin/price-lists/{winter_id}"), json!({"customer_groups": [{"id": OTHER}]})),
            "price-lists-update-groups-only"
        );
        // Only a link changed: Medusa does not touch the list's row.
        assert_eq!(groups_only["price_list"]["updated_at"], winter["updated_at"]);

        call!(post(&format!("/admin/price-lists/{plain_id}/prices/batch"), json!({
            "prices": [
                {"amount": 5, "currency_code": "eur", "variant_id": "variant_ref_mug"},
                {"amount": 6, "currency_code": "usd", "variant_id": "variant_ref_sweat_s"},
            ],
        })), "price-lists-add-prices");
        let overridden = call!(post(&format!("/admin/price-lists/{plain_id}/prices/batch"), json!({
            "override": true,
            "prices": [
                {"amount": 7, "currency_code": "usd", "variant_id": "variant_ref_mug"},
                {"amount": 8, "region_id": "reg_ref_eu", "variant_id": "variant_ref_tee_m_black"},
            ],
        })), "price-lists-add-prices-override");
        let replaced = overridden["price_list"]["prices"][0]["id"].as_str().unwrap().to_owned();
        call!(
            delete_with(&format!("/admin/price-lists/{plain_id}/prices/batch"), json!({"price_ids": [replaced]})),
            "price-lists-delete-prices"
        );
        call!(get(&format!("/admin/price-lists/{plain_id}")), "price-lists-get-after-delete-prices");

        call!(
            delete(&format!("/admin/price-lists/{summer_id}/variants/variant_ref_tee_s_black/prices")),
            "price-lists-delete-variant-prices"
        );
        call!(
            delete(&format!("/admin/price-lists/{summer_id}/products/prod_ref_mug/prices")),
            "price-lists-delete-product-prices"
        );
        call!(
            delete_with(
                &format!("/admin/price-lists/{summer_id}/products/prices/batch"),
                json!({"product_ids": ["prod_ref_tshirt"]})
            ),
            "price-lists-delete-products-prices"
        );
        call!(get(&format!("/admin/price-lists/{summer_id}")), "price-lists-get-after-product-deletes");

        call!(delete(&format!("/admin/price-lists/{summer_id}")), "price-lists-delete");
        call!(delete(&format!("/admin/price-lists/{summer_id}")), "price-lists-delete-again");
        call!(get(&format!("/admin/price-lists/{summer_id}")), "price-lists-get-deleted");
        for id in [&winter_id, &plain_id] {
            let answer = send(&service, admin(delete(&format!("/admin/price-lists/{id}")))).await;
            assert_eq!(answer.status, 200);
        }
        // Nothing of the lists is left: no list, no list price, no dangling variant link.
        assert_eq!(price_list::Entity::find().count(&app.db).await.unwrap(), 0);
        assert_eq!(
            money_amount::Entity::find()
                .filter(money_amount::Column::PriceListId.is_not_null())
                .count(&app.db)
                .await
                .unwrap(),
            0
        );
        assert_eq!(money_amount::Entity::find().count(&app.db).await.unwrap(), 52);
        assert_eq!(product_variant_money_amount::Entity::find().count(&app.db).await.unwrap(), 52);
    }
}

on_both_backends! {
    async fn price_list_errors_match_medusa(app) {
        setup(&app.db).await;
        let service = app.service().await;
        macro_rules! call {
            ($req:expr, $name:literal) => {{
                let answer = send(&service, admin($req)).await;
                assert_reference(answer.status, &answer.body, $name);
                answer.body
            }};
        }
        call!(post("/admin/price-lists", json!({})), "price-lists-create-empty");
        call!(post("/admin/price-lists", json!({
            "name": "x", "description": "y", "type": "sale",
            "prices": [{"amount": 1, "variant_id": "variant_ref_mug", "currency_code": "eur", "region_id": "reg_ref_eu"}],
        })), "price-lists-create-xor");
        call!(post("/admin/price-lists", json!({
            "name": "x", "description": "y", "type": "sale",
            "prices": [{"amount": "1", "variant_id": 5, "currency_code": "eur", "min_quantity": "a"}, 5],
        })), "price-lists-create-bad-price");
        call!(post("/admin/price-lists", json!({
            "name": "PLT x", "description": "y", "type": "sale", "prices": [],
            "customer_groups": [{"id": "cgrp_missing"}],
        })), "price-lists-create-unknown-group");
        call!(post("/admin/price-lists", json!({
            "name": "PLT x", "description": "y", "type": "sale",
            "prices": [{"amount": 1, "variant_id": "variant_ref_mug", "currency_code": "xxx"}],
        })), "price-lists-create-unknown-currency");
        // A failed create leaves nothing behind.
        assert_eq!(price_list::Entity::find().count(&app.db).await.unwrap(), 0);
        assert_eq!(money_amount::Entity::find().count(&app.db).await.unwrap(), 52);

        let plain = send(&service, admin(post("/admin/price-lists", json!({
            "name": "PLT Plain", "description": "nothing", "type": "sale", "prices": [],
        })))).await.body;
        let plain_id = plain["price_list"]["id"].as_str().unwrap().to_owned();
        call!(post(&format!("/admin/price-lists/{plain_id}"), json!({"name": null})), "price-lists-update-null-name");
        call!(post("/admin/price-lists/pl_missing", json!({"name": "x"})), "price-lists-update-missing");
        call!(get("/admin/price-lists/pl_missing"), "price-lists-get-missing");
        call!(get("/admin/price-lists?status%5B%5D=bogus"), "price-lists-list-bad-status");
        call!(get("/admin/price-lists?fields=name"), "price-lists-list-fields");
        call!(post("/admin/price-lists/pl_missing/prices/batch", json!({"prices": []})), "price-lists-add-prices-missing");
        call!(
            delete_with(&format!("/admin/price-lists/{plain_id}/prices/batch"), json!({"price_ids": []})),
            "price-lists-delete-prices-empty"
        );
        call!(
            delete_with("/admin/price-lists/pl_missing/products/prices/batch", json!({"product_ids": ["prod_ref_mug"]})),
            "price-lists-delete-products-prices-missing-list"
        );
    }
}

on_both_backends! {
    /// Where Medusa answers a 500 or stores a price nobody can reach, we answer a 4xx and write
    /// nothing.
    async fn price_list_deliberate_differences(app) {
        setup(&app.db).await;
        let service = app.service().await;
        let create = |prices: Value| post("/admin/price-lists", json!({
            "name": "x", "description": "y", "type": "sale", "prices": prices,
        }));
        let answer = send(&service, admin(create(json!([
            {"amount": 1, "variant_id": "variant_ref_mug", "region_id": "reg_missing"}
        ])))).await;
        assert_eq!((answer.status, answer.body["message"].as_str()), (404, Some("Region with reg_missing was not found")));
        let answer = send(&service, admin(create(json!([
            {"amount": 1, "variant_id": "variant_missing", "currency_code": "eur"}
        ])))).await;
        assert_eq!((answer.status, answer.body["message"].as_str()), (404, Some("Variant with id: variant_missing was not found")));
        let answer = send(&service, admin(post("/admin/price-lists", json!({
            "name": "x", "description": "y", "type": "sale", "prices": [], "starts_at": "soon",
        })))).await;
        assert_eq!((answer.status, answer.body["message"].as_str()), (400, Some("starts_at must be a valid date")));
        assert_eq!(price_list::Entity::find().count(&app.db).await.unwrap(), 0);

        // A price id of another list (or a base price) is not this list's to change.
        let plain = send(&service, admin(create(json!([])))).await.body;
        let plain_id = plain["price_list"]["id"].as_str().unwrap().to_owned();
        let base_price = money_amount::Entity::find()
            .filter(money_amount::Column::PriceListId.is_null())
            .one(&app.db).await.unwrap().unwrap();
        let answer = send(&service, admin(post(&format!("/admin/price-lists/{plain_id}"), json!({
            "prices": [{"id": base_price.id, "amount": 1, "variant_id": "variant_ref_mug"}],
        })))).await;
        assert_eq!(answer.status, 404);
        let unchanged = money_amount::Entity::find_by_id(base_price.id.clone()).one(&app.db).await.unwrap().unwrap();
        assert_eq!(unchanged, base_price);

        // `customer_groups=<id>` without brackets is a list of one (Medusa: 500).
        let answer = send(&service, admin(get(&format!("/admin/price-lists?customer_groups={VIP}")))).await;
        assert_eq!((answer.status, answer.body["count"].as_u64()), (200, Some(0)));
    }
}

on_both_backends! {
    async fn includes_tax_is_unknown_with_the_flag_off(app) {
        let svc = app.service().await;
        let list = json!({"name": "n", "description": "d", "type": "sale", "prices": []});
        let created = send(&svc, admin(post("/admin/price-lists", list))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        assert_eq!(created.body["price_list"].get("includes_tax"), None);
        let id = created.body["price_list"]["id"].as_str().unwrap().to_owned();
        let listed = send(&svc, admin(get("/admin/price-lists"))).await;
        assert_eq!(listed.body["price_lists"][0].get("includes_tax"), None);
        // Medusa's answer with the flag off.
        let update = send(&svc, admin(post("/admin/price-lists/pl_nope", json!({"includes_tax": true})))).await;
        assert_eq!(update.status, 400, "{}", update.text);
        assert_eq!(update.body["message"], "includes_tax should not exist");
        let null = send(&svc, admin(post(&format!("/admin/price-lists/{id}"), json!({"includes_tax": null})))).await;
        assert_eq!(null.body["message"], "includes_tax should not exist");
    }
}

on_both_backends! {
    flags = crate::support::tax_inclusive();
    async fn includes_tax_is_read_and_written_with_the_flag_on(app) {
        let svc = app.service().await;
        let list = json!({"name": "n", "description": "d", "type": "sale", "prices": [], "includes_tax": true});
        let created = send(&svc, admin(post("/admin/price-lists", list))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        assert_eq!(created.body["price_list"]["includes_tax"], true);
        let plain = json!({"name": "p", "description": "d", "type": "override", "prices": []});
        let plain = send(&svc, admin(post("/admin/price-lists", plain))).await;
        assert_eq!(plain.body["price_list"]["includes_tax"], false);
        let id = plain.body["price_list"]["id"].as_str().unwrap().to_owned();

        tick().await;
        let updated = send(&svc, admin(post(&format!("/admin/price-lists/{id}"), json!({"includes_tax": true})))).await;
        assert_eq!(updated.status, 200, "{}", updated.text);
        assert_eq!(updated.body["price_list"]["includes_tax"], true);
        assert_ne!(updated.body["price_list"]["updated_at"], plain.body["price_list"]["updated_at"]);
        let read = send(&svc, admin(get(&format!("/admin/price-lists/{id}")))).await;
        assert_eq!(read.body["price_list"]["includes_tax"], true);
        let listed = send(&svc, admin(get("/admin/price-lists"))).await;
        assert_eq!(listed.body["price_lists"][0]["includes_tax"], true, "{}", listed.text);
        assert_eq!(listed.body["price_lists"][1]["includes_tax"], true);

        let bad = send(&svc, admin(post(&format!("/admin/price-lists/{id}"), json!({"includes_tax": 1})))).await;
        assert_eq!(bad.status, 400, "{}", bad.text);
        assert_eq!(bad.body["message"], "includes_tax must be a boolean value");
    }
}
