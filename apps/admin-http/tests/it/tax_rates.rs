//! HTTP tests of `/admin/tax-rates`. The reference store has no tax rates, so reads are
//! compared with its empty list and its error answers; write answers and messages were
//! checked against a second reference server (:9101).

use medusa_core::new_row::stamped;
use medusa_entity::{product_tax_rate, product_type, tax_rate};
use medusa_test_support::builders::ProductBuilder;
use medusa_test_support::on_both_backends;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde_json::json;

use crate::shipping_options::{at, seed_shipping};
use crate::support::{admin, delete, get, post, redact, reference, send, TestApp};

/// A product row as the reference seed has it (only the columns answers show).
pub(crate) async fn insert_product(app: &TestApp, id: &str, title: &str) {
    ProductBuilder::new(title)
        .id(id)
        .handle(id.trim_start_matches("prod_ref_"))
        .published()
        .weight(400)
        .created_at(at("2024-01-01T10:00:00.000Z"))
        .insert(&app.db)
        .await;
}

async fn insert_product_type(app: &TestApp, id: &str) {
    let created = at("2024-01-01T10:00:00.000Z");
    product_type::ActiveModel {
        id: Set(id.into()),
        value: Set("Shirts".into()),
        ..stamped(created)
    }
    .insert(&app.db)
    .await
    .unwrap();
}

on_both_backends! {
    async fn reads_answer_like_the_reference(app) {
        let service = app.service().await;
        for (name, uri, status) in [
            ("tax-rates-list", "/admin/tax-rates", 200),
            ("tax-rates-get-missing", "/admin/tax-rates/txr_missing", 404),
            ("tax-rates-fields-not-array", "/admin/tax-rates?fields=name", 400),
        ] {
            let answer = send(&service, admin(get(uri))).await;
            assert_eq!((answer.status, &answer.body), (status, &reference(name)), "{name}");
        }
        let expand_string = send(&service, admin(get("/admin/tax-rates?expand=products"))).await;
        assert_eq!(expand_string.body["message"], "expand must be an array");
        let unknown = send(&service, admin(get("/admin/tax-rates?foo=1"))).await;
        assert_eq!(unknown.body["message"], "property foo should not exist");
        // Medusa answers 500 for unknown fields; we name them.
        let bogus = send(&service, admin(get("/admin/tax-rates?fields[]=bogus&expand[]=nope"))).await;
        assert_eq!((bogus.status, bogus.body["message"].as_str()), (400, Some("Requested fields [bogus, nope] are not valid")));
    }
}

on_both_backends! {
    async fn creates_lists_and_selects_fields(app) {
        let options = seed_shipping(&app).await;
        insert_product(&app, "prod_ref_tshirt", "Medusa T-Shirt").await;
        let service = app.service().await;
        let created = send(
            &service,
            admin(post(
                "/admin/tax-rates?fields[]=name&fields[]=product_count&expand[]=products&expand[]=region",
                json!({"code": "c5c", "name": "eng-c test", "region_id": "reg_ref_eu", "rate": 12.5, "products": ["prod_ref_tshirt"]}),
            )),
        )
        .await;
        assert_eq!(created.status, 200, "{}", created.text);
        // The reference's answer has exactly these keys: id, name, product_count, products, region.
        let keys: Vec<&String> = created.body["tax_rate"].as_object().unwrap().keys().collect();
        assert_eq!(keys, ["id", "name", "product_count", "products", "region"]);
        assert_eq!(created.body["tax_rate"]["product_count"], 1);
        insta::assert_json_snapshot!("tax_rate_created", redact(&created.body));
        let id = created.body["tax_rate"]["id"].as_str().unwrap().to_owned();

        send(
            &service,
            admin(post(
                "/admin/tax-rates",
                json!({"code": "na", "name": "NA rate", "region_id": "reg_ref_na", "rate": 5, "shipping_options": [options[2]]}),
            )),
        )
        .await;

        for (uri, names) in [
            ("/admin/tax-rates?rate[gt]=5", vec!["eng-c test"]),
            ("/admin/tax-rates?rate=12.5", vec!["eng-c test"]),
            ("/admin/tax-rates?q=ENG-C", vec!["eng-c test"]),
            ("/admin/tax-rates?region_id[]=reg_ref_na", vec!["NA rate"]),
            ("/admin/tax-rates?code=na&name=", vec!["NA rate"]),
            ("/admin/tax-rates?order=code", vec!["eng-c test", "NA rate"]),
            ("/admin/tax-rates?created_at[gt]=2020-01-01&limit=1", vec!["NA rate"]),
        ] {
            let answer = send(&service, admin(get(uri))).await;
            assert_eq!(answer.status, 200, "{uri}: {}", answer.text);
            let got: Vec<&str> = answer.body["tax_rates"].as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap()).collect();
            assert_eq!(got, names, "{uri}");
        }
        let counts = send(
            &service,
            admin(get("/admin/tax-rates?fields[]=name&fields[]=shipping_option_count&fields[]=product_type_count&order=code")),
        )
        .await;
        insta::assert_json_snapshot!("tax_rates_counts", redact(&counts.body));
        let rate_error = send(&service, admin(get("/admin/tax-rates?rate=abc"))).await;
        assert_eq!(rate_error.status, 400);

        let got = send(&service, admin(get(&format!("/admin/tax-rates/{id}?expand[]=shipping_options")))).await;
        assert_eq!(got.body["tax_rate"]["shipping_options"], json!([]));
        assert_eq!(got.body["tax_rate"]["rate"], json!(12.5));
        assert!(got.body["tax_rate"].get("metadata").is_none());
    }
}

