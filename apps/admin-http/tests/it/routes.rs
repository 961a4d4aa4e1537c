//! Walks the route table: every protected route refuses a stranger with a JSON 401, and the
//! public ones do not ask for credentials, with or without a trailing slash.

use actix_web::test::TestRequest;
use medusa_admin_http::routes::{endpoints, Access};
use medusa_test_support::on_both_backends;

use crate::support::*;

fn concrete(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            if segment.starts_with('{') {
                "x_test"
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

on_both_backends! {
    async fn protected_routes_refuse_strangers(app) {
        let svc = app.service().await;
        let all = endpoints();
        assert!(all.len() >= 30, "the route table lists every operation");
        // Every route answers the same with a trailing slash, as Express's non-strict router
        // does (Medusa's own clients send `GET /admin/store/`).
        let with_slashes = all.iter().flat_map(|endpoint| {
            let uri = concrete(endpoint.path);
            [(endpoint, format!("{uri}/")), (endpoint, uri)]
        });
        for (endpoint, uri) in with_slashes {
            let req = TestRequest::default()
                .method(endpoint.method.clone())
                .uri(&uri)
                .insert_header(("content-type", "application/json"))
                .set_payload("{}");
            let answer = send(&svc, req).await;
            match endpoint.access {
                Access::Authenticated => {
                    assert_eq!(answer.status, 401, "{} {uri}: {}", endpoint.method, answer.text);
                    assert_eq!(
                        answer.body,
                        serde_json::json!({"type": "unauthorized", "message": "Unauthorized"}),
                        "{} {uri}", endpoint.method
                    );
                }
                Access::Public => {
                    assert_ne!(answer.status, 401, "{} {uri} is public: {}", endpoint.method, answer.text);
                }
            }
        }
        // Authenticated, the slash reaches the same operation.
        for uri in ["/admin/store", "/admin/store/", "/admin/products/", "/admin/price-lists/"] {
            let answer = send(&svc, admin(get(uri))).await;
            assert_eq!(answer.status, 200, "GET {uri}: {}", answer.text);
        }
        let plain = send(&svc, admin(get("/admin/users"))).await;
        let slashed = send(&svc, admin(get("/admin/users/"))).await;
        assert_eq!(slashed.body, plain.body);
        // Credentials that do not check out are no better than none.
        let forged = send(&svc, get("/admin/users").insert_header(("authorization", "Bearer not-a-jwt"))).await;
        assert_eq!(forged.status, 401);
        let basic = send(&svc, get("/admin/users").insert_header(("authorization", "Basic sk_unknown"))).await;
        assert_eq!(basic.status, 401);
    }
}
