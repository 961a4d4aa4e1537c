//! A product CSV exported by Medusa 1.20.10 (`fixtures/medusa-product-export.csv`: the
//! reference store's 7 products and the one `scripts/csv-round-trip/round-trip.py` adds,
//! written by its `product-export` job) imported here, on the reference store without its
//! products and with the file's second sales channel: the catalog read back is what Medusa's
//! own import of that file makes (`fixtures/medusa-product-export.catalog.json`, written by
//! the script). The canonical form is `scripts/csv-round-trip/canonical.py`'s.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use medusa_file::{DownloadSigner, LocalFileStorage, UploadPolicy};
use medusa_test_support::builders::SalesChannelBuilder;
use medusa_test_support::on_both_backends;
use sea_orm::ConnectionTrait;
use serde_json::{json, Map, Value};

use crate::support::*;

/// The shipping and customs attributes products and variants both carry.
const DIMENSIONS: &[&str] = &[
    "weight",
    "length",
    "height",
    "width",
    "hs_code",
    "origin_country",
    "mid_code",
    "material",
];
const PRODUCT_FIELDS: &[&str] = &[
    "title",
    "subtitle",
    "description",
    "handle",
    "status",
    "is_giftcard",
    "discountable",
    "thumbnail",
    "external_id",
];
const VARIANT_FIELDS: &[&str] = &[
    "title",
    "sku",
    "barcode",
    "ean",
    "upc",
    "inventory_quantity",
    "allow_backorder",
    "manage_inventory",
];

fn repository_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn pick(object: &Value, fields: &[&str]) -> Map<String, Value> {
    fields
        .iter()
        .map(|f| {
            (
                (*f).to_owned(),
                object.get(*f).cloned().unwrap_or(Value::Null),
            )
        })
        .collect()
}

fn sorted_strings(values: &Value, key: &str) -> Value {
    let mut out: Vec<String> = values
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v[key].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    json!(out)
}

