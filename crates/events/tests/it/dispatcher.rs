use std::sync::Arc;
use std::time::Duration;

use medusa_entity::event_outbox;
use medusa_events::{Dispatcher, RetryBackoff, Subscriber};
use medusa_test_support::on_both_backends;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, QueryFilter,
    TransactionTrait,
};
use serde_json::json;

use crate::support::Recorder;

on_both_backends!(
    restarted_dispatcher_delivers_what_was_committed_while_stopped,
    failures_are_retried_and_hold_back_the_resource,
    a_retry_skips_subscribers_that_already_succeeded,
    unwanted_events_are_marked_without_delivery,
);

const NO_WAIT: RetryBackoff = RetryBackoff {
    base: Duration::ZERO,
    max: Duration::ZERO,
};

async fn row(db: &DatabaseConnection, id: &str) -> event_outbox::Model {
    event_outbox::Entity::find_by_id(id)
        .one(db)
        .await
        .unwrap()
        .unwrap()
}

async fn all_rows(db: &DatabaseConnection) -> Vec<event_outbox::Model> {
    use sea_orm::QueryOrder;
    event_outbox::Entity::find()
        .order_by_asc(event_outbox::Column::Id)
        .all(db)
        .await
        .unwrap()
}

async fn record_committed(db: &DatabaseConnection, name: &str, id: &str) -> String {
    let txn = db.begin().await.unwrap();
    medusa_events::record(&txn, name, json!({ "id": id }))
        .await
        .unwrap();
    txn.commit().await.unwrap();
    all_rows(db).await.pop().unwrap().id
}

