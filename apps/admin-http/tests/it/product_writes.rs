//! HTTP tests of the product mutations (`POST/DELETE /admin/products...`).
//!
//! `replays_medusas_answers` sends the sequence of `tests/reference/product-writes-steps.json`
//! (create, update with variant replacement, metadata, options, variants, deletes, and their
//! error cases) and compares every answer with the second reference server's answer to the
//! same step, recorded by `capture-product-writes.py`. Ids and timestamps are redacted; nested
//! arrays (other than ranked variants) are compared as sets, since Medusa loads relations
//! without an ORDER BY.

use std::collections::HashMap;

use medusa_entity::{
    event_outbox, image, money_amount, product, product_option, product_option_value, product_tag,
    product_variant, product_variant_money_amount,
};
use medusa_test_support::on_both_backends;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde_json::{json, Value};

use crate::support::*;

/// Redacted, with every nested array but `variants` sorted by its items' text.
fn stable(value: &Value) -> Value {
    fn sort(value: &mut Value) {
        match value {
            Value::Object(map) => {
                for (key, inner) in map.iter_mut() {
                    sort(inner);
                    if let Value::Array(items) = inner {
                        if key != "variants" {
                            items.sort_by_key(|item| item.to_string());
                        }
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(sort),
            _ => {}
        }
    }
    let mut copy = redact(value);
    sort(&mut copy);
    copy
}

/// `relation.field=value` → that item's id in a product answer; `id` → the product's.
fn lookup(product: &Value, expr: &str) -> String {
    if expr == "id" {
        return product["id"].as_str().unwrap().to_owned();
    }
    let (relation, condition) = expr.split_once('.').unwrap();
    let (field, value) = condition.split_once('=').unwrap();
    product[relation]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item[field] == value)
        .unwrap_or_else(|| panic!("{expr} not in {product}"))["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn fill(text: &str, run: &str, ids: &HashMap<String, String>) -> String {
    let mut text = text.replace("RUN", run);
    for (key, id) in ids {
        text = text.replace(&format!("{{{key}}}"), id);
    }
    text
}

async fn event_names(app: &TestApp) -> Vec<String> {
    event_outbox::Entity::find()
        .filter(event_outbox::Column::Name.starts_with("product"))
        .order_by_asc(event_outbox::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|event| event.name)
        .collect()
}

on_both_backends! {
    async fn replays_medusas_answers(app) {
        load_reference_catalog(&app.db).await;
        let svc = app.service().await;
        let steps = reference("product-writes-steps");
        let run = reference("product-writes-create")["run"].as_str().unwrap().to_owned();
        let mut ours: HashMap<String, String> = HashMap::new();
        let mut theirs: HashMap<String, String> = HashMap::new();
        for step in steps.as_array().unwrap() {
            let name = step["name"].as_str().unwrap();
            let recorded = reference(&format!("product-writes-{name}"));
            let path = fill(step["path"].as_str().unwrap(), &run, &ours);
            let request = match step["method"].as_str().unwrap() {
                "POST" => {
                    let body: Value =
                        serde_json::from_str(&fill(&step["body"].to_string(), &run, &ours)).unwrap();
                    post(&path, body)
                }
                "DELETE" => delete(&path),
                _ => get(&path),
            };
            let answer = send(&svc, admin(request)).await;
            assert_eq!(
                answer.status,
                recorded["status"].as_u64().unwrap() as u16,
                "{name}: {}",
                answer.text
            );
            if let Some(capture) = step.get("capture").and_then(Value::as_object) {
                for (key, expr) in capture {
                    let expr = expr.as_str().unwrap();
                    ours.insert(key.clone(), lookup(&answer.body["product"], expr));
                    theirs.insert(key.clone(), lookup(&recorded["body"]["product"], expr));
                }
            }
            // Messages name ids; read the reference's as ours before comparing.
            let mut expected = recorded["body"].to_string();
            for (key, id) in &theirs {
                expected = expected.replace(id.as_str(), &ours[key]);
            }
            let expected: Value = serde_json::from_str(&expected).unwrap();
            assert_eq!(stable(&answer.body), stable(&expected), "{name}");
        }
        let events = event_names(&app).await;
        assert_eq!(events.first().map(String::as_str), Some("product.created"));
        assert_eq!(events.last().map(String::as_str), Some("product.deleted"));
        insta::assert_json_snapshot!("product_writes_events", events);
    }
}

on_both_backends! {
    async fn failed_create_leaves_nothing(app) {
        load_reference_catalog(&app.db).await;
        let svc = app.service().await;
        let counts = |app: &TestApp| {
            let db = app.db.clone();
            async move {
                (
                    product::Entity::find().count(&db).await.unwrap(),
                    product_variant::Entity::find().count(&db).await.unwrap(),
                    money_amount::Entity::find().count(&db).await.unwrap(),
                    product_variant_money_amount::Entity::find().count(&db).await.unwrap(),
                    product_option::Entity::find().count(&db).await.unwrap(),
                    product_option_value::Entity::find().count(&db).await.unwrap(),
                    image::Entity::find().count(&db).await.unwrap(),
                    product_tag::Entity::find().count(&db).await.unwrap(),
                )
            }
        };
        let before = counts(&app).await;
        // Everything but the last variant is valid: its SKU is the first one's.
        let body = json!({
            "title": "Late Failure",
            "images": ["http://img/late.png"],
            "tags": [{"value": "late-tag"}],
            "type": {"value": "late-type"},
            "options": [{"title": "Size"}],
            "variants": [
                {"title": "S", "sku": "late-sku", "prices": [{"currency_code": "usd", "amount": 1}], "options": [{"value": "S"}]},
                {"title": "M", "sku": "late-sku", "prices": [{"currency_code": "usd", "amount": 2}], "options": [{"value": "M"}]}
            ]
        });
        let answer = send(&svc, admin(post("/admin/products", body))).await;
        assert_eq!(answer.status, 400, "{}", answer.text);
        insta::assert_json_snapshot!("product_writes_failed_create", answer.body);
        assert_eq!(counts(&app).await, before);
        assert!(event_names(&app).await.is_empty());
    }
}

on_both_backends! {
    async fn delete_soft_deletes_the_cascade(app) {
        load_reference_catalog(&app.db).await;
        let svc = app.service().await;
        let created = send(&svc, admin(post("/admin/products", json!({
            "title": "Cascade",
            "options": [{"title": "Size"}],
            "variants": [
                {"title": "S", "prices": [{"currency_code": "usd", "amount": 1}, {"region_id": "reg_ref_eu", "amount": 2}], "options": [{"value": "S"}]}
            ]
        })))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        let id = created.body["product"]["id"].as_str().unwrap().to_owned();
        let variant_id = created.body["product"]["variants"][0]["id"].as_str().unwrap().to_owned();
        let price_ids: Vec<String> = created.body["product"]["variants"][0]["prices"]
            .as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap().to_owned()).collect();
        assert_eq!(price_ids.len(), 2);
        // The region price took the region's currency and no quantities.
        let eu = money_amount::Entity::find()
            .filter(money_amount::Column::RegionId.eq("reg_ref_eu"))
            .filter(money_amount::Column::Id.is_in(price_ids.clone()))
            .one(&app.db).await.unwrap().unwrap();
        assert_eq!((eu.currency_code.as_str(), eu.amount, eu.min_quantity), ("eur", 2, None));

        let answer = send(&svc, admin(delete(&format!("/admin/products/{id}")))).await;
        assert_eq!(answer.body, json!({"id": id, "object": "product", "deleted": true}));
        let row = product::Entity::find_by_id(&id).one(&app.db).await.unwrap().unwrap();
        assert!(row.deleted_at.is_some());
        let variant = product_variant::Entity::find_by_id(&variant_id).one(&app.db).await.unwrap().unwrap();
        assert!(variant.deleted_at.is_some());
        for price in money_amount::Entity::find()
            .filter(money_amount::Column::Id.is_in(price_ids))
            .all(&app.db).await.unwrap()
        {
            assert!(price.deleted_at.is_some());
        }
        let values = product_option_value::Entity::find()
            .filter(product_option_value::Column::VariantId.eq(variant_id.as_str()))
            .all(&app.db).await.unwrap();
        assert!(values.iter().all(|value| value.deleted_at.is_some()));
        // Options are not part of Medusa's cascade.
        let options = product_option::Entity::find()
            .filter(product_option::Column::ProductId.eq(id.as_str()))
            .all(&app.db).await.unwrap();
        assert!(options.iter().all(|option| option.deleted_at.is_none()));
        // The handle is free again.
        let again = send(&svc, admin(post("/admin/products", json!({"title": "Cascade"})))).await;
        assert_eq!(again.status, 200, "{}", again.text);
        assert_eq!(again.body["product"]["handle"], "cascade");
    }
}

on_both_backends! {
    async fn variant_prices_are_replaced_as_medusa_does(app) {
        load_reference_catalog(&app.db).await;
        let svc = app.service().await;
        let created = send(&svc, admin(post("/admin/products", json!({
            "title": "Prices",
            "variants": [{"title": "One", "prices": [{"currency_code": "usd", "amount": 100}]}]
        })))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        let id = created.body["product"]["id"].as_str().unwrap().to_owned();
        let variant = &created.body["product"]["variants"][0];
        let variant_id = variant["id"].as_str().unwrap().to_owned();
        let usd_id = variant["prices"][0]["id"].as_str().unwrap().to_owned();
        let path = format!("/admin/products/{id}/variants/{variant_id}");

        // One listed currency price: the stored one is updated in place.
        let answer = send(&svc, admin(post(&path, json!({"prices": [{"currency_code": "usd", "amount": 150}]})))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        let prices = &answer.body["product"]["variants"][0]["prices"];
        assert_eq!(prices.as_array().unwrap().len(), 1);
        assert_eq!((prices[0]["id"].as_str().unwrap(), prices[0]["amount"].as_i64()), (usd_id.as_str(), Some(150)));

        // A currency price and a region price: the stored usd price matches none of Medusa's
        // "not in" conditions (a NULL region never differs), so it is updated; the region price
        // is inserted with the region's currency.
        let answer = send(&svc, admin(post(&path, json!({"prices": [
            {"id": usd_id, "currency_code": "usd", "amount": 175},
            {"region_id": "reg_ref_na", "amount": 180}
        ]})))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        let stored: Vec<(String, i32, Option<String>)> = money_amount::Entity::find()
            .filter(money_amount::Column::DeletedAt.is_null())
            .filter(money_amount::Column::Id.is_in(
                product_variant_money_amount::Entity::find()
                    .filter(product_variant_money_amount::Column::VariantId.eq(variant_id.as_str()))
                    .all(&app.db).await.unwrap().into_iter().map(|link| link.money_amount_id),
            ))
            .order_by_asc(money_amount::Column::Amount)
            .all(&app.db).await.unwrap()
            .into_iter().map(|p| (p.currency_code, p.amount, p.region_id)).collect();
        assert_eq!(stored, vec![
            ("usd".to_owned(), 175, None),
            ("usd".to_owned(), 180, Some("reg_ref_na".to_owned())),
        ]);
        assert!(money_amount::Entity::find_by_id(&usd_id).one(&app.db).await.unwrap().is_some());

        // Two currency prices: every stored price differs from one of them, so Medusa deletes
        // them all and inserts the list anew; a listed id is kept, others are new.
        let eur = send(&svc, admin(post(&path, json!({"prices": [
            {"currency_code": "usd", "amount": 175}, {"currency_code": "eur", "amount": 90}
        ]})))).await;
        let eur_id = eur.body["product"]["variants"][0]["prices"].as_array().unwrap().iter()
            .find(|p| p["currency_code"] == "eur").unwrap()["id"].as_str().unwrap().to_owned();
        let answer = send(&svc, admin(post(&path, json!({"prices": [
            {"id": usd_id, "currency_code": "usd", "amount": 160}, {"currency_code": "eur", "amount": 90}
        ]})))).await;
        let mut after: Vec<(String, String, i64)> = answer.body["product"]["variants"][0]["prices"]
            .as_array().unwrap().iter()
            .map(|p| (p["currency_code"].as_str().unwrap().to_owned(), p["id"].as_str().unwrap().to_owned(), p["amount"].as_i64().unwrap()))
            .collect();
        after.sort();
        assert_eq!(after.len(), 2);
        assert_eq!((after[1].0.as_str(), after[1].1.as_str(), after[1].2), ("usd", usd_id.as_str(), 160));
        assert_eq!((after[0].0.as_str(), after[0].2), ("eur", 90));
        assert_ne!(after[0].1, eur_id);

        // An empty list removes every base price.
        let answer = send(&svc, admin(post(&path, json!({"prices": []})))).await;
        assert_eq!(answer.body["product"]["variants"][0]["prices"], json!([]));
    }
}

on_both_backends! {
    async fn gift_cards_take_the_gift_card_profile(app) {
        load_reference_catalog(&app.db).await;
        let svc = app.service().await;
        let created = send(&svc, admin(post("/admin/products", json!({
            "title": "Writes Gift Card", "is_giftcard": true, "discountable": true,
            "sales_channels": [{"id": "sc_01M807QXVVEW67CAJWWJGZ679C"}]
        })))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        let product = &created.body["product"];
        assert_eq!(product["discountable"], false);
        assert_eq!(product["profile"]["type"], "gift_card");
        assert_eq!(product["sales_channels"][0]["id"], "sc_01M807QXVVEW67CAJWWJGZ679C");
        let missing = send(&svc, admin(post("/admin/products", json!({
            "title": "Nowhere", "sales_channels": [{"id": "sc_missing"}]
        })))).await;
        assert_eq!(missing.status, 400);
        assert_eq!(missing.body, json!({
            "errors": ["Sales Channels sc_missing do not exist"],
            "message": "Provided request body contains errors. Please check the data and retry the request"
        }));
    }
}

on_both_backends! {
    async fn fractional_integer_columns_are_client_errors(app) {
        load_reference_catalog(&app.db).await;
        let svc = app.service().await;
        let invalid = |message: &str| json!({"type": "invalid_data", "message": message});
        let products_before = product::Entity::find().count(&app.db).await.unwrap();

        // Medusa 1.20 lets a fraction reach PostgreSQL: a 500 for product columns and variant
        // updates (a 400 naming the property here), and for new variants its transaction's
        // 400 with PostgreSQL's message (kept, as recorded on the reference server).
        let fraction = send(&svc, admin(post("/admin/products", json!({"title": "w", "weight": 1.5})))).await;
        assert_eq!((fraction.status, fraction.body.clone()), (400, invalid("weight must be an integer number")));
        let in_variant = send(&svc, admin(post("/admin/products", json!({
            "title": "w",
            "variants": [{"title": "v", "prices": [], "inventory_quantity": 2.5, "length": 0.1}]
        })))).await;
        assert_eq!(
            (in_variant.status, in_variant.body.clone()),
            (400, invalid("invalid input syntax for type integer: \"2.5\"\nCannot read properties of undefined (reading 'length')")),
        );
        assert_eq!(product::Entity::find().count(&app.db).await.unwrap(), products_before);

        // A whole number written as a float is fine.
        let created = send(&svc, admin(post("/admin/products", json!({
            "title": "w", "weight": 2.0, "width": null, "options": [{"title": "Size"}]
        })))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        assert_eq!((created.body["product"]["weight"].clone(), created.body["product"]["width"].clone()), (json!(2), Value::Null));
        let id = created.body["product"]["id"].as_str().unwrap().to_owned();
        let option_id = created.body["product"]["options"][0]["id"].as_str().unwrap().to_owned();

        let update = send(&svc, admin(post(&format!("/admin/products/{id}"), json!({"height": 0.5})))).await;
        assert_eq!((update.status, update.body.clone()), (400, invalid("height must be an integer number")));
        let too_large = send(&svc, admin(post(&format!("/admin/products/{id}"), json!({"length": 1e10})))).await;
        assert_eq!((too_large.status, too_large.body.clone()), (400, invalid("length must not be greater than 2147483647")));
        let row = product::Entity::find_by_id(&id).one(&app.db).await.unwrap().unwrap();
        assert_eq!((row.weight, row.height, row.length), (Some(2), None, None));

        let new_variant = |value: &str, extra: Value| {
            let mut body = json!({
                "title": value,
                "prices": [{"currency_code": "usd", "amount": 1}],
                "options": [{"option_id": option_id, "value": value}]
            });
            body.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
            body
        };
        let variants_path = format!("/admin/products/{id}/variants");
        let variant = send(&svc, admin(post(&variants_path, new_variant("S", json!({"width": 3.25}))))).await;
        assert_eq!(
            (variant.status, variant.body.clone()),
            (400, invalid("invalid input syntax for type integer: \"3.25\"\nCannot read properties of undefined (reading 'length')")),
        );
        let variant = send(&svc, admin(post(&variants_path, new_variant("S", json!({"inventory_quantity": 1e10}))))).await;
        assert_eq!(
            (variant.status, variant.body.clone()),
            (400, invalid("value \"10000000000\" is out of range for type integer\nCannot read properties of undefined (reading 'length')")),
        );
        let variant = send(&svc, admin(post(&variants_path, new_variant("S", json!({"width": 3}))))).await;
        assert_eq!(variant.status, 200, "{}", variant.text);
        let variant_id = variant.body["product"]["variants"][0]["id"].as_str().unwrap().to_owned();
        let variant_path = format!("/admin/products/{id}/variants/{variant_id}");

        let variant_update = send(&svc, admin(post(&variant_path, json!({"weight": -0.5, "inventory_quantity": 2})))).await;
        assert_eq!((variant_update.status, variant_update.body.clone()), (400, invalid("weight must be an integer number")));
        let quantity = send(&svc, admin(post(&variant_path, json!({"inventory_quantity": -3e9})))).await;
        assert_eq!(
            (quantity.status, quantity.body.clone()),
            (400, invalid("inventory_quantity must not be less than -2147483648")),
        );
        let through_product = send(&svc, admin(post(&format!("/admin/products/{id}"), json!({
            "variants": [{"id": variant_id, "height": 0.25}]
        })))).await;
        assert_eq!((through_product.status, through_product.body.clone()), (400, invalid("height must be an integer number")));
        // A body Medusa's validators reject keeps their message alone.
        let invalid_body = send(&svc, admin(post(&variant_path, json!({"weight": 0.5, "title": 7})))).await;
        assert_eq!((invalid_body.status, invalid_body.body.clone()), (400, invalid("title must be a string")));
        let stored = product_variant::Entity::find_by_id(&variant_id).one(&app.db).await.unwrap().unwrap();
        assert_eq!((stored.width, stored.weight, stored.height, stored.inventory_quantity), (Some(3), None, None, 0));
    }
}
