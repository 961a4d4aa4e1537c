//! HTTP tests of `/admin/regions`.
//!
//! Reads are compared with the reference server's recorded answers (`capture.sh`) over the
//! same two regions; writes replay `capture-region-writes.sh` and compare each answer with the
//! second reference server's. Medusa returns a region's countries in whatever order its query
//! plan yields (the same region lists them differently in `GET /regions` and
//! `GET /regions/:id`), so comparisons sort countries by code.

use actix_web::test::TestRequest;
use medusa_entity::{country, event_outbox};
use medusa_test_support::on_both_backends;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{json, Value};

use crate::support::*;

/// The reference seed's regions (`seed.json`), loaded through the store seed, which creates
/// them with the region service.
pub async fn seed_reference_regions(app: &TestApp) {
    let file = medusa_store::parse(
        &json!({"regions": [
            {"id": "reg_ref_eu", "name": "EU", "currency_code": "eur", "tax_rate": 0,
             "payment_providers": ["manual"], "fulfillment_providers": ["manual"],
             "countries": ["gb", "de", "dk", "se", "fr", "es", "it"],
             "created_at": "2024-01-01T08:00:00.000Z"},
            {"id": "reg_ref_na", "name": "NA", "currency_code": "usd", "tax_rate": 0,
             "payment_providers": ["manual"], "fulfillment_providers": ["manual"],
             "countries": ["us", "ca"], "created_at": "2024-01-01T08:01:00.000Z"}
        ]})
        .to_string(),
    )
    .unwrap();
    medusa_store::apply_store_seed(&app.db, &file)
        .await
        .unwrap();
}

/// Countries sorted by code wherever they appear, then redacted.
fn normalized(value: &Value) -> Value {
    fn sort(value: &mut Value) {
        match value {
            Value::Object(map) => {
                for (key, inner) in map.iter_mut() {
                    if key == "countries" {
                        if let Value::Array(items) = inner {
                            items.sort_by_key(|c| {
                                c["iso_2"].as_str().unwrap_or_default().to_owned()
                            });
                        }
                    }
                    sort(inner);
                }
            }
            Value::Array(items) => items.iter_mut().for_each(sort),
            _ => {}
        }
    }
    let mut copy = value.clone();
    sort(&mut copy);
    redact(&copy)
}

on_both_backends! {
    async fn reads_match_medusa(app) {
        seed_reference_regions(&app).await;
        let svc = app.service().await;
        for (name, uri, status) in [
            ("regions-list", "/admin/regions", 200),
            ("regions-list-fields", "/admin/regions?fields=name&expand=currency", 200),
            ("regions-list-q", "/admin/regions?q=n&limit=1", 200),
            ("regions-list-no-relations", "/admin/regions?order=name&expand=", 200),
            ("regions-get", "/admin/regions/reg_ref_eu", 200),
            ("regions-get-fields", "/admin/regions/reg_ref_na?fields=name,tax_rate&expand=payment_providers", 200),
            ("regions-fulfillment-options", "/admin/regions/reg_ref_eu/fulfillment-options", 200),
            ("regions-get-missing", "/admin/regions/reg_missing", 404),
            ("regions-list-bad-expand", "/admin/regions?expand=tax_rates", 400),
        ] {
            let res = send(&svc, admin(get(uri))).await;
            assert_eq!(res.status, status, "{uri}: {}", res.text);
            assert_eq!(normalized(&res.body), normalized(&reference(name)), "{uri}");
        }
        // On PostgreSQL a region's own page lists its countries in the order they were
        // assigned, as Medusa's does.
        if app.backend == Backend::Postgres {
            let res = send(&svc, admin(get("/admin/regions/reg_ref_eu"))).await;
            assert_eq!(redact(&res.body), redact(&reference("regions-get")));
        }
        let res = send(&svc, admin(get("/admin/regions?order=name"))).await;
        insta::assert_json_snapshot!("regions_list", normalized(&res.body));
        let deleted_filter = send(&svc, admin(get("/admin/regions?deleted_at[gt]=2020-01-01&expand="))).await;
        assert_eq!(deleted_filter.status, 200, "{}", deleted_filter.text);
        assert_eq!(deleted_filter.body["count"], 0);
        let unknown = send(&svc, admin(get("/admin/regions?foo=1"))).await;
        assert_eq!(unknown.status, 400);
        assert_eq!(unknown.body["message"], "property foo should not exist");
    }
}

