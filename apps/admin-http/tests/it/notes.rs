//! HTTP tests of `/admin/notes`, compared with the answers of the reference server :9101
//! (`tests/reference/notes-*.json`, recorded by `capture.sh`).

use medusa_entity::{event_outbox, note};
use medusa_test_support::on_both_backends;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{json, Value};

use crate::support::*;

/// Medusa answers the author's `api_token`; we never serialize it (see docs/API-DESIGN.md).
fn without_api_token(mut value: Value) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(map) => {
                map.remove("api_token");
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut value);
    value
}

/// A recorded reference answer about the reference's note, told about ours instead.
fn about(name: &str, our_id: &str) -> Value {
    let recorded = reference(name);
    let reference_id = reference("notes-create")["note"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    serde_json::from_str(&recorded.to_string().replace(&reference_id, our_id)).unwrap()
}

on_both_backends! {
    async fn note_lifecycle_matches_medusa(app) {
        let svc = app.service().await;
        let created = send(&svc, admin(post("/admin/notes", json!({
            "resource_id": "prod_5a_notes", "resource_type": "product", "value": "first"
        })))).await;
        assert_eq!(created.status, 200, "{}", created.text);
        assert_eq!(redact(&created.body), redact(&reference("notes-create")));
        insta::assert_json_snapshot!("notes_create", redact(&created.body));
        let id = created.body["note"]["id"].as_str().unwrap().to_owned();

        let list = send(&svc, admin(get("/admin/notes?resource_id=prod_5a_notes"))).await;
        assert_eq!(list.status, 200, "{}", list.text);
        assert_eq!(redact(&list.body), redact(&without_api_token(reference("notes-list"))));
        insta::assert_json_snapshot!("notes_list", redact(&list.body));
        let other = send(&svc, admin(get("/admin/notes?resource_id=prod_other"))).await;
        assert_eq!(other.body, json!({"notes": [], "count": 0, "offset": 0, "limit": 50}));

        let one = send(&svc, admin(get(&format!("/admin/notes/{id}")))).await;
        assert_eq!(redact(&one.body), redact(&without_api_token(reference("notes-get"))));

        let updated = send(&svc, admin(post(&format!("/admin/notes/{id}"), json!({"value": "second"})))).await;
        assert_eq!(updated.status, 200, "{}", updated.text);
        assert_eq!(redact(&updated.body), redact(&reference("notes-update")));
        insta::assert_json_snapshot!("notes_update", redact(&updated.body));

        let invalid_update = send(&svc, admin(post(&format!("/admin/notes/{id}"), json!({})))).await;
        assert_eq!(invalid_update.status, 400);
        assert_eq!(invalid_update.body, reference("notes-update-invalid"));
        let missing_update = send(&svc, admin(post("/admin/notes/note_missing", json!({"value": "x"})))).await;
        assert_eq!(missing_update.status, 404);
        assert_eq!(missing_update.body, reference("notes-update-missing"));

        let removed = send(&svc, admin(delete(&format!("/admin/notes/{id}")))).await;
        assert_eq!(removed.status, 200, "{}", removed.text);
        assert_eq!(removed.body, about("notes-delete", &id));
        let gone = send(&svc, admin(get(&format!("/admin/notes/{id}")))).await;
        assert_eq!(gone.status, 404);
        assert_eq!(gone.body, about("notes-get-deleted", &id));
        let again = send(&svc, admin(delete(&format!("/admin/notes/{id}")))).await;
        assert_eq!(again.status, 404);
        assert_eq!(again.body, about("notes-delete-again", &id));
        insta::assert_json_snapshot!(
            "notes_delete_again",
            serde_json::from_str::<Value>(&again.text.replace(&id, "[id]")).unwrap()
        );
        let after = send(&svc, admin(get("/admin/notes?resource_id=prod_5a_notes"))).await;
        assert_eq!(after.body, reference("notes-list-after-delete"));

        // The row Medusa leaves: soft-deleted, with updated_at moved to the deletion.
        let row = note::Entity::find_by_id(id.as_str()).one(&app.db).await.unwrap().unwrap();
        assert_eq!(row.value, "second");
        assert_eq!(row.author_id.as_deref(), Some(ADMIN_ID));
        assert_eq!(row.metadata, Some(json!({})));
        assert!(row.deleted_at.is_some());
        assert_eq!(row.deleted_at, Some(row.updated_at));

        // Each write recorded Medusa's event for the note, in order.
        let events: Vec<(String, String)> = event_outbox::Entity::find()
            .filter(event_outbox::Column::ResourceId.eq(id.as_str()))
            .order_by_asc(event_outbox::Column::Id)
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .map(|event| (event.name, event.data))
            .collect();
        let payload = json!({ "id": id }).to_string();
        assert_eq!(events, vec![
            ("note.created".to_owned(), payload.clone()),
            ("note.updated".to_owned(), payload.clone()),
            ("note.deleted".to_owned(), payload),
        ]);
    }
}

on_both_backends! {
    async fn invalid_requests_answer_like_medusa(app) {
        let svc = app.service().await;
        let invalid = send(&svc, admin(post("/admin/notes", json!({"resource_id": "", "resource_type": 1})))).await;
        assert_eq!(invalid.status, 400);
        assert_eq!(invalid.body, reference("notes-create-invalid"));
        insta::assert_json_snapshot!("notes_create_invalid", invalid.body);

        let unknown = send(&svc, admin(post("/admin/notes", json!({
            "resource_id": "a", "resource_type": "b", "value": "c", "author_id": "usr_x"
        })))).await;
        assert_eq!(unknown.status, 400);
        assert_eq!(unknown.body["message"], "property author_id should not exist");

        let bad_query = send(&svc, admin(get("/admin/notes?foo=1&limit=abc"))).await;
        assert_eq!(bad_query.status, 400);
        assert_eq!(bad_query.body, reference("notes-list-invalid"));

        let stranger = send(&svc, get("/admin/notes")).await;
        assert_eq!(stranger.status, 401);
    }
}

on_both_backends! {
    async fn pages_and_missing_authors(app) {
        let svc = app.service().await;
        for value in ["one", "two", "three"] {
            let created = send(&svc, admin(post("/admin/notes", json!({
                "resource_id": "order_1", "resource_type": "order", "value": value
            })))).await;
            assert_eq!(created.status, 200, "{}", created.text);
        }
        let page = send(&svc, admin(get("/admin/notes?resource_id=order_1&limit=2&offset=1"))).await;
        assert_eq!(page.status, 200, "{}", page.text);
        assert_eq!((page.body["count"].clone(), page.body["offset"].clone(), page.body["limit"].clone()), (json!(3), json!(1), json!(2)));
        assert_eq!(page.body["notes"].as_array().unwrap().len(), 2);

        // A note whose author was deleted answers `author: null`, as Medusa's join does.
        let deleted_author = send(&svc, admin(post("/admin/users", json!({"email": "gone@example.com", "password": "secret-1"})))).await;
        let author = deleted_author.body["user"]["id"].as_str().unwrap().to_owned();
        let orphan = medusa_notification::NoteService::create(
            app.state.notes.as_ref(),
            medusa_notification::CreateNote {
                resource_id: "order_2".into(),
                resource_type: "order".into(),
                value: "orphan".into(),
                author_id: Some(author.clone()),
            },
        )
        .await
        .unwrap();
        assert_eq!(send(&svc, admin(delete(&format!("/admin/users/{author}")))).await.status, 200);
        let read = send(&svc, admin(get(&format!("/admin/notes/{}", orphan.id)))).await;
        assert_eq!(read.body["note"]["author"], Value::Null);
        assert_eq!(read.body["note"]["author_id"], json!(author));
    }
}