on_both_backends! {
    async fn refuses_what_the_reference_refuses(app) {
        seed_shipping(&app).await;
        insert_product(&app, "prod_ref_tshirt", "Medusa T-Shirt").await;
        let service = app.service().await;
        let created = send(
            &service,
            admin(post("/admin/tax-rates", json!({"code": "c", "name": "n", "region_id": "reg_ref_eu"}))),
        )
        .await;
        let id = created.body["tax_rate"]["id"].as_str().unwrap().to_owned();
        let cases = [
            ("/admin/tax-rates".to_owned(), json!({}), 400, "code must be a string, name must be a string, region_id must be a string".to_owned()),
            ("/admin/tax-rates".to_owned(), json!({"code": "x", "name": "y", "region_id": "reg_nope"}), 404, "Region with region_id reg_nope does not exist.".to_owned()),
            ("/admin/tax-rates".to_owned(), json!({"code": "x", "name": "y", "region_id": "reg_ref_eu", "rate": "5"}), 400, "rate must be a number conforming to the specified constraints".to_owned()),
            ("/admin/tax-rates/txr_nope".to_owned(), json!({"name": "a"}), 404, "TaxRate with txr_nope was not found".to_owned()),
            ("/admin/tax-rates/txr_nope/products/batch".to_owned(), json!({"products": ["prod_ref_tshirt"]}), 404, "TaxRate with txr_nope was not found".to_owned()),
            (format!("/admin/tax-rates/{id}/products/batch"), json!({"products": ["prod_nope"]}), 404, "Product with id: prod_nope was not found".to_owned()),
            (format!("/admin/tax-rates/{id}/product-types/batch"), json!({"product_types": ["ptyp_nope"]}), 404, "Product type with id: ptyp_nope was not found".to_owned()),
            (format!("/admin/tax-rates/{id}"), json!({"products": ["prod_nope"]}), 404, "Product with id: prod_nope was not found".to_owned()),
            (format!("/admin/tax-rates/{id}/shipping-options/batch"), json!({"shipping_options": ["so_nope"]}), 404, "Shipping Option with so_nope was not found".to_owned()),
            (format!("/admin/tax-rates/{id}/products/batch"), json!({"products": "x"}), 400, "products must be an array".to_owned()),
        ];
        for (uri, body, status, message) in cases {
            let answer = send(&service, admin(post(&uri, body.clone()))).await;
            assert_eq!((answer.status, answer.body["message"].as_str()), (status, Some(message.as_str())), "{uri} {body}");
        }
        // Creating with a missing product: Medusa reports the new rate itself as missing.
        let quirk = send(
            &service,
            admin(post("/admin/tax-rates", json!({"code": "x", "name": "y", "region_id": "reg_ref_eu", "products": ["prod_nope"]}))),
        )
        .await;
        assert_eq!(quirk.status, 404);
        assert!(quirk.body["message"].as_str().unwrap().starts_with("TaxRate with txr_"));
        assert_eq!(tax_rate::Entity::find().count(&app.db).await.unwrap(), 1);
    }
}

