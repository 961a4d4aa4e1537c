use medusa_test_support::on_both_backends;
use serde_json::json;

use crate::support::*;

/// Medusa answers `api_token`; we never serialize it (see docs/API-DESIGN.md).
fn without_api_token(mut value: serde_json::Value) -> serde_json::Value {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                map.remove("api_token");
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut value);
    value
}

on_both_backends! {
    async fn list_and_get_match_medusa(app) {
        let svc = app.service().await;
        let list = send(&svc, admin(get("/admin/users"))).await;
        assert_eq!(list.status, 200, "{}", list.text);
        assert_eq!(redact(&list.body), redact(&without_api_token(reference("users-list"))));
        insta::assert_json_snapshot!("users_list", redact(&list.body));

        let selected = send(&svc, admin(get("/admin/users?fields=email&order=email"))).await;
        assert_eq!(redact(&selected.body), redact(&reference("users-list-fields")));

        let one = send(&svc, admin(get(&format!("/admin/users/{ADMIN_ID}")))).await;
        assert_eq!(redact(&one.body), redact(&without_api_token(reference("users-get"))));

        let missing = send(&svc, admin(get("/admin/users/usr_missing"))).await;
        assert_eq!(missing.status, 404);
        assert_eq!(missing.body, reference("users-get-missing"));
    }
}

on_both_backends! {
    async fn create_update_delete(app) {
        let svc = app.service().await;
        let created = send(&svc, admin(post("/admin/users", json!({
            "email": "New.Member@Example.com", "password": "secret-1", "first_name": "New"
        })))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        insta::assert_json_snapshot!("users_create", redact(&created.body));
        assert!(created.body["user"].get("password_hash").is_none());
        let id = created.body["user"]["id"].as_str().unwrap().to_owned();
        assert!(id.starts_with("usr_"));

        let duplicate = send(&svc, admin(post("/admin/users", json!({
            "email": "new.member@example.com", "password": "x"
        })))).await;
        assert_eq!(duplicate.status, 400);
        insta::assert_json_snapshot!("users_create_duplicate", duplicate.body);

        let invalid = send(&svc, admin(post("/admin/users", json!({})))).await;
        assert_eq!(invalid.status, 400);
        assert_eq!(invalid.body["message"], "email must be an email, password must be a string");
        let bad_role = send(&svc, admin(post("/admin/users", json!({"email": "a@b.co", "password": "x", "role": "boss"})))).await;
        assert_eq!(bad_role.body["message"], "role must be one of the following values: admin, member, developer");
        let unknown = send(&svc, admin(post("/admin/users", json!({"email": "a@b.co", "password": "x", "foo": 1})))).await;
        assert_eq!(unknown.body["message"], "property foo should not exist");

        let updated = send(&svc, admin(post(&format!("/admin/users/{id}"), json!({
            "last_name": "Member", "role": "developer", "metadata": {"a": 1, "b": 2}
        })))).await;
        assert_eq!(updated.status, 200, "{}", updated.text);
        insta::assert_json_snapshot!("users_update", redact(&updated.body));
        let merged = send(&svc, admin(post(&format!("/admin/users/{id}"), json!({"metadata": {"a": "", "c": 3}})))).await;
        assert_eq!(merged.body["user"]["metadata"], json!({"b": 2, "c": 3}));
        let no_email = send(&svc, admin(post(&format!("/admin/users/{id}"), json!({"email": "x@y.z"})))).await;
        assert_eq!(no_email.status, 400);
        assert_eq!(no_email.body["message"], "property email should not exist");

        let listed = send(&svc, admin(get("/admin/users?q=example&order=email"))).await;
        assert_eq!(listed.body["count"], 1);

        let removed = send(&svc, admin(delete(&format!("/admin/users/{id}")))).await;
        assert_eq!(removed.body, json!({"id": id, "object": "user", "deleted": true}));
        let again = send(&svc, admin(delete(&format!("/admin/users/{id}")))).await;
        assert_eq!(again.status, 200);
        let gone = send(&svc, admin(get(&format!("/admin/users/{id}")))).await;
        assert_eq!(gone.status, 404);
        let count = send(&svc, admin(get("/admin/users"))).await;
        assert_eq!(count.body["count"], 1);
    }
}

on_both_backends! {
    async fn password_reset(app) {
        let svc = app.service().await;
        let unknown = send(&svc, post("/admin/users/password-token", json!({"email": "nobody@example.com"}))).await;
        assert_eq!(unknown.status, 204);
        let requested = send(&svc, post("/admin/users/password-token", json!({"email": ADMIN_EMAIL}))).await;
        assert_eq!(requested.status, 204);

        let token = app
            .state
            .users
            .request_password_reset(ADMIN_EMAIL)
            .await
            .unwrap()
            .expect("a token for an existing user")
            .token;
        let bad = send(&svc, post("/admin/users/reset-password", json!({"token": "garbage", "password": "x"}))).await;
        assert!(bad.status == 400 || bad.status == 401, "{}", bad.text);
        assert!(bad.body["type"].is_string());

        let reset = send(&svc, post("/admin/users/reset-password", json!({"token": token, "password": "brand-new"}))).await;
        assert_eq!(reset.status, 200, "{}", reset.text);
        assert_eq!(reset.body["user"]["email"], ADMIN_EMAIL);
        let reused = send(&svc, post("/admin/users/reset-password", json!({"token": token, "password": "again"}))).await;
        assert_ne!(reused.status, 200, "a reset token works once");
        let login = send(&svc, post("/admin/auth", json!({"email": ADMIN_EMAIL, "password": "brand-new"}))).await;
        assert_eq!(login.status, 200);
    }
}
