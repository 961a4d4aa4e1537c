use crate::on_both_backends;
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