on_both_backends! {
    async fn batches_link_and_unlink_and_delete_is_hard(app) {
        let options = seed_shipping(&app).await;
        insert_product(&app, "prod_ref_tshirt", "Medusa T-Shirt").await;
        insert_product(&app, "prod_ref_sweatshirt", "Medusa Sweatshirt").await;
        insert_product_type(&app, "ptyp_ref_shirts").await;
        let service = app.service().await;
        let created = send(
            &service,
            admin(post("/admin/tax-rates", json!({"code": "eu", "name": "EU", "region_id": "reg_ref_eu", "rate": 0.1}))),
        )
        .await;
        assert_eq!(created.body["tax_rate"]["rate"], json!(0.1));
        let id = created.body["tax_rate"]["id"].as_str().unwrap().to_owned();
        let base = format!("/admin/tax-rates/{id}");
        let counts = "?fields[]=product_count&fields[]=product_type_count&fields[]=shipping_option_count";

        let added = send(&service, admin(post(&format!("{base}/products/batch{counts}"), json!({"products": ["prod_ref_tshirt", "prod_ref_sweatshirt"]})))).await;
        assert_eq!(added.body["tax_rate"]["product_count"], 2, "{}", added.text);
        let again = send(&service, admin(post(&format!("{base}/products/batch{counts}"), json!({"products": ["prod_ref_tshirt"]})))).await;
        assert_eq!(again.body["tax_rate"]["product_count"], 2);
        let types = send(&service, admin(post(&format!("{base}/product-types/batch{counts}"), json!({"product_types": ["ptyp_ref_shirts"]})))).await;
        assert_eq!(types.body["tax_rate"]["product_type_count"], 1);
        let shipping = send(&service, admin(post(&format!("{base}/shipping-options/batch{counts}"), json!({"shipping_options": [options[0]]})))).await;
        assert_eq!(shipping.body["tax_rate"]["shipping_option_count"], 1);
        let other_region = send(&service, admin(post(&format!("{base}/shipping-options/batch"), json!({"shipping_options": [options[2]]})))).await;
        assert_eq!(other_region.status, 400);
        assert_eq!(
            other_region.body["message"],
            format!("Shipping Option and Tax Rate must belong to the same Region to be associated. Shipping Option with id: {} belongs to Region with id: reg_ref_na and Tax Rate with id: {id} belongs to Region with id: reg_ref_eu", options[2])
        );

        let removed = send(&service, admin(delete(&format!("{base}/products/batch{counts}")).set_json(json!({"products": ["prod_ref_tshirt"]})))).await;
        assert_eq!(removed.body["tax_rate"]["product_count"], 1);
        let types = send(&service, admin(delete(&format!("{base}/product-types/batch{counts}")).set_json(json!({"product_types": ["ptyp_ref_shirts"]})))).await;
        assert_eq!(types.body["tax_rate"]["product_type_count"], 0);
        let shipping = send(&service, admin(delete(&format!("{base}/shipping-options/batch{counts}")).set_json(json!({"shipping_options": [options[0]]})))).await;
        assert_eq!(shipping.body["tax_rate"]["shipping_option_count"], 0);
        let missing = send(&service, admin(delete("/admin/tax-rates/txr_nope/products/batch").set_json(json!({"products": ["prod_nope"]})))).await;
        assert_eq!((missing.status, missing.body["message"].as_str()), (404, Some("TaxRate with txr_nope was not found")));

        // An update's lists replace the links; scalars not given stay.
        let updated = send(&service, admin(post(&format!("{base}?expand[]=products"), json!({"products": ["prod_ref_tshirt"], "name": "EU 2"})))).await;
        assert_eq!(updated.body["tax_rate"]["products"].as_array().map(Vec::len), Some(1));
        assert_eq!(updated.body["tax_rate"]["rate"], json!(0.1));
        insta::assert_json_snapshot!("tax_rate_updated", redact(&updated.body));
        let cleared = send(&service, admin(post(&format!("{base}{counts}"), json!({"products": []})))).await;
        assert_eq!(cleared.body["tax_rate"]["product_count"], 0);

        send(&service, admin(post(&format!("{base}/products/batch"), json!({"products": ["prod_ref_tshirt"]})))).await;
        let deleted = send(&service, admin(delete(&base))).await;
        assert_eq!(deleted.body, json!({"id": id, "object": "tax-rate", "deleted": true}));
        assert_eq!(tax_rate::Entity::find_by_id(id.as_str()).count(&app.db).await.unwrap(), 0);
        assert_eq!(product_tax_rate::Entity::find().filter(product_tax_rate::Column::RateId.eq(id.as_str())).count(&app.db).await.unwrap(), 0);
        let again = send(&service, admin(delete("/admin/tax-rates/txr_nope"))).await;
        assert_eq!(again.body, json!({"id": "txr_nope", "object": "tax-rate", "deleted": true}));
    }
}