// Replays `capture-region-writes.sh` and compares every answer with the second reference
// server's, then reads the rows back.
on_both_backends! {
    async fn writes_match_medusa(app) {
        seed_reference_regions(&app).await;
        let svc = app.service().await;
        let created = send(&svc, admin(post("/admin/regions", json!({
            "name": "Latam", "currency_code": "USD", "tax_rate": 12.5, "tax_code": "LT",
            "payment_providers": ["manual", "manual"], "fulfillment_providers": ["manual"],
            "countries": ["MX"], "metadata": {"keep": 1, "drop": ""}
        })))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        assert_eq!(normalized(&created.body), normalized(&reference("regions-create")));
        insta::assert_json_snapshot!("regions_create", normalized(&created.body));
        let id = created.body["region"]["id"].as_str().unwrap().to_owned();
        let base = format!("/admin/regions/{id}");

        let steps: Vec<(&str, TestRequest)> = vec![
            ("regions-update", post(&base, json!({
                "name": "Latin America", "countries": ["mx", "ar"], "tax_code": null,
                "automatic_taxes": false, "metadata": {"keep": "", "added": true},
                "payment_providers": []
            }))),
            ("regions-add-country", post(&format!("{base}/countries"), json!({"country_code": "CL"}))),
            ("regions-remove-country", delete(&format!("{base}/countries/ar"))),
            ("regions-add-payment-provider", post(&format!("{base}/payment-providers"), json!({"provider_id": "manual"}))),
            ("regions-remove-fulfillment-provider", delete(&format!("{base}/fulfillment-providers/manual"))),
        ];
        for (name, request) in steps {
            let res = send(&svc, admin(request)).await;
            assert_eq!(res.status, 200, "{name}: {}", res.text);
            assert_eq!(normalized(&res.body), normalized(&reference(name)), "{name}");
        }
        // Relation-only changes leave `updated_at` alone, as TypeORM's save does.
        let after_update = send(&svc, admin(get(&base))).await;
        let again = send(&svc, admin(post(&format!("{base}/countries"), json!({"country_code": "cl"})))).await;
        assert_eq!(again.body["region"]["updated_at"], after_update.body["region"]["updated_at"]);

        let removed = send(&svc, admin(delete(&base))).await;
        assert_eq!(removed.status, 200, "{}", removed.text);
        assert_eq!(redact(&removed.body), redact(&reference("regions-delete")));
        let twice = send(&svc, admin(delete(&base))).await;
        assert_eq!(twice.status, 404);
        assert_eq!(twice.body["message"], format!("Region with {id} was not found"));
        let gone = send(&svc, admin(get(&base))).await;
        assert_eq!(gone.status, 404);

        // The rows Medusa leaves: the countries released, the region kept with `deleted_at`.
        let still_owned = country::Entity::find()
            .filter(country::Column::RegionId.eq(id.as_str()))
            .all(&app.db)
            .await
            .unwrap();
        assert!(still_owned.is_empty());
        let listed = send(&svc, admin(get("/admin/regions?deleted_at[gt]=2020-01-01&expand=countries"))).await;
        assert_eq!(listed.body["count"], 1, "{}", listed.text);
        assert_eq!(listed.body["regions"][0]["id"], id.as_str());
        assert_eq!(listed.body["regions"][0]["countries"], json!([]));

        // Each write recorded Medusa's event in its transaction; no-ops recorded none.
        let events: Vec<(String, Value)> = event_outbox::Entity::find()
            .filter(event_outbox::Column::ResourceId.eq(id.as_str()))
            .order_by_asc(event_outbox::Column::Id)
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .map(|e| (e.name, serde_json::from_str(&e.data).unwrap()))
            .collect();
        let fields = |f: Value| json!({"id": id, "fields": f});
        assert_eq!(events, vec![
            ("region.created".to_owned(), json!({"id": id})),
            ("region.updated".to_owned(), fields(json!(["name", "tax_code", "automatic_taxes", "payment_providers", "countries", "metadata"]))),
            ("region.updated".to_owned(), fields(json!(["countries"]))),
            ("region.updated".to_owned(), fields(json!(["countries"]))),
            ("region.updated".to_owned(), fields(json!(["payment_providers"]))),
            ("region.updated".to_owned(), fields(json!(["fulfillment_providers"]))),
            ("region.deleted".to_owned(), json!({"id": id})),
        ]);
    }
}

on_both_backends! {
    async fn write_errors_match_medusa(app) {
        seed_reference_regions(&app).await;
        let svc = app.service().await;
        let region = |body: Value| post("/admin/regions", body);
        let minimal = |extra: Value| {
            let mut body = json!({"name": "X", "currency_code": "usd", "tax_rate": 0,
                "payment_providers": [], "fulfillment_providers": [], "countries": []});
            for (k, v) in extra.as_object().unwrap() {
                body[k] = v.clone();
            }
            body
        };
        let cases: Vec<(&str, TestRequest, u16)> = vec![
            ("regions-create-invalid", region(json!({"foo": 1, "name": 1, "tax_rate": "x", "payment_providers": [1], "fulfillment_providers": "manual"})), 400),
            ("regions-create-taken-country", region(minimal(json!({"countries": ["us"]}))), 422),
            ("regions-create-bad-currency", region(minimal(json!({"currency_code": "dkk"}))), 400),
            ("regions-create-bad-rate", region(minimal(json!({"tax_rate": 101}))), 400),
            ("regions-create-bad-country", region(minimal(json!({"countries": ["xx"]}))), 400),
            ("regions-create-bad-provider", region(minimal(json!({"payment_providers": ["system"]}))), 400),
            ("regions-update-null-name", post("/admin/regions/reg_ref_eu", json!({"name": null})), 400),
            ("regions-update-bad-tax-provider", post("/admin/regions/reg_ref_eu", json!({"tax_provider_id": "nope"})), 400),
            ("regions-add-unknown-payment-provider", post("/admin/regions/reg_ref_eu/payment-providers", json!({"provider_id": "system"})), 404),
            ("regions-add-unknown-fulfillment-provider", post("/admin/regions/reg_ref_eu/fulfillment-providers", json!({"provider_id": "webshipper"})), 404),
            ("regions-add-taken-country", post("/admin/regions/reg_ref_eu/countries", json!({"country_code": "us"})), 422),
        ];
        for (name, request, status) in cases {
            let res = send(&svc, admin(request)).await;
            assert_eq!(res.status, status, "{name}: {}", res.text);
            assert_eq!(res.body, reference(name), "{name}");
        }
        // Nothing was written by the refused requests.
        let list = send(&svc, admin(get("/admin/regions"))).await;
        assert_eq!(normalized(&list.body), normalized(&reference("regions-list")));
        let region_events = event_outbox::Entity::find()
            .filter(event_outbox::Column::Name.starts_with("region."))
            .filter(event_outbox::Column::Name.ne("region.created"))
            .all(&app.db)
            .await
            .unwrap();
        assert!(region_events.is_empty(), "{region_events:?}");

        let missing: Vec<(&str, TestRequest)> = vec![
            ("update", post("/admin/regions/reg_missing", json!({"name": "x"}))),
            ("delete", delete("/admin/regions/reg_missing")),
            ("options", get("/admin/regions/reg_missing/fulfillment-options")),
            ("add country", post("/admin/regions/reg_missing/countries", json!({"country_code": "mx"}))),
            ("remove country", delete("/admin/regions/reg_missing/countries/mx")),
            ("add payment", post("/admin/regions/reg_missing/payment-providers", json!({"provider_id": "manual"}))),
            ("remove payment", delete("/admin/regions/reg_missing/payment-providers/manual")),
            ("add fulfillment", post("/admin/regions/reg_missing/fulfillment-providers", json!({"provider_id": "manual"}))),
            ("remove fulfillment", delete("/admin/regions/reg_missing/fulfillment-providers/manual")),
        ];
        for (what, request) in missing {
            let res = send(&svc, admin(request)).await;
            assert_eq!(res.status, 404, "{what}: {}", res.text);
            assert_eq!(res.body, reference("regions-get-missing"), "{what}");
        }
        // Medusa checks the country before the region: an unknown code is a 400 even there.
        let bad_code = send(&svc, admin(post("/admin/regions/reg_missing/countries", json!({"country_code": "xx"})))).await;
        assert_eq!(bad_code.status, 400);
        let no_code = send(&svc, admin(post("/admin/regions/reg_ref_eu/countries", json!({})))).await;
        assert_eq!(no_code.status, 400);
        insta::assert_json_snapshot!("regions_add_country_without_code", no_code.body);
    }
}

on_both_backends! {
    async fn the_shipped_providers_register_as_medusa_boots(app) {
        // What `bootstrap::boot` registers: the registry's installed ids, `system` left out.
        let providers = &app.state.providers;
        app.state
            .store
            .register_providers(&providers.installed_payment_ids(), &providers.fulfillment_ids())
            .await
            .unwrap();
        let svc = app.service().await;
        let payment = send(&svc, admin(get("/admin/store/payment-providers"))).await;
        assert_eq!(payment.body, reference("store-payment-providers"));
        let store = send(&svc, admin(get("/admin/store"))).await;
        assert_eq!(
            store.body["store"]["fulfillment_providers"],
            reference("store-get")["store"]["fulfillment_providers"]
        );
        // A region cannot offer the built-in `system` provider, as in Medusa.
        assert!(providers.payment("system").is_some());
        seed_reference_regions(&app).await;
        let refused = send(
            &svc,
            admin(post("/admin/regions/reg_ref_eu/payment-providers", json!({"provider_id": "system"}))),
        )
        .await;
        assert_eq!(refused.status, 404);
        assert_eq!(refused.body, reference("regions-add-unknown-payment-provider"));
    }
}

on_both_backends! {
    async fn includes_tax_is_unknown_with_the_flag_off(app) {
        seed_reference_regions(&app).await;
        let svc = app.service().await;
        // Medusa's answers with the flag off: its flag decorators' message, after the others.
        let create = send(&svc, admin(post("/admin/regions", json!({"includes_tax": null, "metadata": 3})))).await;
        assert_eq!(create.status, 400, "{}", create.text);
        assert!(create.body["message"].as_str().unwrap().ends_with(
            "countries must be an array, metadata must be an object, includes_tax should not exist"
        ), "{}", create.text);
        let update = send(&svc, admin(post("/admin/regions/reg_nope", json!({"includes_tax": true, "metadata": 3})))).await;
        assert_eq!(update.status, 400, "{}", update.text);
        assert_eq!(update.body["message"], "metadata must be an object, includes_tax should not exist");
        let region = send(&svc, admin(get("/admin/regions/reg_ref_eu"))).await;
        assert_eq!(region.body["region"].get("includes_tax"), None, "{}", region.text);
        let list = send(&svc, admin(get("/admin/regions"))).await;
        assert_eq!(list.body["regions"][0].get("includes_tax"), None, "{}", list.text);
    }
}

on_both_backends! {
    flags = tax_inclusive();
    async fn includes_tax_is_read_and_written_with_the_flag_on(app) {
        seed_reference_regions(&app).await;
        let svc = app.service().await;
        let created = send(&svc, admin(post("/admin/regions", json!({
            "name": "Taxed", "currency_code": "usd", "tax_rate": 0,
            "payment_providers": ["manual"], "fulfillment_providers": ["manual"],
            "countries": ["mx"], "includes_tax": true
        })))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        assert_eq!(created.body["region"]["includes_tax"], true);

        let eu = send(&svc, admin(get("/admin/regions/reg_ref_eu"))).await;
        assert_eq!(eu.body["region"]["includes_tax"], false, "{}", eu.text);
        let list = send(&svc, admin(get("/admin/regions?order=created_at"))).await;
        let flags: Vec<&Value> = list.body["regions"].as_array().unwrap().iter().map(|r| &r["includes_tax"]).collect();
        assert_eq!(flags, [&json!(false), &json!(false), &json!(true)], "{}", list.text);

        let before = eu.body["region"]["updated_at"].clone();
        let updated = send(&svc, admin(post("/admin/regions/reg_ref_eu", json!({"includes_tax": true})))).await;
        assert_eq!(updated.status, 200, "{}", updated.text);
        assert_eq!(updated.body["region"]["includes_tax"], true);
        assert_ne!(updated.body["region"]["updated_at"], before, "a changed column moves updated_at");
        let read = send(&svc, admin(get("/admin/regions/reg_ref_eu"))).await;
        assert_eq!(read.body["region"]["includes_tax"], true);
        let trimmed = send(&svc, admin(get("/admin/regions/reg_ref_eu?fields=name"))).await;
        assert_eq!(trimmed.body["region"].get("includes_tax"), None, "{}", trimmed.text);

        let bad = send(&svc, admin(post("/admin/regions/reg_ref_eu", json!({"includes_tax": "yes"})))).await;
        assert_eq!(bad.status, 400, "{}", bad.text);
        assert_eq!(bad.body["message"], "includes_tax must be a boolean value");
    }
}

on_both_backends! {
    setup = medusa_admin_http::Setup {
        providers: medusa_providers::ProviderRegistry::shipped(
            &["test-pay".to_owned()],
            &["test-ful".to_owned()],
        )
        .unwrap(),
        ..Default::default()
    };
    async fn the_suites_test_providers_serve_when_loaded(app) {
        let svc = app.service().await;
        let store = send(&svc, admin(get("/admin/store"))).await;
        let installed = |kind: &str| -> Vec<(String, bool)> {
            store.body["store"][kind].as_array().unwrap().iter()
                .map(|p| (p["id"].as_str().unwrap().to_owned(), p["is_installed"].as_bool().unwrap()))
                .collect()
        };
        assert_eq!(installed("fulfillment_providers"), [("test-ful".to_owned(), true)]);
        assert_eq!(installed("payment_providers"), [("test-pay".to_owned(), true)]);

        let created = send(&svc, admin(post("/admin/regions", json!({
            "name": "Test region", "currency_code": "usd", "tax_rate": 0,
            "payment_providers": ["test-pay"], "fulfillment_providers": ["test-ful"],
            "countries": ["us"],
        })))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        let region = &created.body["region"];
        assert_eq!(region["fulfillment_providers"][0]["id"], "test-ful");
        let options = send(&svc, admin(get(&format!(
            "/admin/regions/{}/fulfillment-options", region["id"].as_str().unwrap()
        )))).await;
        assert_eq!(options.body["fulfillment_options"], json!([
            {"provider_id": "test-ful", "options": [{"id": "manual-fulfillment"}]}
        ]));
        let manual = send(&svc, admin(post("/admin/regions", json!({
            "name": "Manual", "currency_code": "usd", "tax_rate": 0,
            "payment_providers": ["manual"], "fulfillment_providers": [], "countries": [],
        })))).await;
        assert_eq!(manual.body, json!({"type": "invalid_data", "message": "Payment provider not found"}));
    }
}