/// `canonical.py`'s `canonical_product`.
fn canonical_product(product: &Value) -> Value {
    let options: BTreeMap<String, String> = product["options"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|o| {
            (
                o["id"].as_str().unwrap().to_owned(),
                o["title"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let mut out = pick(product, PRODUCT_FIELDS);
    out.extend(pick(product, DIMENSIONS));
    out.insert(
        "collection".into(),
        product["collection"]
            .get("handle")
            .cloned()
            .unwrap_or(Value::Null),
    );
    out.insert(
        "type".into(),
        product["type"].get("value").cloned().unwrap_or(Value::Null),
    );
    out.insert("tags".into(), sorted_strings(&product["tags"], "value"));
    out.insert("images".into(), sorted_strings(&product["images"], "url"));
    let mut titles: Vec<&String> = options.values().collect();
    titles.sort();
    out.insert("options".into(), json!(titles));
    out.insert(
        "sales_channels".into(),
        sorted_strings(&product["sales_channels"], "name"),
    );
    out.insert(
        "categories".into(),
        sorted_strings(&product["categories"], "handle"),
    );
    let mut variants = Map::new();
    for variant in product["variants"].as_array().into_iter().flatten() {
        let mut v = pick(variant, VARIANT_FIELDS);
        v.extend(pick(variant, DIMENSIONS));
        let values: Map<String, Value> = variant["options"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|o| {
                let id = o["option_id"].as_str().unwrap();
                (
                    options.get(id).cloned().unwrap_or_else(|| id.to_owned()),
                    o["value"].clone(),
                )
            })
            .collect();
        v.insert("options".into(), Value::Object(values));
        let mut prices: Vec<(String, String, i64)> = variant["prices"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|p| p["price_list_id"].is_null())
            .map(|p| {
                (
                    p["currency_code"].as_str().unwrap_or_default().to_owned(),
                    p["region_id"].as_str().unwrap_or_default().to_owned(),
                    p["amount"].as_i64().unwrap(),
                )
            })
            .collect();
        prices.sort();
        v.insert(
            "prices".into(),
            json!(prices
                .iter()
                .map(|(c, r, a)| json!([c, r, a]))
                .collect::<Vec<_>>()),
        );
        let key = variant["sku"]
            .as_str()
            .or(variant["title"].as_str())
            .unwrap()
            .to_owned();
        variants.insert(key, Value::Object(v));
    }
    out.insert("variants".into(), Value::Object(variants));
    Value::Object(out)
}

/// The CSV with its `Product Id` and `Variant Id` cells emptied: they name the exporting
/// store's rows (as the round-trip script does before each import).
fn without_ids(csv: &[u8]) -> Vec<u8> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(csv);
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut blank = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let record = record.unwrap();
        if n == 0 {
            blank = record
                .iter()
                .enumerate()
                .filter(|(_, h)| *h == "Product Id" || *h == "Variant Id")
                .map(|(i, _)| i)
                .collect();
            writer.write_record(&record).unwrap();
        } else {
            writer
                .write_record(record.iter().enumerate().map(|(i, cell)| {
                    if blank.contains(&i) {
                        ""
                    } else {
                        cell
                    }
                }))
                .unwrap();
        }
    }
    writer.into_inner().unwrap()
}

/// The reference store without its products (`scripts/csv-round-trip/empty-catalog.sql`).
async fn empty_catalog(app: &TestApp) {
    for statement in [
        "DELETE FROM product_option_value",
        "DELETE FROM money_amount WHERE id IN (SELECT money_amount_id FROM product_variant_money_amount)",
        "DELETE FROM product_variant_money_amount",
        "DELETE FROM product_variant",
        "DELETE FROM product_option",
        "DELETE FROM image WHERE id IN (SELECT image_id FROM product_images)",
        "DELETE FROM product_images",
        "DELETE FROM product_tags",
        "DELETE FROM product_sales_channel",
        "DELETE FROM product_category_product",
        "DELETE FROM product_shipping_profile",
        "DELETE FROM product",
    ] {
        app.db.execute_unprepared(statement).await.unwrap();
    }
}

on_both_backends! {
    async fn product_csv_from_medusa(app) {
        load_reference_catalog(&app.db).await;
        empty_catalog(&app).await;
        SalesChannelBuilder::new("Web Shop").description("Round trip").insert(&app.db).await;
        let mut app = app;
        let dir = std::env::temp_dir().join(format!("medusa_csv_trip_{}", medusa_core::generate_id("t")));
        let storage = LocalFileStorage::new(&dir, "http://localhost:9000", DownloadSigner::new(b"t", 60));
        app.state = app.state.clone().with_uploads(Arc::new(storage), UploadPolicy::new(1 << 20, 3, &["text/csv".into()]).unwrap());
        let svc = app.service().await;
        let csv = without_ids(&std::fs::read(repository_file("fixtures/medusa-product-export.csv")).unwrap());
        let upload = send(&svc, admin(crate::uploads::multipart("/admin/uploads", &[("files", "export.csv", &csv)]))).await;
        let key = upload.body["uploads"][0]["key"].as_str().unwrap().to_owned();
        let created = send(&svc, admin(post("/admin/batch-jobs", json!({"type": "product-import", "context": {"fileKey": key}})))).await;
        assert_eq!(created.status, 201, "{}", created.text);
        let job = created.body["batch_job"]["id"].as_str().unwrap().to_owned();
        for _ in 0..2 {
            medusa_admin_http::background::batch_worker(&app.state, &app.db).run_once().await.unwrap();
        }
        let done = send(&svc, admin(get(&format!("/admin/batch-jobs/{job}")))).await;
        assert_eq!(done.body["batch_job"]["status"], "completed", "{}", done.text);
        let expand = "variants,variants.prices,variants.options,options,options.values,images,tags,type,collection,sales_channels";
        let listed = send(&svc, admin(get(&format!("/admin/products?limit=1000&expand={expand}")))).await;
        let catalog: Map<String, Value> = listed.body["products"].as_array().unwrap().iter()
            .map(|p| (p["handle"].as_str().unwrap().to_owned(), canonical_product(p))).collect();
        let expected: Value = serde_json::from_slice(&std::fs::read(repository_file("fixtures/medusa-product-export.catalog.json")).unwrap()).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        for (handle, product) in expected.as_object().unwrap() {
            assert_eq!(catalog.get(handle), Some(product), "{handle}");
        }
        assert_eq!(catalog.len(), expected.as_object().unwrap().len());
    }
}
