use medusa_test_support::on_both_backends;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

use crate::support::*;

on_both_backends! {
    async fn lists_match_medusa(app) {
        let svc = app.service().await;
        for (name, uri) in [
            ("currencies-default", "/admin/currencies"),
            ("currencies-page", "/admin/currencies?limit=3&offset=2&order=code"),
            ("currencies-q", "/admin/currencies?q=eu&order=-code"),
            ("currencies-code", "/admin/currencies?code=usd"),
        ] {
            let res = send(&svc, admin(get(uri))).await;
            assert_eq!(res.status, 200, "{uri}: {}", res.text);
            assert_eq!(res.body, reference(name), "{uri}");
        }
        let page = send(&svc, admin(get("/admin/currencies?limit=3&offset=2&order=code"))).await;
        insta::assert_json_snapshot!("currencies_page", page.body);
    }
}

on_both_backends! {
    async fn bad_queries_are_client_errors(app) {
        let svc = app.service().await;
        let unknown_order = send(&svc, admin(get("/admin/currencies?order=nope"))).await;
        assert_eq!(unknown_order.status, 400, "{}", unknown_order.text);
        assert_eq!(unknown_order.body["type"], "invalid_data");
        let bad_limit = send(&svc, admin(get("/admin/currencies?limit=abc"))).await;
        assert_eq!(bad_limit.status, 400);
        let unknown_param = send(&svc, admin(get("/admin/currencies?foo=1"))).await;
        assert_eq!(unknown_param.status, 400);
        assert_eq!(unknown_param.body["message"], "property foo should not exist");
    }
}

on_both_backends! {
    async fn includes_tax_is_unknown_with_the_flag_off(app) {
        let svc = app.service().await;
        let list = send(&svc, admin(get("/admin/currencies?order=code&limit=1"))).await;
        assert_eq!(list.body["currencies"][0].get("includes_tax"), None, "{}", list.text);
        // Medusa validates the body before its flag check answers 404.
        for body in [json!({"includes_tax": true}), json!({"includes_tax": null})] {
            let res = send(&svc, admin(post("/admin/currencies/aed", body))).await;
            assert_eq!(res.status, 400, "{}", res.text);
            assert_eq!(
                res.body,
                json!({"type": "invalid_data", "message": "includes_tax should not exist"})
            );
        }
        let res = send(&svc, admin(post("/admin/currencies/aed", json!({})))).await;
        assert_eq!(res.status, 404, "{}", res.text);
        let unknown = send(&svc, admin(post("/admin/currencies/aed", json!({"foo": 1})))).await;
        assert_eq!(unknown.body["message"], "property foo should not exist");
    }
}

on_both_backends! {
    flags = tax_inclusive();
    async fn includes_tax_is_listed_and_set_with_the_flag_on(app) {
        let svc = app.service().await;
        let list = send(&svc, admin(get("/admin/currencies?order=code&limit=2"))).await;
        assert_eq!(list.status, 200, "{}", list.text);
        assert_eq!(
            list.body["currencies"][0],
            json!({"code": "aed", "includes_tax": false, "name": "United Arab Emirates Dirham",
                   "symbol": "AED", "symbol_native": "د.إ.‏"})
        );

        let res = send(&svc, admin(post("/admin/currencies/AED", json!({"includes_tax": true})))).await;
        assert_eq!(res.status, 200, "{}", res.text);
        assert_eq!(
            res.body,
            json!({"currency": {"code": "aed", "includes_tax": true,
                   "name": "United Arab Emirates Dirham", "symbol": "AED",
                   "symbol_native": "د.إ.‏"}})
        );
        let taxed = send(&svc, admin(get("/admin/currencies?includes_tax=true"))).await;
        assert_eq!(taxed.status, 200, "{}", taxed.text);
        assert_eq!(taxed.body["count"], 1);
        assert_eq!(taxed.body["currencies"][0]["code"], "aed");
        let events = medusa_entity::event_outbox::Entity::find()
            .filter(medusa_entity::event_outbox::Column::Name.eq("currency.updated"))
            .count(&app.db)
            .await
            .unwrap();
        assert_eq!(events, 1);

        // An empty body changes nothing and still answers the currency.
        let same = send(&svc, admin(post("/admin/currencies/aed", json!({})))).await;
        assert_eq!(same.body["currency"]["includes_tax"], true);

        let missing = send(&svc, admin(post("/admin/currencies/zzz", json!({"includes_tax": true})))).await;
        assert_eq!(missing.status, 404, "{}", missing.text);
        assert_eq!(
            missing.body,
            json!({"type": "not_found", "message": "Currency with code: zzz was not found"})
        );
        let bad = send(&svc, admin(post("/admin/currencies/aed", json!({"includes_tax": "yes"})))).await;
        assert_eq!(bad.status, 400, "{}", bad.text);
        assert_eq!(bad.body["message"], "includes_tax must be a boolean value");
    }
}
