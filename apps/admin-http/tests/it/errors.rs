use actix_web::test::TestRequest;
use medusa_test_support::on_both_backends;
use serde_json::json;

use crate::support::*;

fn assert_envelope(answer: &Answer, status: u16, kind: &str) {
    assert_eq!(answer.status, status, "{}", answer.text);
    assert!(
        answer.content_type().starts_with("application/json"),
        "{}",
        answer.content_type()
    );
    assert_eq!(answer.body["type"], kind, "{}", answer.text);
    assert!(
        answer.body["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "{}",
        answer.text
    );
}

on_both_backends! {
    async fn every_error_is_json(app) {
        let svc = app.service().await;
        let bad_json = send(&svc, admin(TestRequest::post().uri("/admin/users")
            .insert_header(("content-type", "application/json")).set_payload("{\"email\":"))).await;
        assert_envelope(&bad_json, 400, "invalid_data");

        let wrong_type = send(&svc, admin(TestRequest::post().uri("/admin/users")
            .insert_header(("content-type", "text/plain")).set_payload("hi"))).await;
        assert_envelope(&wrong_type, 400, "invalid_data");

        let too_large = send(&svc, admin(TestRequest::post().uri("/admin/users")
            .insert_header(("content-type", "application/json"))
            .set_payload(format!("{{\"email\":\"{}\"}}", "a".repeat(2 * 1024 * 1024))))).await;
        assert_envelope(&too_large, 413, "invalid_data");

        let unknown_admin = send(&svc, admin(get("/admin/nothing-here"))).await;
        assert_envelope(&unknown_admin, 404, "not_found");
        let unknown_anonymous = send(&svc, get("/admin/nothing-here")).await;
        assert_envelope(&unknown_anonymous, 401, "unauthorized");
        let unknown = send(&svc, get("/nothing-here")).await;
        assert_envelope(&unknown, 404, "not_found");
        // Inside a resource's scope (`/users`) and beside it (`/usersx`): the same answers.
        for path in ["/admin/users/usr_1/nothing-here", "/admin/usersx"] {
            assert_envelope(&send(&svc, admin(get(path))).await, 404, "not_found");
            assert_envelope(&send(&svc, get(path)).await, 401, "unauthorized");
        }

        let wrong_method = send(&svc, admin(TestRequest::put().uri("/admin/users").set_json(json!({})))).await;
        assert_envelope(&wrong_method, 405, "not_allowed");

        let bad_path = send(&svc, admin(get("/admin/users/%FF"))).await;
        assert!(bad_path.status == 400 || bad_path.status == 404, "{}", bad_path.text);
        assert!(bad_path.body["type"].is_string(), "{}", bad_path.text);

        insta::assert_json_snapshot!("errors_unknown_route", unknown.body);
        insta::assert_json_snapshot!("errors_method_not_allowed", wrong_method.body);
    }
}

on_both_backends! {
    async fn health(app) {
        let svc = app.service().await;
        let res = send(&svc, get("/health")).await;
        assert_eq!(res.status, 200);
        assert_eq!(res.text, "OK");
    }
}

on_both_backends! {
    /// Query values the database cannot take are refused where the query string is read,
    /// naming the parameter, on every endpoint: counts past what PostgreSQL binds (they used
    /// to panic while the statement was built) and NUL characters (a 500 on PostgreSQL).
    async fn query_values_the_database_cannot_take_are_refused_by_name(app) {
        let svc = app.service().await;
        let too_large = |param: &str| format!("{param} must not be greater than 9223372036854775807");
        let nul = |param: &str| format!("{param} must not contain a NUL character");
        for (uri, message) in [
            ("/admin/regions?offset=9223372036854775808", too_large("offset")),
            ("/admin/products?limit=18446744073709551615", too_large("limit")),
            ("/admin/customers?offset=99999999999999999999999", too_large("offset")),
            ("/admin/products?q=shirt%00", nul("q")),
            ("/admin/customers?email=a%00b", nul("email")),
            ("/admin/regions?id[]=reg_1&id[]=%00", nul("id")),
        ] {
            let answer = send(&svc, admin(get(uri))).await;
            assert_eq!(answer.status, 400, "{uri}: {}", answer.text);
            assert_eq!(
                answer.body,
                serde_json::json!({"type": "invalid_data", "message": message}),
                "{uri}"
            );
        }
        let largest = send(&svc, admin(get("/admin/regions?offset=9223372036854775807"))).await;
        assert_eq!(largest.status, 200, "{}", largest.text);
        assert_eq!(largest.body["regions"], serde_json::json!([]));
    }
}

on_both_backends! {
    /// NUL characters in a body or in a path id are refused by name before any handler reads
    /// them (PostgreSQL cannot store them: a 500 there before); nothing is written.
    async fn nul_characters_in_bodies_and_paths_are_refused_by_name(app) {
        let svc = app.service().await;
        let refused = |answer: &Answer, message: &str| {
            assert_eq!(answer.status, 400, "{}", answer.text);
            assert_eq!(answer.body, json!({"type": "invalid_data", "message": message}));
        };
        let title = send(&svc, admin(post("/admin/collections", json!({"title": "a\u{0}b"})))).await;
        refused(&title, "title must not contain a NUL character");
        let nested = send(&svc, admin(post("/admin/customers", json!({
            "email": "nul@example.com", "first_name": "A", "last_name": "B",
            "metadata": {"notes": ["ok", "x\u{0}"]},
        })))).await;
        refused(&nested, "metadata.notes.1 must not contain a NUL character");
        let listed = send(&svc, admin(get("/admin/customers?q=nul@example.com"))).await;
        assert_eq!(listed.body["count"], 0, "{}", listed.text);

        for uri in ["/admin/regions/reg%00x", "/admin/customers/%00", "/admin/products/prod_1%00/variants"] {
            refused(&send(&svc, admin(get(uri))).await, "The path must not contain a NUL character");
        }
    }
}

on_both_backends! {
    /// A title thousands of characters long makes a handle PostgreSQL cannot index: a clear
    /// 400 there, never a 500; SQLite has no such limit and keeps the product.
    async fn a_handle_too_long_to_index_is_a_client_error(app) {
        let svc = app.service().await;
        // Words that do not repeat (PostgreSQL compresses an index entry before it measures it).
        let mut seed = 7u64;
        let title: String = (0..8000)
            .map(|i| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                if i % 9 == 8 { ' ' } else { char::from(b'a' + (seed >> 59) as u8 % 26) }
            })
            .collect();
        let answer = send(&svc, admin(post("/admin/products", json!({"title": title})))).await;
        match app.backend {
            medusa_test_support::Backend::Postgres => {
                assert_eq!(answer.status, 400, "{}", answer.text);
                assert_eq!(answer.body["type"], "invalid_data", "{}", answer.text);
                assert!(answer.text.contains("too long"), "{}", answer.text);
            }
            medusa_test_support::Backend::Sqlite => assert_eq!(answer.status, 200, "{}", answer.text),
        }
    }
}
