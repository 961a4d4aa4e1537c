use actix_web::test::TestRequest;
use medusa_test_support::on_both_backends;
use serde_json::json;

use crate::support::*;

on_both_backends! {
    async fn session_login_with_medusas_scrypt_hash(app) {
        let svc = app.service().await;
        let login = send(&svc, post("/admin/auth", login_body())).await;
        assert_eq!(login.status, 200, "{}", login.text);
        insta::assert_json_snapshot!("auth_login", redact(&login.body));
        let cookie = login.cookie().expect("a session cookie");
        let set_cookie = login.headers.get("set-cookie").unwrap().to_str().unwrap().to_owned();
        assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
        assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");

        let me = send(&svc, get("/admin/auth").insert_header(("cookie", cookie.clone()))).await;
        assert_eq!(me.status, 200, "{}", me.text);
        let mut expected = reference("auth-get");
        expected["user"].as_object_mut().unwrap().remove("api_token");
        assert_eq!(redact(&me.body), redact(&expected));

        // The scrypt hash was replaced by a bcrypt one on that first login; it still works.
        let hash = stored_hash(&app).await;
        assert!(hash.starts_with("$2"), "{hash}");
        let again = send(&svc, post("/admin/auth", login_body())).await;
        assert_eq!(again.status, 200);

        let logout = send(&svc, delete("/admin/auth").insert_header(("cookie", cookie.clone()))).await;
        assert_eq!(logout.status, 200);
        assert_eq!(logout.text, "OK");
        let after = send(&svc, get("/admin/auth").insert_header(("cookie", cookie))).await;
        assert_eq!(after.status, 401);
    }
}

async fn stored_hash(app: &TestApp) -> String {
    use sea_orm::EntityTrait;
    medusa_entity::user::Entity::find_by_id(ADMIN_ID)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .password_hash
        .unwrap()
}

on_both_backends! {
    async fn jwt_login(app) {
        let svc = app.service().await;
        let token = send(&svc, post("/admin/auth/token", login_body())).await;
        assert_eq!(token.status, 200, "{}", token.text);
        insta::assert_json_snapshot!("auth_token", redact(&token.body));
        let jwt = token.body["access_token"].as_str().unwrap().to_owned();
        let me = send(&svc, get("/admin/auth").insert_header(("authorization", format!("Bearer {jwt}")))).await;
        assert_eq!(me.status, 200, "{}", me.text);
        assert_eq!(me.body["user"]["id"], ADMIN_ID);
        let forged = format!("{jwt}x");
        let bad = send(&svc, get("/admin/auth").insert_header(("authorization", format!("Bearer {forged}")))).await;
        assert_eq!(bad.status, 401);
    }
}

on_both_backends! {
    async fn api_token_login(app) {
        let svc = app.service().await;
        let me = send(&svc, admin(get("/admin/auth"))).await;
        assert_eq!(me.status, 200, "{}", me.text);
        assert_eq!(me.body["user"]["email"], ADMIN_EMAIL);
        // 1.4.1 clients send the API token as a bearer value.
        let bearer = send(&svc, get("/admin/auth").insert_header(("authorization", format!("Bearer {ADMIN_API_TOKEN}")))).await;
        assert_eq!(bearer.status, 200, "{}", bearer.text);
        let wrong = send(&svc, get("/admin/auth").insert_header(("x-medusa-access-token", "nope"))).await;
        assert_eq!(wrong.status, 401);
        assert_eq!(wrong.body, json!({"type": "unauthorized", "message": "Unauthorized"}));
    }
}

on_both_backends! {
    async fn failed_login_is_a_json_401(app) {
        let svc = app.service().await;
        let wrong = send(&svc, post("/admin/auth", json!({"email": ADMIN_EMAIL, "password": "nope"}))).await;
        assert_eq!(wrong.status, 401);
        insta::assert_json_snapshot!("auth_login_wrong_password", wrong.body);
        let unknown = send(&svc, post("/admin/auth", json!({"email": "who@example.com", "password": "nope"}))).await;
        assert_eq!(unknown.status, 401);
        assert_eq!(unknown.body, wrong.body);
        let invalid = send(&svc, post("/admin/auth", json!({"email": "not-an-email"}))).await;
        assert_eq!(invalid.status, 400);
        insta::assert_json_snapshot!("auth_login_invalid_body", invalid.body);
    }
}

