//! HTTP tests of `/admin/publishable-api-keys`.

use medusa_test_support::builders::SalesChannelBuilder;
use medusa_test_support::on_both_backends;
use serde_json::json;

use crate::support::*;

async fn sales_channel(app: &TestApp, name: &str, description: &str) -> String {
    SalesChannelBuilder::new(name)
        .description(description)
        .insert(&app.db)
        .await
        .id
}

on_both_backends! {
    async fn key_lifecycle(app) {
        let svc = app.service().await;
        let empty = send(&svc, admin(get("/admin/publishable-api-keys"))).await;
        assert_eq!(empty.body, reference("publishable-api-keys-list"));
        let missing = send(&svc, admin(get("/admin/publishable-api-keys/pk_missing"))).await;
        assert_eq!(missing.status, 404);
        assert_eq!(missing.body, reference("publishable-api-keys-get-missing"));

        let created = send(&svc, admin(post("/admin/publishable-api-keys", json!({"title": "Web store"})))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        insta::assert_json_snapshot!("publishable_api_keys_create", redact(&created.body));
        assert_eq!(created.body["publishable_api_key"]["created_by"], ADMIN_ID);
        let id = created.body["publishable_api_key"]["id"].as_str().unwrap().to_owned();
        assert!(id.starts_with("pk_"));
        let invalid = send(&svc, admin(post("/admin/publishable-api-keys", json!({})))).await;
        assert_eq!(invalid.body["message"], "title must be a string");
        send(&svc, admin(post("/admin/publishable-api-keys", json!({"title": "App"})))).await;

        let list = send(&svc, admin(get("/admin/publishable-api-keys?q=web&fields=title"))).await;
        assert_eq!(redact(&list.body), json!({"publishable_api_keys": [{"id": "[id]", "title": "Web store", "created_at": "[datetime]"}], "count": 1, "offset": 0, "limit": 20}));
        let all = send(&svc, admin(get("/admin/publishable-api-keys"))).await;
        assert_eq!(all.body["publishable_api_keys"][0]["title"], "App");

        let renamed = send(&svc, admin(post(&format!("/admin/publishable-api-keys/{id}"), json!({"title": "Storefront"})))).await;
        assert_eq!(renamed.body["publishable_api_key"]["title"], "Storefront");
        let missing_update = send(&svc, admin(post("/admin/publishable-api-keys/pk_missing", json!({"title": "x"})))).await;
        assert_eq!(missing_update.body["message"], "Publishable key with id: pk_missing was not found");

        let revoked = send(&svc, admin(post(&format!("/admin/publishable-api-keys/{id}/revoke"), json!({})))).await;
        assert_eq!(revoked.status, 200, "{}", revoked.text);
        insta::assert_json_snapshot!("publishable_api_keys_revoke", redact(&revoked.body));
        assert_eq!(revoked.body["publishable_api_key"]["revoked_by"], ADMIN_ID);
        let twice = send(&svc, admin(post(&format!("/admin/publishable-api-keys/{id}/revoke"), json!({})))).await;
        assert_eq!(twice.status, 400);
        assert_eq!(twice.body, json!({"type": "not_allowed", "message": "PublishableApiKey has already been revoked."}));
        let revoked_list = send(&svc, admin(get("/admin/publishable-api-keys?revoked_at[gt]=2000-01-01"))).await;
        assert_eq!(revoked_list.body["count"], 1);

        let deleted = send(&svc, admin(delete(&format!("/admin/publishable-api-keys/{id}")))).await;
        assert_eq!(deleted.body, json!({"id": id, "object": "publishable_api_key", "deleted": true}));
        let again = send(&svc, admin(delete(&format!("/admin/publishable-api-keys/{id}")))).await;
        assert_eq!(again.status, 404);
        assert_eq!(again.body["message"], format!("Publishable key with id: {id} was not found"));
    }
}

on_both_backends! {
    async fn sales_channel_scopes(app) {
        let web = sales_channel(&app, "Web", "Online shop").await;
        let pos = sales_channel(&app, "POS", "Point of sale").await;
        let svc = app.service().await;
        let created = send(&svc, admin(post("/admin/publishable-api-keys", json!({"title": "k"})))).await;
        let id = created.body["publishable_api_key"]["id"].as_str().unwrap().to_owned();

        let added = send(&svc, admin(post(&format!("/admin/publishable-api-keys/{id}/sales-channels/batch"), json!({"sales_channel_ids": [{"id": web}, {"id": pos}]})))).await;
        assert_eq!(added.status, 200, "{}", added.text);
        assert_eq!(added.body["publishable_api_key"]["id"], json!(id));
        let again = send(&svc, admin(post(&format!("/admin/publishable-api-keys/{id}/sales-channels/batch"), json!({"sales_channel_ids": [{"id": web}]})))).await;
        assert_eq!(again.status, 200);
        let channels = send(&svc, admin(get(&format!("/admin/publishable-api-keys/{id}/sales-channels")))).await;
        assert_eq!(channels.body["sales_channels"].as_array().unwrap().len(), 2);
        let searched = send(&svc, admin(get(&format!("/admin/publishable-api-keys/{id}/sales-channels?q=ONLINE")))).await;
        assert_eq!(redact(&searched.body), json!({"sales_channels": [{"id": "[id]", "name": "Web", "description": "Online shop", "is_disabled": false, "metadata": null, "created_at": "[datetime]", "updated_at": "[datetime]", "deleted_at": null}]}));
        let unknown_param = send(&svc, admin(get(&format!("/admin/publishable-api-keys/{id}/sales-channels?foo=1")))).await;
        assert_eq!(unknown_param.body["message"], "property foo should not exist");
        let none = send(&svc, admin(get("/admin/publishable-api-keys/pk_missing/sales-channels"))).await;
        assert_eq!(none.body, json!({"sales_channels": []}));

        let unknown = send(&svc, admin(post(&format!("/admin/publishable-api-keys/{id}/sales-channels/batch"), json!({"sales_channel_ids": [{"id": "sc_nope"}]})))).await;
        assert_eq!(unknown.status, 404);
        let no_key = send(&svc, admin(post("/admin/publishable-api-keys/pk_missing/sales-channels/batch", json!({"sales_channel_ids": [{"id": web}]})))).await;
        assert_eq!(no_key.body["message"], "Publishable key with id: pk_missing was not found");
        let bad = send(&svc, admin(post(&format!("/admin/publishable-api-keys/{id}/sales-channels/batch"), json!({})))).await;
        assert_eq!(bad.status, 400);

        let removed = send(&svc, admin(delete(&format!("/admin/publishable-api-keys/{id}/sales-channels/batch")).set_json(json!({"sales_channel_ids": [{"id": web}]})))).await;
        assert_eq!(removed.status, 200, "{}", removed.text);
        let channels = send(&svc, admin(get(&format!("/admin/publishable-api-keys/{id}/sales-channels")))).await;
        assert_eq!(channels.body["sales_channels"][0]["id"], json!(pos));
    }
}
