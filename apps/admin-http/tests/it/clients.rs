//! What Medusa's own clients (the v1 admin dashboard, `@medusajs/medusa-js`) rely on beyond
//! the operations: CORS from the dashboard's origin, the feature flags `GET /admin/store`
//! reports, and the analytics preferences the dashboard reads on every page.

use actix_web::test::TestRequest;
use medusa_core::{FeatureFlags, Flag};
use medusa_test_support::on_both_backends;
use serde_json::json;

use crate::support::*;

const DASHBOARD: &str = "http://localhost:7001";

on_both_backends! {
    async fn cors_answers_the_dashboards_origin(app) {
        let svc = app.service().await;
        // The preflight of a login is answered before authentication.
        let preflight = send(&svc, TestRequest::default()
            .method(actix_web::http::Method::OPTIONS)
            .uri("/admin/auth")
            .insert_header(("origin", DASHBOARD))
            .insert_header(("access-control-request-method", "POST"))
            .insert_header(("access-control-request-headers", "content-type"))).await;
        assert_eq!(preflight.status, 204, "{}", preflight.text);
        let header = |answer: &Answer, name: &str| {
            answer.headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
        };
        assert_eq!(header(&preflight, "access-control-allow-origin").as_deref(), Some(DASHBOARD));
        assert_eq!(header(&preflight, "access-control-allow-credentials").as_deref(), Some("true"));
        assert_eq!(
            header(&preflight, "access-control-allow-methods").as_deref(),
            Some("GET,HEAD,PUT,PATCH,POST,DELETE")
        );
        assert_eq!(header(&preflight, "access-control-allow-headers").as_deref(), Some("content-type"));

        // A refusal carries the headers too, so the dashboard can read it.
        let refused = send(&svc, get("/admin/store").insert_header(("origin", DASHBOARD))).await;
        assert_eq!(refused.status, 401);
        assert_eq!(header(&refused, "access-control-allow-origin").as_deref(), Some(DASHBOARD));
        assert_eq!(header(&refused, "vary").as_deref(), Some("Origin"));

        // Another origin is not allowed; the answer is the same otherwise.
        let stranger = send(&svc, admin(get("/admin/store")).insert_header(("origin", "https://evil.example"))).await;
        assert_eq!(stranger.status, 200);
        assert_eq!(header(&stranger, "access-control-allow-origin"), None);
        let preflight = send(&svc, TestRequest::default()
            .method(actix_web::http::Method::OPTIONS)
            .uri("/admin/products/prod_1/")
            .insert_header(("origin", "https://evil.example"))).await;
        assert_eq!(preflight.status, 204);
        assert_eq!(header(&preflight, "access-control-allow-origin"), None);
    }
}

on_both_backends! {
    async fn cors_origins_are_configurable(app) {
        let state = app.state.clone().with_cors(medusa_admin_http::AllowedOrigins::parse(
            r"https://admin.example.com,/^http:\/\/127\.0\.0\.1:\d+$/",
        ));
        let svc = actix_web::test::init_service(medusa_admin_http::app(state)).await;
        for (origin, allowed) in [
            ("https://admin.example.com", true),
            ("http://127.0.0.1:9311", true),
            (DASHBOARD, false),
        ] {
            let answer = send(&svc, admin(get("/admin/users")).insert_header(("origin", origin))).await;
            assert_eq!(answer.status, 200);
            let echoed = answer.headers.get("access-control-allow-origin").is_some();
            assert_eq!(echoed, allowed, "{origin}");
        }
    }
}

on_both_backends! {
    async fn store_reports_the_flags_the_server_runs_with(app) {
        let svc = app.service().await;
        let store = send(&svc, admin(get("/admin/store"))).await;
        assert_eq!(store.body["store"]["feature_flags"], serde_json::to_value(FeatureFlags::default()).unwrap());
        assert_eq!(store.body["store"]["feature_flags"][3], json!({"key": "product_categories", "value": false}));

        let flags = FeatureFlags::default().with(Flag::ProductCategories, true).with(Flag::Analytics, false);
        let flagged = TestApp::with_flags(app.backend, flags).await;
        let svc = flagged.service().await;
        let store = send(&svc, admin(get("/admin/store"))).await;
        assert_eq!(store.body["store"]["feature_flags"][0], json!({"key": "analytics", "value": false}));
        assert_eq!(store.body["store"]["feature_flags"][3], json!({"key": "product_categories", "value": true}));
        // Routes behind a flag that is off do not exist.
        let gated = send(&svc, admin(get("/admin/analytics-configs"))).await;
        assert_eq!(gated.status, 404, "{}", gated.text);
        assert_eq!(gated.body["message"], "Route GET /admin/analytics-configs not found");
    }
}

on_both_backends! {
    async fn analytics_configs_belong_to_the_caller(app) {
        let svc = app.service().await;
        let missing = send(&svc, admin(get("/admin/analytics-configs"))).await;
        assert_eq!(missing.status, 404);
        assert_eq!(missing.body, json!({
            "type": "not_found",
            "message": format!("No analytics config found for user with id: {ADMIN_ID}"),
        }));

        let bad = send(&svc, admin(post("/admin/analytics-configs", json!({"anonymize": 3, "x": 1})))).await;
        assert_eq!(bad.status, 400);
        assert_eq!(
            bad.body["message"],
            "property x should not exist, opt_out must be a boolean value, anonymize must be a boolean value"
        );

        let created = send(&svc, admin(post("/admin/analytics-configs", json!({"opt_out": false})))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        let config = &created.body["analytics_config"];
        assert_eq!((config["user_id"].as_str(), config["opt_out"].as_bool(), config["anonymize"].as_bool()),
            (Some(ADMIN_ID), Some(false), Some(false)));
        assert!(config["id"].as_str().unwrap().starts_with("acfg_"));

        // Only the given preference changes.
        let updated = send(&svc, admin(post("/admin/analytics-configs/update/", json!({"opt_out": true})))).await;
        assert_eq!(updated.status, 200, "{}", updated.text);
        let config = &updated.body["analytics_config"];
        assert_eq!((config["opt_out"].as_bool(), config["anonymize"].as_bool()), (Some(true), Some(false)));
        let read = send(&svc, admin(get("/admin/analytics-configs"))).await;
        assert_eq!(read.body, updated.body);

        let deleted = send(&svc, admin(delete("/admin/analytics-configs"))).await;
        assert_eq!(deleted.body, json!({"user_id": ADMIN_ID, "object": "analytics_config", "deleted": true}));
        assert_eq!(send(&svc, admin(get("/admin/analytics-configs"))).await.status, 404);
        // Deleting nothing is no error; updating nothing creates.
        assert_eq!(send(&svc, admin(delete("/admin/analytics-configs"))).await.status, 200);
        let upserted = send(&svc, admin(post("/admin/analytics-configs/update", json!({"anonymize": true})))).await;
        assert_eq!(upserted.body["analytics_config"]["opt_out"], false);
        assert_eq!(upserted.body["analytics_config"]["anonymize"], true);

        // Without credentials: 401, as every admin route.
        assert_eq!(send(&svc, get("/admin/analytics-configs")).await.status, 401);
    }
}
