//! HTTP tests of `/admin/return-reasons`: the answers of `capture-region-writes.sh` (second
//! reference server) replayed and compared after redaction, then the rows read back.

use medusa_entity::{event_outbox, return_reason};
use medusa_test_support::on_both_backends;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json, Value};

use crate::support::*;

/// The reference answers name their own values (`cap_*`); so do these requests.
fn same(res: &Answer, name: &str) {
    assert_eq!(
        redact(&res.body),
        redact(&reference(name)),
        "{name}: {}",
        res.text
    );
}

on_both_backends! {
    async fn reads_match_medusa(app) {
        let svc = app.service().await;
        let empty = send(&svc, admin(get("/admin/return-reasons"))).await;
        assert_eq!(empty.status, 200);
        same(&empty, "return-reasons-list");
        let missing = send(&svc, admin(get("/admin/return-reasons/rr_missing"))).await;
        assert_eq!(missing.status, 404);
        same(&missing, "return-reasons-get-missing");
    }
}

on_both_backends! {
    async fn writes_match_medusa(app) {
        let svc = app.service().await;
        let parent = send(&svc, admin(post("/admin/return-reasons", json!({
            "value": "cap_parent", "label": "Parent", "description": "d", "metadata": {"a": 1, "b": ""}
        })))).await;
        assert_eq!(parent.status, 200, "{}", parent.text);
        same(&parent, "return-reasons-create-parent");
        insta::assert_json_snapshot!("return_reasons_create", redact(&parent.body));
        let parent_id = parent.body["return_reason"]["id"].as_str().unwrap().to_owned();

        let child = send(&svc, admin(post("/admin/return-reasons", json!({
            "value": "cap_child", "label": "Child", "parent_return_reason_id": parent_id
        })))).await;
        assert_eq!(child.status, 200, "{}", child.text);
        same(&child, "return-reasons-create-child");
        let child_id = child.body["return_reason"]["id"].as_str().unwrap().to_owned();

        let refused: Vec<(&str, Value, u16)> = vec![
            ("return-reasons-create-grandchild", json!({"value": "cap_gc", "label": "GC", "parent_return_reason_id": child_id}), 400),
            ("return-reasons-create-duplicate", json!({"value": "cap_parent", "label": "Dup"}), 422),
            ("return-reasons-create-invalid", json!({"foo": 1, "value": 3}), 400),
            ("return-reasons-create-missing-parent", json!({"value": "cap_x", "label": "X", "parent_return_reason_id": "rr_missing"}), 404),
        ];
        for (name, body, status) in refused {
            let res = send(&svc, admin(post("/admin/return-reasons", body))).await;
            assert_eq!(res.status, status, "{name}: {}", res.text);
            same(&res, name);
        }

        // Only top-level reasons, each with its children.
        let list = send(&svc, admin(get("/admin/return-reasons"))).await;
        same(&list, "return-reasons-list-after");
        insta::assert_json_snapshot!("return_reasons_list", redact(&list.body));

        let parent_path = format!("/admin/return-reasons/{parent_id}");
        let updated = send(&svc, admin(post(&parent_path, json!({"label": "P2", "description": null, "metadata": {"z": 1}})))).await;
        assert_eq!(updated.status, 200, "{}", updated.text);
        same(&updated, "return-reasons-update");
        // Metadata is replaced whole, not merged.
        let stored = return_reason::Entity::find_by_id(parent_id.as_str()).one(&app.db).await.unwrap().unwrap();
        assert_eq!(stored.metadata, Some(json!({"z": 1})));

        let null_label = send(&svc, admin(post(&parent_path, json!({"label": null})))).await;
        assert_eq!(null_label.status, 400);
        same(&null_label, "return-reasons-update-null-label");
        let reparent = send(&svc, admin(post(&parent_path, json!({"parent_return_reason_id": "x"})))).await;
        assert_eq!(reparent.status, 400);
        same(&reparent, "return-reasons-update-parent");
        let taken = send(&svc, admin(post(&parent_path, json!({"value": "cap_child"})))).await;
        assert_eq!(taken.status, 422, "{}", taken.text);
        assert_eq!(taken.body["message"], "Return_reason with value cap_child already exists.");

        let removed = send(&svc, admin(delete(&parent_path))).await;
        assert_eq!(removed.status, 200);
        assert_eq!(removed.body, json!({"id": parent_id, "object": "return_reason", "deleted": true}));
        let twice = send(&svc, admin(delete(&parent_path))).await;
        assert_eq!(twice.status, 404);
        assert_eq!(twice.body["message"], format!("Return Reason with id: {parent_id} was not found."));
        // The child went with its parent.
        let orphan = send(&svc, admin(get(&format!("/admin/return-reasons/{child_id}")))).await;
        assert_eq!(orphan.status, 404);
        assert_eq!(orphan.body["message"], format!("Return Reason with id: {child_id} was not found."));
        let live = return_reason::Entity::find()
            .filter(return_reason::Column::DeletedAt.is_null())
            .count(&app.db)
            .await
            .unwrap();
        assert_eq!(live, 0);
        // A deleted reason's value is free again (the unique index is partial).
        let reused = send(&svc, admin(post("/admin/return-reasons", json!({"value": "cap_parent", "label": "Again"})))).await;
        assert_eq!(reused.status, 200, "{}", reused.text);
        // Medusa records no events for return reasons.
        let events = event_outbox::Entity::find()
            .filter(event_outbox::Column::Name.starts_with("return_reason"))
            .count(&app.db)
            .await
            .unwrap();
        assert_eq!(events, 0);
    }
}