async fn restarted_dispatcher_delivers_what_was_committed_while_stopped(db: DatabaseConnection) {
    let before_restart = Arc::new(Recorder::new("log", &["customer.created"]));
    let running = Dispatcher::new(
        db.clone(),
        vec![before_restart.clone() as Arc<dyn Subscriber>],
    )
    .spawn(Duration::from_millis(10));
    // The server goes down before the write commits, so nothing delivers the event.
    running.stop().await;
    let event_id = record_committed(&db, "customer.created", "cus_1").await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(before_restart.handled_ids().is_empty());
    assert_eq!(row(&db, &event_id).await.delivered_at, None);

    // The server is back: a new dispatcher finds the event and delivers it.
    let after_restart = Arc::new(Recorder::new("log", &["customer.created"]));
    let running = Dispatcher::new(
        db.clone(),
        vec![after_restart.clone() as Arc<dyn Subscriber>],
    )
    .spawn(Duration::from_millis(10));
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while row(&db, &event_id).await.delivered_at.is_none() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the event was never delivered"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    // Later polls do not deliver it again.
    tokio::time::sleep(Duration::from_millis(50)).await;
    running.stop().await;

    assert_eq!(after_restart.handled_ids(), vec![event_id.clone()]);
    let handled = after_restart.handled.lock().unwrap()[0].clone();
    assert_eq!(handled.name, "customer.created");
    assert_eq!(handled.data, json!({"id": "cus_1"}));
    assert_eq!(handled.resource_id.as_deref(), Some("cus_1"));
    let marked = row(&db, &event_id).await;
    assert_eq!(marked.attempts, 0);
    assert_eq!(marked.delivered_to.as_deref(), Some(r#"["log"]"#));
    assert!(before_restart.handled_ids().is_empty());

    let again = Dispatcher::new(
        db.clone(),
        vec![after_restart.clone() as Arc<dyn Subscriber>],
    );
    assert_eq!(again.run_once().await.unwrap(), 0);
    assert_eq!(after_restart.handled_ids().len(), 1);
}

async fn failures_are_retried_and_hold_back_the_resource(db: DatabaseConnection) {
    let wanted = &["customer.created", "customer.updated"];
    let recorder = Arc::new(Recorder::new("webhook", wanted).failing("cus_a", 2));
    let first_a = record_committed(&db, "customer.created", "cus_a").await;
    let second_a = record_committed(&db, "customer.updated", "cus_a").await;
    let b = record_committed(&db, "customer.created", "cus_b").await;

    // With the default backoff a failed event waits: only cus_b gets through.
    let waiting = Dispatcher::new(db.clone(), vec![recorder.clone() as Arc<dyn Subscriber>]);
    assert_eq!(waiting.run_once().await.unwrap(), 1);
    assert_eq!(recorder.handled_ids(), vec![b.clone()]);
    let failed = row(&db, &first_a).await;
    assert_eq!(failed.attempts, 1);
    assert_eq!(
        failed.last_error.as_deref(),
        Some("webhook: webhook is down")
    );
    assert!(failed.next_attempt_at.unwrap() > medusa_core::time::now());
    assert_eq!(failed.delivered_at, None);
    // The later event of the same resource was not even attempted.
    let held = row(&db, &second_a).await;
    assert_eq!((held.attempts, held.delivered_at), (0, None));
    // Still backing off: nothing to do.
    assert_eq!(waiting.run_once().await.unwrap(), 0);
    assert_eq!(row(&db, &first_a).await.attempts, 1);

    // The backoff elapses; from now on (without backoff) each run attempts it once more.
    event_outbox::Entity::update_many()
        .col_expr(
            event_outbox::Column::NextAttemptAt,
            Expr::value(medusa_core::time::now() - chrono::TimeDelta::seconds(1)),
        )
        .filter(event_outbox::Column::Id.eq(&first_a))
        .exec(&db)
        .await
        .unwrap();
    let eager = Dispatcher::new(db.clone(), vec![recorder.clone() as Arc<dyn Subscriber>])
        .with_backoff(NO_WAIT);
    assert_eq!(eager.run_once().await.unwrap(), 0);
    assert_eq!(row(&db, &first_a).await.attempts, 2);
    assert_eq!(row(&db, &second_a).await.delivered_at, None);
    // The subscriber recovers: the resource's events arrive in recording order.
    assert_eq!(eager.run_once().await.unwrap(), 2);
    assert_eq!(recorder.handled_ids(), vec![b, first_a.clone(), second_a]);
    let recovered = row(&db, &first_a).await;
    assert_eq!(recovered.attempts, 2);
    assert!(recovered.delivered_at.is_some());
    assert_eq!(recovered.next_attempt_at, None);
}

async fn a_retry_skips_subscribers_that_already_succeeded(db: DatabaseConnection) {
    let steady = Arc::new(Recorder::new("notifications", &["order.placed"]));
    let flaky = Arc::new(Recorder::new("webhook", &["order.placed"]).failing("order_1", 1));
    let id = record_committed(&db, "order.placed", "order_1").await;
    let dispatcher = Dispatcher::new(
        db.clone(),
        vec![
            steady.clone() as Arc<dyn Subscriber>,
            flaky.clone() as Arc<dyn Subscriber>,
        ],
    )
    .with_backoff(NO_WAIT);
    assert_eq!(dispatcher.run_once().await.unwrap(), 0);
    assert_eq!(
        row(&db, &id).await.delivered_to.as_deref(),
        Some(r#"["notifications"]"#)
    );
    assert_eq!(dispatcher.run_once().await.unwrap(), 1);
    assert_eq!(steady.handled_ids(), vec![id.clone()]);
    assert_eq!(flaky.handled_ids(), vec![id.clone()]);
    assert_eq!(
        row(&db, &id).await.delivered_to.as_deref(),
        Some(r#"["notifications","webhook"]"#)
    );
}

async fn unwanted_events_are_marked_without_delivery(db: DatabaseConnection) {
    let recorder = Arc::new(Recorder::new("log", &["invite.created"]));
    let unwanted = record_committed(&db, "region.updated", "reg_1").await;
    let wanted = record_committed(&db, "invite.created", "invite_1").await;
    let dispatcher = Dispatcher::new(db.clone(), vec![recorder.clone() as Arc<dyn Subscriber>]);
    assert_eq!(dispatcher.run_once().await.unwrap(), 2);
    assert_eq!(recorder.handled_ids(), vec![wanted]);
    assert_eq!(recorder.handled_names(), vec!["invite.created"]);
    let marked = row(&db, &unwanted).await;
    assert!(marked.delivered_at.is_some());
    assert_eq!(marked.delivered_to.as_deref(), Some("[]"));
}

/// Two server instances on one PostgreSQL database never hand the same event out twice,
/// and each resource's events still arrive in order.
#[tokio::test]
async fn concurrent_dispatchers_share_the_work_on_postgres() {
    let test = medusa_test_support::TestDb::postgres().await;
    let db = test.db.clone();
    assert_eq!(db.get_database_backend(), DbBackend::Postgres);
    const RESOURCES: usize = 100;
    let txn = db.begin().await.unwrap();
    for name in ["customer.created", "customer.updated"] {
        for n in 0..RESOURCES {
            medusa_events::record(&txn, name, json!({ "id": format!("cus_{n}") }))
                .await
                .unwrap();
        }
    }
    txn.commit().await.unwrap();

    // One subscriber shared by both instances sees every delivery in the order it happened.
    let mut shared = Recorder::new("log", &["customer.created", "customer.updated"]);
    shared.delay = Duration::from_millis(1);
    let shared = Arc::new(shared);
    let one = Dispatcher::new(db.clone(), vec![shared.clone() as Arc<dyn Subscriber>]);
    let two = Dispatcher::new(db.clone(), vec![shared.clone() as Arc<dyn Subscriber>]);
    let (mut by_one, mut by_two) = (0, 0);
    for _ in 0..10 {
        let (a, b) = tokio::join!(one.run_once(), two.run_once());
        by_one += a.unwrap();
        by_two += b.unwrap();
    }
    assert_eq!(by_one + by_two, 2 * RESOURCES);
    assert!(by_one > 0 && by_two > 0, "one instance did all the work");

    let handled = shared.handled.lock().unwrap().clone();
    assert_eq!(handled.len(), 2 * RESOURCES, "an event was delivered twice");
    let position = |name: &str, resource: &str| {
        handled
            .iter()
            .position(|event| event.name == name && event.resource_id.as_deref() == Some(resource))
            .unwrap()
    };
    for n in 0..RESOURCES {
        let resource = format!("cus_{n}");
        assert!(position("customer.created", &resource) < position("customer.updated", &resource));
    }
    assert!(all_rows(&db)
        .await
        .iter()
        .all(|row| row.delivered_at.is_some()));
}
