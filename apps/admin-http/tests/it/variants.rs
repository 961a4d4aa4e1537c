//! HTTP tests of `/admin/variants`.
//!
//! Every fixture variant has the same `created_at`, so Medusa's default order (`created_at
//! DESC`) leaves ties in whatever order PostgreSQL yields; list comparisons sort by id.

use medusa_test_support::on_both_backends;
use serde_json::{json, Value};

use crate::products::sorted_by;
use crate::support::*;

fn by_id(body: Value) -> Value {
    sorted_by(body, "variants", "id")
}

on_both_backends! {
    async fn reads_match_medusa(app) {
        load_reference_catalog(&app.db).await;
        let svc = app.service().await;
        for (path, name) in [
            ("/admin/variants", "variants-list"),
            ("/admin/variants?title=M%20/%20Black&manage_inventory=true&inventory_quantity%5Bgt%5D=10", "variants-list-filters"),
            ("/admin/variants?q=tee", "variants-list-q"),
            // Priced whatever `fields`/`expand` say; a search returns the product it joins.
            ("/admin/variants?fields=title,sku&expand=&q=mug", "variants-list-fields-no-expand"),
            ("/admin/variants?fields=title&expand=options&q=mug", "variants-list-fields-expand-options"),
            ("/admin/variants?q=mug&title=nothing", "variants-list-q-ignores-title"),
            // A bare relation name in `fields` selects nothing.
            ("/admin/variants?fields=title,prices&q=mug", "variants-list-fields-relation"),
        ] {
            let res = send(&svc, admin(get(path))).await;
            assert_eq!(res.status, 200, "{path}: {}", res.text);
            let expected = reference(name);
            assert_eq!(res.body["count"], expected["count"], "{path}");
            // The reference pages 20 of 26 tied rows arbitrarily: compare what both pages hold.
            if expected["count"].as_u64().unwrap() <= 20 {
                assert_eq!(by_id(res.body.clone()), by_id(expected), "{path}");
            } else {
                assert!(res.body.get("offset").is_none() && res.body.get("limit").is_none());
            }
        }
        crate::products::assert_matches_reference(&svc, "/admin/variants/variant_ref_mug", "variants-get").await;
        crate::products::assert_matches_reference(&svc, "/admin/variants/variant_ref_mug?fields=title&expand=", "variants-get-fields-no-expand").await;
        crate::products::assert_matches_reference(&svc, "/admin/variants/variant_ref_mug?fields=title,options&expand=product", "variants-get-fields-relation").await;
        crate::products::assert_matches_reference(&svc, "/admin/variants/variant_missing", "variants-get-missing").await;
    }
}

on_both_backends! {
    async fn inventory_without_an_inventory_module(app) {
        load_reference_catalog(&app.db).await;
        let svc = app.service().await;
        let res = send(&svc, admin(get("/admin/variants/variant_ref_mug/inventory"))).await;
        assert_eq!(res.status, 200, "{}", res.text);
        insta::assert_json_snapshot!("variants_inventory", res.body);
        let res = send(&svc, admin(get("/admin/variants/variant_missing/inventory"))).await;
        assert_eq!(res.status, 404, "{}", res.text);
    }
}

/// The pricing keys of the one variant a list answered, and its prices as
/// `(amount, currency, min, max, price list name or "-", or "raw" without the key)`.
/// A price as `priced` lists it.
type PriceRow = (i64, String, Value, Value, String);

fn priced(body: &Value) -> (Value, Vec<PriceRow>) {
    let v = &body["variants"][0];
    let keys = [
        "original_price",
        "calculated_price",
        "calculated_price_type",
        "original_price_incl_tax",
        "calculated_price_incl_tax",
        "original_tax",
        "calculated_tax",
    ];
    let mut figures = serde_json::Map::new();
    for key in keys {
        figures.insert(
            key.into(),
            v.get(key).cloned().unwrap_or(Value::from("ABSENT")),
        );
    }
    let rates = v.get("tax_rates").cloned().unwrap_or(Value::from("ABSENT"));
    figures.insert("tax_rates".into(), redact(&rates));
    let mut prices: Vec<_> = v["prices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let list = match p.get("price_list") {
                None => "raw".to_owned(),
                Some(Value::Null) => "-".to_owned(),
                Some(list) => list["name"].as_str().unwrap().to_owned(),
            };
            let currency = p["currency_code"].as_str().unwrap().to_owned();
            (
                p["amount"].as_i64().unwrap(),
                currency,
                p["min_quantity"].clone(),
                p["max_quantity"].clone(),
                list,
            )
        })
        .collect();
    prices.sort_by_key(|p| (p.0, p.1.clone()));
    (Value::Object(figures), prices)
}

