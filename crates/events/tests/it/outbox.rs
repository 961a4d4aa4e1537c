use medusa_entity::event_outbox;
use sea_orm::{DatabaseConnection, EntityTrait, QueryOrder, TransactionTrait};
use serde_json::json;

use medusa_test_support::on_both_backends;

on_both_backends!(
    record_commits_and_rolls_back_with_the_write,
    records_keep_their_order_and_payload,
    purging_removes_only_old_delivered_events,
);

async fn purging_removes_only_old_delivered_events(db: DatabaseConnection) {
    use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
    for id in ["cus_old", "cus_recent", "cus_pending"] {
        medusa_events::record(&db, "customer.created", json!({"id": id}))
            .await
            .unwrap();
    }
    let now = medusa_core::time::now();
    let rows = event_outbox::Entity::find()
        .order_by_asc(event_outbox::Column::Id)
        .all(&db)
        .await
        .unwrap();
    let delivered = [now - chrono::Duration::days(30), now];
    for (row, at) in rows.iter().zip(delivered) {
        let mut row = row.clone().into_active_model();
        row.delivered_at = Set(Some(at));
        row.update(&db).await.unwrap();
    }

    let cutoff = now - chrono::Duration::days(7);
    assert_eq!(
        medusa_events::purge_delivered(&db, cutoff).await.unwrap(),
        1
    );
    let left: Vec<_> = event_outbox::Entity::find()
        .order_by_asc(event_outbox::Column::Id)
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.resource_id.unwrap_or_default())
        .collect();
    assert_eq!(
        left,
        ["cus_recent", "cus_pending"],
        "the undelivered event is never purged"
    );
}

async fn record_commits_and_rolls_back_with_the_write(db: DatabaseConnection) {
    let txn = db.begin().await.unwrap();
    medusa_events::record(&txn, "customer.created", json!({"id": "cus_rolled_back"}))
        .await
        .unwrap();
    txn.rollback().await.unwrap();
    assert!(event_outbox::Entity::find()
        .all(&db)
        .await
        .unwrap()
        .is_empty());

    let before = medusa_core::time::now();
    let txn = db.begin().await.unwrap();
    medusa_events::record(&txn, "customer.created", json!({"id": "cus_1"}))
        .await
        .unwrap();
    txn.commit().await.unwrap();

    let rows = event_outbox::Entity::find().all(&db).await.unwrap();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert!(row.id.starts_with("evt_"), "{}", row.id);
    assert_eq!(row.name, "customer.created");
    assert_eq!(row.resource_id.as_deref(), Some("cus_1"));
    assert_eq!(row.data, r#"{"id":"cus_1"}"#);
    assert!(row.created_at >= before);
    assert_eq!(
        (
            row.delivered_at,
            row.attempts,
            row.last_error.as_deref(),
            row.next_attempt_at
        ),
        (None, 0, None, None)
    );
}

/// Every recorded event as (name, resource id, payload), in recording order.
async fn recorded(db: &DatabaseConnection) -> Vec<(String, Option<String>, serde_json::Value)> {
    event_outbox::Entity::find()
        .order_by_asc(event_outbox::Column::Id)
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|row| {
            let data = serde_json::from_str(&row.data).unwrap();
            (row.name, row.resource_id, data)
        })
        .collect()
}

async fn records_keep_their_order_and_payload(db: DatabaseConnection) {
    let payloads = [
        (
            "invite.created",
            json!({"id": "invite_1", "token": "t", "user_email": "a@b.c"}),
        ),
        (
            "user.password_reset",
            json!({"email": "a@b.c", "token": "t2"}),
        ),
        (
            "region.updated",
            json!({"id": "reg_1", "fields": ["name", "currency_code"]}),
        ),
    ];
    for (name, data) in &payloads {
        medusa_events::record(&db, name, data.clone())
            .await
            .unwrap();
    }
    let read = recorded(&db).await;
    assert_eq!(
        read,
        vec![
            (
                "invite.created".into(),
                Some("invite_1".into()),
                payloads[0].1.clone()
            ),
            ("user.password_reset".into(), None, payloads[1].1.clone()),
            (
                "region.updated".into(),
                Some("reg_1".into()),
                payloads[2].1.clone()
            ),
        ]
    );
}

medusa_events::events! {
    /// A test event with an optional field.
    ThingUpdated = "thing.updated" {
        id: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        fields: Option<Vec<String>>,
    }
}

on_both_backends!(typed_events_write_their_name_and_payload);

async fn typed_events_write_their_name_and_payload(db: DatabaseConnection) {
    use medusa_events::Event;
    assert_eq!(ThingUpdated::NAME, "thing.updated");
    for fields in [None, Some(vec!["title".to_owned()])] {
        let event = ThingUpdated {
            id: "thing_1".into(),
            fields,
        };
        medusa_events::record_event(&db, &event).await.unwrap();
    }
    let read = recorded(&db).await;
    let thing = |data| ("thing.updated".to_owned(), Some("thing_1".to_owned()), data);
    assert_eq!(
        read,
        [
            thing(json!({"id": "thing_1"})),
            thing(json!({"id": "thing_1", "fields": ["title"]})),
        ]
    );
}

medusa_events::events_with_fields! {
    { id: String, no_notification: Option<bool> } for
        /// A test event of a group.
        ThingShipped = "thing.shipped",
        /// Another test event of the same group.
        ThingCanceled = "thing.canceled";
}

/// A test row that row events borrow.
#[derive(Debug, serde::Serialize)]
struct ThingRow {
    id: String,
    title: String,
}

medusa_events::row_events! {
    for ThingRow:
        /// A test event whose payload is the row.
        ThingCreated = "thing.created",
}

#[test]
fn grouped_and_row_events_keep_their_names_and_payloads() {
    use medusa_events::Event;
    assert_eq!(
        (ThingShipped::NAME, ThingCanceled::NAME, ThingCreated::NAME),
        ("thing.shipped", "thing.canceled", "thing.created")
    );
    let shipped = ThingShipped {
        id: "thing_1".into(),
        no_notification: Some(true),
    };
    let canceled = ThingCanceled {
        id: "thing_2".into(),
        no_notification: None,
    };
    let row = ThingRow {
        id: "thing_3".into(),
        title: "Thing".into(),
    };
    assert_eq!(
        [
            serde_json::to_value(&shipped).unwrap(),
            serde_json::to_value(&canceled).unwrap(),
            serde_json::to_value(ThingCreated(&row)).unwrap(),
        ],
        [
            json!({"id": "thing_1", "no_notification": true}),
            json!({"id": "thing_2", "no_notification": null}),
            json!({"id": "thing_3", "title": "Thing"}),
        ]
    );
}
