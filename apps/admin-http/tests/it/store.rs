use medusa_test_support::on_both_backends;
use serde_json::json;

use crate::support::*;

on_both_backends! {
    async fn reads_match_medusa(app) {
        let svc = app.service().await;
        for (name, uri) in [
            ("store-get", "/admin/store"),
            ("store-payment-providers", "/admin/store/payment-providers"),
            ("store-tax-providers", "/admin/store/tax-providers"),
        ] {
            let res = send(&svc, admin(get(uri))).await;
            assert_eq!(res.status, 200, "{uri}: {}", res.text);
            assert_eq!(redact(&res.body), redact(&reference(name)), "{uri}");
        }
        let store = send(&svc, admin(get("/admin/store"))).await;
        insta::assert_json_snapshot!("store_get", redact(&store.body));
    }
}

on_both_backends! {
    async fn update_rules(app) {
        let svc = app.service().await;
        let renamed = send(&svc, admin(post("/admin/store", json!({"name": "Renamed", "metadata": {"k": "v"}})))).await;
        assert_eq!(renamed.status, 200, "{}", renamed.text);
        insta::assert_json_snapshot!("store_update", redact(&renamed.body));

        let unknown_currency = send(&svc, admin(post("/admin/store", json!({"currencies": ["usd", "eur", "xxx"]})))).await;
        assert_eq!(unknown_currency.status, 400);
        insta::assert_json_snapshot!("store_update_unknown_currency", unknown_currency.body);

        let drops_default = send(&svc, admin(post("/admin/store", json!({"currencies": ["usd"]})))).await;
        assert_eq!(drops_default.status, 400);
        insta::assert_json_snapshot!("store_update_drops_default", drops_default.body);

        let foreign_default = send(&svc, admin(post("/admin/store", json!({"default_currency_code": "dkk"})))).await;
        assert_eq!(foreign_default.status, 400);
        insta::assert_json_snapshot!("store_update_foreign_default", foreign_default.body);

        let switched = send(&svc, admin(post("/admin/store", json!({"currencies": ["usd", "dkk"], "default_currency_code": "dkk"})))).await;
        assert_eq!(switched.status, 200, "{}", switched.text);
        let store = send(&svc, admin(get("/admin/store"))).await;
        assert_eq!(store.body["store"]["default_currency_code"], "dkk");
        let codes: Vec<_> = store.body["store"]["currencies"].as_array().unwrap().iter().map(|c| c["code"].clone()).collect();
        assert_eq!(codes.len(), 2);
    }
}

on_both_backends! {
    async fn store_currencies(app) {
        let svc = app.service().await;
        let added = send(&svc, admin(post("/admin/store/currencies/dkk", json!({})))).await;
        assert_eq!(added.status, 200, "{}", added.text);
        insta::assert_json_snapshot!("store_add_currency", redact(&added.body));
        let twice = send(&svc, admin(post("/admin/store/currencies/dkk", json!({})))).await;
        assert_eq!(twice.status, 422, "{}", twice.text);
        let unknown = send(&svc, admin(post("/admin/store/currencies/xxx", json!({})))).await;
        assert_eq!(unknown.status, 400, "{}", unknown.text);
        let removed = send(&svc, admin(delete("/admin/store/currencies/dkk"))).await;
        assert_eq!(removed.status, 200, "{}", removed.text);
        let codes: Vec<_> = removed.body["store"]["currencies"].as_array().unwrap().iter().map(|c| c["code"].as_str().unwrap().to_owned()).collect();
        assert!(!codes.contains(&"dkk".to_owned()));
    }
}