fn row(
    amount: i64,
    currency: &str,
    min: Value,
    max: Value,
    list: &str,
) -> (i64, String, Value, Value, String) {
    (amount, currency.to_owned(), min, max, list.to_owned())
}

on_both_backends! {
    /// Answers recorded from the reference server on its catalog with the same lists, group and
    /// tax rate added: a sale list with quantity tiers, a customer group's override list, an
    /// expired list, and a 12.5 % rate on the mug's product in the EU region.
    async fn prices_are_selected_as_medusa_selects_them(app) {
        load_reference_catalog(&app.db).await;
        let svc = app.service().await;
        macro_rules! call {
            ($req:expr) => {{
                let res = send(&svc, admin($req)).await;
                assert!(res.status < 300, "{}", res.text);
                res.body
            }};
        }
        let customer = call!(post("/admin/customers", json!({
            "email": "pricesel@example.com", "first_name": "P", "last_name": "S", "password": "secret123",
        })))["customer"]["id"].as_str().unwrap().to_owned();
        let group = call!(post("/admin/customer-groups", json!({"name": "vip"})))["customer_group"]["id"]
            .as_str().unwrap().to_owned();
        call!(post(&format!("/admin/customer-groups/{group}/customers/batch"), json!({"customer_ids": [{"id": customer}]})));
        let mug = |amount: i64| json!({"amount": amount, "currency_code": "eur", "variant_id": "variant_ref_mug"});
        let mut tier_min = mug(500);
        tier_min["min_quantity"] = json!(10);
        let mut tier_max = mug(700);
        tier_max["max_quantity"] = json!(5);
        call!(post("/admin/price-lists", json!({
            "name": "pricesel-tmp-sale", "description": "t", "type": "sale", "status": "active",
            "prices": [mug(800), tier_min, tier_max],
        })));
        call!(post("/admin/price-lists", json!({
            "name": "pricesel-tmp-vip", "description": "t", "type": "override", "status": "active",
            "customer_groups": [{"id": group}], "prices": [mug(600)],
        })));
        call!(post("/admin/price-lists", json!({
            "name": "pricesel-tmp-expired", "description": "t", "type": "sale", "status": "active",
            "starts_at": "2020-01-01T00:00:00.000Z", "ends_at": "2021-01-01T00:00:00.000Z",
            "prices": [mug(100)],
        })));
        let null = Value::Null;
        let base_eur = row(1000, "eur", null.clone(), null.clone(), "-");
        let sale_lists = [
            row(500, "eur", json!(10), null.clone(), "pricesel-tmp-sale"),
            row(700, "eur", null.clone(), json!(5), "pricesel-tmp-sale"),
            row(800, "eur", null.clone(), null.clone(), "pricesel-tmp-sale"),
        ];
        let default_rate = json!([{"rate": 0, "name": "default", "code": "default"}]);
        let figures = |o: Value, c: Value, t: &str, oi: Value, ci: Value, ot: Value, ct: Value, rates: &Value| {
            let mut f = json!({
                "original_price": o, "calculated_price": c, "calculated_price_type": t,
                "original_price_incl_tax": oi, "calculated_price_incl_tax": ci,
                "original_tax": ot, "calculated_tax": ct, "tax_rates": rates,
            });
            if t == "ABSENT" {
                f["calculated_price_type"] = json!("ABSENT");
            }
            f
        };

        // Region: its currency's prices, the tier without a lower bound applies, taxes at 0.
        let (f, p) = priced(&call!(get("/admin/variants?id=variant_ref_mug&region_id=reg_ref_eu")));
        assert_eq!(f, figures(json!(1000), json!(700), "sale", json!(1000), json!(700), json!(0), json!(0), &default_rate));
        let mut want = vec![base_eur.clone()];
        want.extend(sale_lists.iter().cloned());
        want.sort_by_key(|p| (p.0, p.1.clone()));
        assert_eq!(p, want);

        // A member of the group gets its override list too.
        let (f, p) = priced(&call!(get(&format!("/admin/variants?id=variant_ref_mug&region_id=reg_ref_eu&customer_id={customer}"))));
        assert_eq!(f, figures(json!(1000), json!(600), "override", json!(1000), json!(600), json!(0), json!(0), &default_rate));
        assert_eq!(p.len(), 5);

        // A currency alone: no taxes.
        let (f, _) = priced(&call!(get("/admin/variants?id=variant_ref_mug&currency_code=eur")));
        assert_eq!(f, figures(json!(1000), json!(700), "sale", null.clone(), null.clone(), null.clone(), null.clone(), &null));

        // The region's currency replaces the requested one.
        let (f, p) = priced(&call!(get("/admin/variants?id=variant_ref_mug&region_id=reg_ref_na&currency_code=eur")));
        assert_eq!(f, figures(json!(1200), json!(1200), "default", json!(1200), json!(1200), json!(0), json!(0), &default_rate));
        assert_eq!(p, vec![row(1200, "usd", null.clone(), null.clone(), "-")]);

        // No context: the list shows open lists' prices, a single variant only base prices.
        let (f, p) = priced(&call!(get("/admin/variants?id=variant_ref_mug")));
        assert_eq!(f, figures(null.clone(), null.clone(), "ABSENT", null.clone(), null.clone(), null.clone(), null.clone(), &null));
        assert_eq!(p.len(), 5);
        let one = call!(get("/admin/variants/variant_ref_mug"));
        let (f, p) = priced(&json!({"variants": [one["variant"].clone()]}));
        assert_eq!(f, figures(null.clone(), null.clone(), "ABSENT", null.clone(), null.clone(), null.clone(), null.clone(), &null));
        assert_eq!(p, vec![base_eur.clone(), row(1200, "usd", null.clone(), null.clone(), "-")]);

        // No candidate: plain prices and no pricing keys.
        let body = call!(get("/admin/variants?id=variant_ref_mug&currency_code=gbp"));
        let v = &body["variants"][0];
        for key in ["original_price", "calculated_price", "tax_rates"] {
            assert!(v.get(key).is_none(), "{key}");
        }
        assert!(v["prices"].as_array().unwrap().iter().all(|p| p.get("price_list").is_none()));

        // A product's own rate overrides the region's.
        let rate = call!(post("/admin/tax-rates", json!({
            "code": "pricesel-tmp", "name": "pricesel tmp", "region_id": "reg_ref_eu", "rate": 12.5,
        })))["tax_rate"]["id"].as_str().unwrap().to_owned();
        call!(post(&format!("/admin/tax-rates/{rate}/products/batch"), json!({"products": ["prod_ref_mug"]})));
        let (f, _) = priced(&call!(get("/admin/variants?id=variant_ref_mug&region_id=reg_ref_eu&currency_code=usd")));
        let rates = json!([{
            "id": "[id]", "created_at": "[datetime]", "updated_at": "[datetime]", "rate": 12.5,
            "code": "pricesel-tmp", "name": "pricesel tmp", "region_id": "reg_ref_eu", "metadata": null,
        }]);
        assert_eq!(f, figures(json!(1000), json!(700), "sale", json!(1125), json!(788), json!(125), json!(88), &redact(&rates)));

        // Errors as Medusa's.
        let res = send(&svc, admin(get("/admin/variants?region_id=nope"))).await;
        assert_eq!((res.status, res.body["message"].clone()), (404, json!("Region with nope was not found")));
        let res = send(&svc, admin(get("/admin/variants/variant_ref_mug?region_id=reg_ref_eu"))).await;
        assert_eq!((res.status, res.body["message"].clone()), (400, json!("property region_id should not exist")));
    }
}

