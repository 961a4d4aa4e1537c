//! Walks the route table: every protected route refuses a stranger with a JSON 401, and the
//! public ones do not ask for credentials.

use actix_web::test::TestRequest;
use medusa_admin_http::routes::{endpoints, Access};

use crate::on_both_backends;
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
        for endpoint in &all {
            let uri = concrete(endpoint.path);
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
        // Credentials that do not check out are no better than none.
        let forged = send(&svc, get("/admin/users").insert_header(("authorization", "Bearer not-a-jwt"))).await;
        assert_eq!(forged.status, 401);
        let basic = send(&svc, get("/admin/users").insert_header(("authorization", "Basic sk_unknown"))).await;
        assert_eq!(basic.status, 401);
    }
}
