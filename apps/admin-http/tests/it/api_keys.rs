use base64::Engine;
use medusa_test_support::on_both_backends;
use serde_json::json;

use crate::support::*;

on_both_backends! {
    async fn secret_key_lifecycle(app) {
        let svc = app.service().await;
        let created = send(&svc, admin(post("/admin/api-keys", json!({"title": "CI", "type": "secret"})))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        insta::assert_json_snapshot!("api_keys_create", redact(&created.body), {
            ".api_key.redacted" => "[redacted]"
        });
        let key = created.body["api_key"].clone();
        let id = key["id"].as_str().unwrap().to_owned();
        let token = key["token"].as_str().unwrap().to_owned();
        assert!(token.starts_with("sk_"));

        let one = send(&svc, admin(get(&format!("/admin/api-keys/{id}")))).await;
        assert!(one.body["api_key"].get("token").is_none(), "the token is shown once");
        let listed = send(&svc, admin(get("/admin/api-keys"))).await;
        assert_eq!(listed.body["count"], 1);

        // Basic <token> and Basic base64("<token>:") both authenticate.
        let raw = send(&svc, get("/admin/users").insert_header(("authorization", format!("Basic {token}")))).await;
        assert_eq!(raw.status, 200, "{}", raw.text);
        let encoded = base64::engine::general_purpose::STANDARD.encode(format!("{token}:"));
        let b64 = send(&svc, get("/admin/users").insert_header(("authorization", format!("Basic {encoded}")))).await;
        assert_eq!(b64.status, 200, "{}", b64.text);

        let renamed = send(&svc, admin(post(&format!("/admin/api-keys/{id}"), json!({"title": "CI-2"})))).await;
        assert_eq!(renamed.body["api_key"]["title"], "CI-2");

        let revoked = send(&svc, admin(post(&format!("/admin/api-keys/{id}/revoke"), json!({})))).await;
        assert_eq!(revoked.status, 200, "{}", revoked.text);
        assert_eq!(revoked.body["api_key"]["revoked_by"], ADMIN_ID);
        let refused = send(&svc, get("/admin/users").insert_header(("authorization", format!("Basic {token}")))).await;
        assert_eq!(refused.status, 401);

        let removed = send(&svc, admin(delete(&format!("/admin/api-keys/{id}")))).await;
        assert_eq!(removed.body, json!({"id": id, "object": "api_key", "deleted": true}));
        let missing = send(&svc, admin(get(&format!("/admin/api-keys/{id}")))).await;
        assert_eq!(missing.status, 404);
    }
}