on_both_backends! {
    flags = tax_inclusive();
    /// With tax-inclusive pricing, a price list marked `includes_tax` competes by its price with
    /// tax and is taxed from inside (Medusa's `calculateTaxInclusivePrice` figures: at 25 %, a
    /// 1100 sale price holds 220 of tax, a 1000 tax-exclusive base price costs 1250).
    async fn tax_inclusive_price_lists_are_selected_with_their_tax(app) {
        load_reference_catalog(&app.db).await;
        let svc = app.service().await;
        let region = send(&svc, admin(post("/admin/regions/reg_ref_eu", json!({"tax_rate": 25})))).await;
        assert_eq!(region.status, 200, "{}", region.text);
        let list = send(&svc, admin(post("/admin/price-lists", json!({
            "name": "incl", "description": "t", "type": "sale", "status": "active", "includes_tax": true,
            "prices": [{"amount": 1100, "currency_code": "eur", "variant_id": "variant_ref_mug"}],
        })))).await;
        assert_eq!(list.status, 200, "{}", list.text);
        let body = send(&svc, admin(get("/admin/variants?id=variant_ref_mug&region_id=reg_ref_eu"))).await.body;
        let (f, _) = priced(&body);
        assert_eq!(
            (&f["original_price"], &f["calculated_price"], &f["calculated_price_type"]),
            (&json!(1000), &json!(1100), &json!("sale"))
        );
        assert_eq!(
            (&f["original_price_incl_tax"], &f["original_tax"]),
            (&json!(1250), &json!(250))
        );
        assert_eq!(
            (&f["calculated_price_incl_tax"], &f["calculated_tax"]),
            (&json!(1100), &json!(220))
        );
        let variant = &body["variants"][0];
        assert_eq!(variant["original_price_includes_tax"], false);
        assert_eq!(variant["calculated_price_includes_tax"], true);
    }
}
