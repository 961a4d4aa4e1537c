//! HTTP tests of `/admin/notifications`, compared with the answers of the reference server
//! :9101 on the same rows (`tests/reference/notifications-*.json`, recorded by `capture.sh`),
//! and the path from a write's event to a stored notification.

use medusa_core::new_row::stamped;
use std::time::Duration;

use medusa_entity::{notification, notification_provider};
use medusa_test_support::on_both_backends;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde_json::json;

use crate::support::*;

/// The rows `capture.sh` inserts on the reference server.
async fn insert_reference_rows(app: &TestApp) {
    notification_provider::ActiveModel {
        id: Set("log".into()),
        is_installed: Set(true),
    }
    .insert(&app.db)
    .await
    .unwrap();
    let rows = [
        (
            "noti_5a_ref_1",
            "invite.created",
            "invite",
            "invite_5a_1",
            "a@example.com",
            json!({"user_email": "a@example.com"}),
            None,
            Some("log"),
            "2026-01-01T10:00:00Z",
        ),
        (
            "noti_5a_ref_2",
            "user.created",
            "user",
            "usr_5a_2",
            "b@example.com",
            json!({"id": "usr_5a_2"}),
            None,
            Some("log"),
            "2026-01-02T10:00:00Z",
        ),
        (
            "noti_5a_ref_3",
            "invite.created",
            "invite",
            "invite_5a_1",
            "c@example.com",
            json!({"user_email": "c@example.com"}),
            Some("noti_5a_ref_1"),
            Some("log"),
            "2026-01-03T10:00:00Z",
        ),
        (
            "noti_5a_ref_4",
            "order.placed",
            "order",
            "order_5a_4",
            "d@example.com",
            json!({"id": "order_5a_4"}),
            None,
            None,
            "2026-01-04T10:00:00Z",
        ),
    ];
    for (id, event, resource_type, resource_id, to, data, parent, provider, at) in rows {
        let at = sea_orm::prelude::DateTimeWithTimeZone::parse_from_rfc3339(at).unwrap();
        notification::ActiveModel {
            id: Set(id.into()),
            event_name: Set(Some(event.into())),
            resource_type: Set(resource_type.into()),
            resource_id: Set(resource_id.into()),
            customer_id: Set(None),
            to: Set(to.into()),
            data: Set(data),
            parent_id: Set(parent.map(Into::into)),
            provider_id: Set(provider.map(Into::into)),
            ..stamped(at)
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
}

const OURS: &str = "resource_id=invite_5a_1,usr_5a_2,order_5a_4";

on_both_backends! {
    async fn lists_match_medusa(app) {
        insert_reference_rows(&app).await;
        let svc = app.service().await;
        for (query, recorded) in [
            (OURS.to_owned(), "notifications-list"),
            (format!("{OURS}&include_resends=true"), "notifications-list-resends"),
            (format!("{OURS}&include_resends=0"), "notifications-list-resends-0"),
            (format!("{OURS}&limit=1&offset=1"), "notifications-list-page"),
            (format!("{OURS}&event_name=invite.created,user.created&to=a@example.com"), "notifications-list-filters"),
            (format!("{OURS}&expand="), "notifications-list-empty-expand"),
            ("include_resends=yes".to_owned(), "notifications-list-bad-bool"),
            ("order=to".to_owned(), "notifications-list-bad-order"),
        ] {
            let answer = send(&svc, admin(get(&format!("/admin/notifications?{query}")))).await;
            assert_eq!(redact(&answer.body), redact(&reference(recorded)), "{query}");
        }
        let list = send(&svc, admin(get(&format!("/admin/notifications?{OURS}")))).await;
        insta::assert_json_snapshot!("notifications_list", redact(&list.body));

        // Beyond what the reference answers the same way: `expand` without resends, `fields`.
        let bare = send(&svc, admin(get(&format!("/admin/notifications?{OURS}&expand=resends&fields=to,data")))).await;
        assert_eq!(bare.status, 200, "{}", bare.text);
        assert_eq!(bare.body["notifications"][2], json!({
            "id": "noti_5a_ref_1", "to": "a@example.com", "data": {"user_email": "a@example.com"},
            "resends": [bare.body["notifications"][2]["resends"][0].clone()],
        }));
        let unknown = send(&svc, admin(get("/admin/notifications?expand=customer"))).await;
        assert_eq!(unknown.status, 400);
        assert_eq!(unknown.body["message"], "Requested fields [customer] are not valid");
    }
}

on_both_backends! {
    async fn resend_stores_a_child_and_answers_the_original(app) {
        insert_reference_rows(&app).await;
        let svc = app.service().await;
        for (id, body, recorded) in [
            ("noti_missing", json!({}), "notifications-resend-missing"),
            ("noti_5a_ref_4", json!({}), "notifications-resend-no-provider"),
            ("noti_5a_ref_1", json!({"to": 5}), "notifications-resend-bad-to"),
        ] {
            let answer = send(&svc, admin(post(&format!("/admin/notifications/{id}/resend"), body))).await;
            assert_eq!(answer.body, reference(recorded), "{id}");
        }

        let resent = send(&svc, admin(post("/admin/notifications/noti_5a_ref_1/resend", json!({"to": "e@example.com"})))).await;
        assert_eq!(resent.status, 200, "{}", resent.text);
        insta::assert_json_snapshot!("notifications_resend", redact(&resent.body));
        let resends = resent.body["notification"]["resends"].as_array().unwrap();
        assert_eq!(resends.len(), 2);
        assert_eq!(resent.body["notification"]["id"], "noti_5a_ref_1");
        assert!(resent.body["notification"].get("data").is_none());

        let children = notification::Entity::find()
            .filter(notification::Column::ParentId.eq("noti_5a_ref_1"))
            .filter(notification::Column::To.eq("e@example.com"))
            .all(&app.db)
            .await
            .unwrap();
        assert_eq!(children.len(), 1);
        let child = &children[0];
        assert!(child.id.starts_with("noti_"));
        assert_eq!(
            (child.event_name.as_deref(), child.resource_type.as_str(), child.resource_id.as_str(), child.provider_id.as_deref()),
            (Some("invite.created"), "invite", "invite_5a_1", Some("log"))
        );
        assert_eq!(child.data, json!({"user_email": "a@example.com"}));

        // Without `to`, the resend goes to the original recipient.
        let again = send(&svc, admin(post("/admin/notifications/noti_5a_ref_2/resend", json!({})))).await;
        assert_eq!(again.status, 200, "{}", again.text);
        assert_eq!(again.body["notification"]["resends"][0]["to"], "b@example.com");
    }
}

async fn notifications_for(app: &TestApp, event: &str) -> Vec<notification::Model> {
    notification::Entity::find()
        .filter(notification::Column::EventName.eq(event))
        .all(&app.db)
        .await
        .unwrap()
}

on_both_backends! {
    async fn events_become_notifications_once_the_dispatcher_is_back(app) {
        medusa_notification::register_providers(&app.db, &app.state.notification_providers).await.unwrap();
        let svc = app.service().await;
        let subscribers = || medusa_notification::subscribers(&app.db, &app.state.notification_providers);

        // The server's dispatcher is stopped, as in a crash, before the write commits.
        let before = medusa_events::Dispatcher::new(app.db.clone(), subscribers()).spawn(Duration::from_millis(10));
        before.stop().await;
        let invited = send(&svc, admin(post("/admin/invites", json!({"user": "new.admin@example.com", "role": "admin"})))).await;
        assert_eq!(invited.status, 200, "{}", invited.text);
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(notifications_for(&app, "invite.created").await.is_empty());

        // The server is back: the committed event is delivered, once.
        let after = medusa_events::Dispatcher::new(app.db.clone(), subscribers()).spawn(Duration::from_millis(10));
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        while notifications_for(&app, "invite.created").await.is_empty() {
            assert!(tokio::time::Instant::now() < deadline, "the event was never delivered");
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        after.stop().await;

        let sent = notifications_for(&app, "invite.created").await;
        assert_eq!(sent.len(), 1, "delivered more than once");
        let invite = medusa_entity::invite::Entity::find().one(&app.db).await.unwrap().unwrap();
        assert_eq!(
            (sent[0].resource_type.as_str(), sent[0].resource_id.as_str(), sent[0].to.as_str(), sent[0].provider_id.as_deref()),
            ("invite", invite.id.as_str(), "new.admin@example.com", Some("log"))
        );
        // The invite token went out through the provider but is not kept on the row.
        assert_eq!(sent[0].data, json!({"id": invite.id, "user_email": "new.admin@example.com"}));

        let listed = send(&svc, admin(get("/admin/notifications?event_name=invite.created"))).await;
        assert_eq!(listed.body["count"], 1);
        insta::assert_json_snapshot!("notifications_from_event", redact(&listed.body));

        // A password reset is an event without an id; an unknown user gets nothing.
        assert_eq!(send(&svc, post("/admin/users/password-token", json!({"email": ADMIN_EMAIL}))).await.status, 204);
        assert_eq!(send(&svc, post("/admin/users/password-token", json!({"email": "nobody@example.com"}))).await.status, 204);
        let dispatcher = medusa_events::Dispatcher::new(app.db.clone(), subscribers());
        assert!(dispatcher.run_once().await.unwrap() >= 1);
        let resets = notifications_for(&app, "user.password_reset").await;
        assert_eq!(resets.len(), 1);
        assert_eq!((resets[0].to.as_str(), resets[0].resource_type.as_str(), resets[0].resource_id.as_str()), (ADMIN_EMAIL, "user", ""));
        assert_eq!(resets[0].data, json!({"email": ADMIN_EMAIL}));

        let installed = notification_provider::Entity::find().filter(notification_provider::Column::IsInstalled.eq(true)).count(&app.db).await.unwrap();
        assert_eq!(installed, 1);
    }
}
