use medusa_test_support::on_both_backends;
use serde_json::json;

use crate::support::*;

on_both_backends! {
    async fn invite_lifecycle(app) {
        let svc = app.service().await;
        let created = send(&svc, admin(post("/admin/invites", json!({"user": "Invitee@Example.com", "role": "member"})))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        assert_eq!(created.text, "OK");

        let existing_user = send(&svc, admin(post("/admin/invites", json!({"user": ADMIN_EMAIL, "role": "admin"})))).await;
        assert_eq!(existing_user.status, 400);
        insta::assert_json_snapshot!("invites_create_existing_user", existing_user.body);

        let bad_role = send(&svc, admin(post("/admin/invites", json!({"user": "x@example.com", "role": "owner"})))).await;
        assert_eq!(bad_role.status, 400);

        let list = send(&svc, admin(get("/admin/invites"))).await;
        assert_eq!(list.status, 200);
        insta::assert_json_snapshot!("invites_list", redact(&list.body));
        let invite = list.body["invites"][0].clone();
        let id = invite["id"].as_str().unwrap().to_owned();

        let resent = send(&svc, admin(post(&format!("/admin/invites/{id}/resend"), json!({})))).await;
        assert_eq!(resent.status, 200, "{}", resent.text);
        // The token is a JWT of the invite and the second it was issued: a resend within the
        // same second reissues the same string, as Medusa's does.
        let relisted = send(&svc, admin(get("/admin/invites"))).await;
        assert_eq!(relisted.body["invites"].as_array().unwrap().len(), 1);
        let token = relisted.body["invites"][0]["token"].as_str().unwrap().to_owned();

        let missing = send(&svc, admin(post("/admin/invites/invite_missing/resend", json!({})))).await;
        assert_eq!(missing.status, 400);

        let bad_token = send(&svc, post("/admin/invites/accept", json!({"token": "nope", "user": {"password": "pw"}}))).await;
        assert_eq!(bad_token.status, 400);
        insta::assert_json_snapshot!("invites_accept_bad_token", bad_token.body);

        let empty = send(&svc, post("/admin/invites/accept", json!({}))).await;
        assert_eq!(empty.body["message"], "token should not be empty, token must be a string, user should not be empty");

        let accepted = send(&svc, post("/admin/invites/accept", json!({
            "token": token, "user": {"first_name": "In", "last_name": "Vitee", "password": "welcome"}
        }))).await;
        assert_eq!(accepted.status, 200, "{}", accepted.text);
        let login = send(&svc, post("/admin/auth", json!({"email": "invitee@example.com", "password": "welcome"}))).await;
        assert_eq!(login.status, 200, "{}", login.text);
        assert_eq!(login.body["user"]["role"], "member");
        let after = send(&svc, admin(get("/admin/invites"))).await;
        assert_eq!(after.body, json!({"invites": []}));
        let twice = send(&svc, post("/admin/invites/accept", json!({"token": token, "user": {"password": "x"}}))).await;
        assert_eq!(twice.status, 400);
    }
}

on_both_backends! {
    async fn delete_is_idempotent(app) {
        let svc = app.service().await;
        send(&svc, admin(post("/admin/invites", json!({"user": "gone@example.com", "role": "admin"})))).await;
        let list = send(&svc, admin(get("/admin/invites"))).await;
        let id = list.body["invites"][0]["id"].as_str().unwrap().to_owned();
        let removed = send(&svc, admin(delete(&format!("/admin/invites/{id}")))).await;
        assert_eq!(removed.body, json!({"id": id, "object": "invite", "deleted": true}));
        let again = send(&svc, admin(delete(&format!("/admin/invites/{id}")))).await;
        assert_eq!(again.status, 200);
    }
}