on_both_backends! {
    async fn repeated_failures_are_throttled(app) {
        let svc = app.service().await;
        let wrong = json!({"email": ADMIN_EMAIL, "password": "wrong"});
        for _ in 0..5 {
            let res = send(&svc, post("/admin/auth", wrong.clone())).await;
            assert_eq!(res.status, 401);
        }
        let blocked = send(&svc, post("/admin/auth", login_body())).await;
        assert_eq!(blocked.status, 429, "{}", blocked.text);
        assert_eq!(blocked.body["type"], "too_many_requests");
        let retry: u64 = blocked.headers.get("retry-after").unwrap().to_str().unwrap().parse().unwrap();
        assert!((1..=900).contains(&retry), "Retry-After: {retry}");
    }
}

on_both_backends! {
    async fn v2_emailpass_and_session(app) {
        let svc = app.service().await;
        let token = send(&svc, post("/auth/user/emailpass", login_body())).await;
        assert_eq!(token.status, 200, "{}", token.text);
        let jwt = token.body["token"].as_str().unwrap().to_owned();
        let session = send(&svc, TestRequest::post().uri("/auth/session").insert_header(("authorization", format!("Bearer {jwt}")))).await;
        assert_eq!(session.status, 200, "{}", session.text);
        let cookie = session.cookie().expect("a session cookie");
        let me = send(&svc, get("/admin/users").insert_header(("cookie", cookie.clone()))).await;
        assert_eq!(me.status, 200);
        let out = send(&svc, delete("/auth/session").insert_header(("cookie", cookie.clone()))).await;
        assert_eq!(out.body, json!({"success": true}));
        let after = send(&svc, get("/admin/users").insert_header(("cookie", cookie))).await;
        assert_eq!(after.status, 401);
    }
}

on_both_backends! {
    async fn sessions_are_shared_through_the_database(app) {
        // Two app instances over one database, as behind a load balancer.
        let first = app.service().await;
        let login = send(&first, post("/admin/auth", login_body())).await;
        let cookie = login.cookie().unwrap();
        let other = medusa_admin_http::AppState::new(app.db.clone(), secrets(), tuning());
        let second = actix_web::test::init_service(medusa_admin_http::app(other)).await;
        let me = send(&second, get("/admin/auth").insert_header(("cookie", cookie))).await;
        assert_eq!(me.status, 200, "{}", me.text);
    }
}

on_both_backends! {
    /// Behind a trusted proxy the throttle counts the forwarded client, so failures from one
    /// client do not lock the admin out from another; without `TRUST_PROXY` a forwarded
    /// header is ignored (a client could write any), and the peer is the client.
    async fn the_throttle_counts_the_client_a_trusted_proxy_names(app) {
        use medusa_admin_http::client_address::TrustProxy;
        let proxy: std::net::SocketAddr = "10.0.0.5:40000".parse().unwrap();
        let via = |client: &str, body: serde_json::Value| {
            post("/admin/auth", body).peer_addr(proxy).insert_header(("x-forwarded-for", client.to_owned()))
        };
        let wrong = json!({"email": ADMIN_EMAIL, "password": "wrong"});

        let trusting = app.state.clone().with_trusted_proxies(TrustProxy::parse("10.0.0.5").unwrap());
        let svc = actix_web::test::init_service(medusa_admin_http::app(trusting)).await;
        for _ in 0..5 {
            assert_eq!(send(&svc, via("203.0.113.9", wrong.clone())).await.status, 401);
        }
        assert_eq!(send(&svc, via("203.0.113.9", login_body())).await.status, 429);
        let elsewhere = send(&svc, via("198.51.100.7", login_body())).await;
        assert_eq!(elsewhere.status, 200, "{}", elsewhere.text);

        // Not trusted: every request comes from the proxy, whatever header it carries.
        let plain = actix_web::test::init_service(medusa_admin_http::app(app.state.clone())).await;
        let other_email = json!({"email": "nobody@example.com", "password": "wrong"});
        for _ in 0..5 {
            assert_eq!(send(&plain, via("192.0.2.1", other_email.clone())).await.status, 401);
        }
        let spoofed = send(&plain, via("192.0.2.2", other_email)).await;
        assert_eq!(spoofed.status, 429, "{}", spoofed.text);
    }
}
