//! Delivering recorded events to subscribers.
//!
//! Guarantees: every committed event reaches every subscriber that wants it at least once
//! (a crash between handling and marking redelivers it); an event is not handed out while an
//! earlier event of the same resource is undelivered; a failed event is retried with
//! exponential backoff, its attempts and last error kept on its row, and only the
//! subscribers that failed get it again.
//!
//! Several server instances may share a PostgreSQL database: each claims its batch with
//! `FOR UPDATE SKIP LOCKED` and keeps the rows locked until they are marked, so no event is
//! handled by two instances at once. SQLite has a single writer (one server), and there the
//! batch is not held in a transaction, because subscribers write to the same database.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use medusa_core::Result;
use medusa_entity::event_outbox;
use sea_orm::sea_query::{Alias, Expr, LockBehavior, LockType, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbBackend,
    EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::outbox::OutboxEvent;

/// Something that reacts to events: a notification provider, a webhook sender.
#[async_trait]
pub trait Subscriber: Send + Sync {
    /// A stable name, remembered on the event once this subscriber has handled it.
    fn name(&self) -> &str;
    /// Whether this subscriber handles events named `event`.
    fn wants(&self, event: &str) -> bool;
    /// Handles one event. An error makes the dispatcher retry the event later.
    async fn handle(&self, event: &OutboxEvent) -> Result<()>;
}

/// How long a failed event waits before its next attempt: `base * 2^(attempts - 1)`, at
/// most `max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryBackoff {
    pub base: Duration,
    pub max: Duration,
}

impl Default for RetryBackoff {
    fn default() -> Self {
        Self {
            base: Duration::from_secs(1),
            max: Duration::from_secs(600),
        }
    }
}

impl RetryBackoff {
    fn delay(&self, attempts: i32) -> Duration {
        let doublings = u32::try_from(attempts.saturating_sub(1))
            .unwrap_or(0)
            .min(30);
        self.base.saturating_mul(1 << doublings).min(self.max)
    }
}

/// Events claimed and marked per round trip.
const BATCH_SIZE: u64 = 32;

/// Delivers pending outbox events to its subscribers.
#[derive(Clone)]
pub struct Dispatcher {
    db: DatabaseConnection,
    subscribers: Arc<Vec<Arc<dyn Subscriber>>>,
    backoff: RetryBackoff,
}

/// The outcome of one event's delivery, written back to its row.
struct Outcome {
    delivered_to: Vec<String>,
    errors: Vec<String>,
}

impl Dispatcher {
    pub fn new(db: DatabaseConnection, subscribers: Vec<Arc<dyn Subscriber>>) -> Self {
        Self {
            db,
            subscribers: Arc::new(subscribers),
            backoff: RetryBackoff::default(),
        }
    }

    pub fn with_backoff(mut self, backoff: RetryBackoff) -> Self {
        self.backoff = backoff;
        self
    }

    /// Delivers every event that is due now, oldest first, and answers how many were
    /// marked delivered. Each event is attempted at most once per call: one that fails waits
    /// for its backoff and a later call.
    pub async fn run_once(&self) -> Result<usize> {
        self.deliver_due(None).await
    }

    /// Runs [`Dispatcher::run_once`] every `poll_interval` on a tokio task until the
    /// returned handle is stopped (or dropped).
    pub fn spawn(self, poll_interval: Duration) -> DispatcherHandle {
        let (stop, mut stopped) = watch::channel(false);
        let task = tokio::spawn(async move {
            tracing::info!(
                subscribers = ?self.subscribers.iter().map(|s| s.name().to_owned()).collect::<Vec<_>>(),
                "event dispatcher started"
            );
            loop {
                if *stopped.borrow() {
                    break;
                }
                if let Err(err) = self.deliver_due(Some(&stopped)).await {
                    tracing::error!(error = %err, "event delivery failed; retrying at the next poll");
                }
                tokio::select! {
                    () = tokio::time::sleep(poll_interval) => {}
                    changed = stopped.changed() => {
                        if changed.is_err() {
                            break;
                        }
                    }
                }
            }
            tracing::info!("event dispatcher stopped");
        });
        DispatcherHandle { stop, task }
    }

    async fn deliver_due(&self, stopped: Option<&watch::Receiver<bool>>) -> Result<usize> {
        let mut failed_this_run = HashSet::new();
        let mut delivered = 0;
        loop {
            if stopped.is_some_and(|stopped| *stopped.borrow()) {
                return Ok(delivered);
            }
            let (attempted, batch_delivered) = match self.db.get_database_backend() {
                DbBackend::Postgres => {
                    let txn = self.db.begin().await?;
                    let outcome = self.deliver_batch(&txn, &mut failed_this_run).await?;
                    txn.commit().await?;
                    outcome
                }
                DbBackend::Sqlite | DbBackend::MySql => {
                    self.deliver_batch(&self.db, &mut failed_this_run).await?
                }
            };
            delivered += batch_delivered;
            if attempted == 0 {
                return Ok(delivered);
            }
        }
    }

    /// Claims up to one batch of due events on `conn`, delivers them and marks them; answers
    /// how many were attempted and how many delivered.
    async fn deliver_batch<C: ConnectionTrait>(
        &self,
        conn: &C,
        failed_this_run: &mut HashSet<String>,
    ) -> Result<(usize, usize)> {
        let now = medusa_core::time::now();
        let mut due = event_outbox::Entity::find()
            .filter(event_outbox::Column::DeliveredAt.is_null())
            .filter(
                Condition::any()
                    .add(event_outbox::Column::NextAttemptAt.is_null())
                    .add(event_outbox::Column::NextAttemptAt.lte(now)),
            )
            .filter(Expr::exists(earlier_undelivered_of_same_resource()).not())
            .order_by_asc(event_outbox::Column::Id)
            .limit(BATCH_SIZE);
        if !failed_this_run.is_empty() {
            due = due.filter(event_outbox::Column::Id.is_not_in(failed_this_run.iter().cloned()));
        }
        if conn.get_database_backend() == DbBackend::Postgres {
            due = due.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
        }
        let rows = due.all(conn).await?;

        let attempted = rows.len();
        let mut delivered = 0;
        for row in rows {
            let outcome = self.deliver(&row).await;
            let id = row.id.clone();
            let attempts = row.attempts;
            let mut marked = row.into_active_model();
            marked.delivered_to = Set(Some(
                serde_json::Value::from(outcome.delivered_to).to_string(),
            ));
            if outcome.errors.is_empty() {
                marked.delivered_at = Set(Some(medusa_core::time::now()));
                marked.next_attempt_at = Set(None);
                delivered += 1;
            } else {
                let attempts = attempts.saturating_add(1);
                let retry_in = self.backoff.delay(attempts);
                let last_error = outcome.errors.join("; ");
                tracing::warn!(event = %id, attempts, retry_in_ms = retry_in.as_millis() as u64, error = %last_error, "event delivery failed");
                marked.attempts = Set(attempts);
                marked.last_error = Set(Some(last_error));
                marked.next_attempt_at = Set(Some(
                    medusa_core::time::now()
                        + chrono::TimeDelta::from_std(retry_in).unwrap_or(chrono::TimeDelta::MAX),
                ));
                failed_this_run.insert(id);
            }
            marked.update(conn).await?;
        }
        Ok((attempted, delivered))
    }

    /// Hands one event to each interested subscriber that has not handled it yet.
    async fn deliver(&self, row: &event_outbox::Model) -> Outcome {
        let mut delivered_to: Vec<String> = row
            .delivered_to
            .as_deref()
            .and_then(|names| serde_json::from_str(names).ok())
            .unwrap_or_default();
        let event = match OutboxEvent::from_row(row) {
            Ok(event) => event,
            Err(error) => {
                return Outcome {
                    delivered_to,
                    errors: vec![error],
                }
            }
        };
        let mut errors = Vec::new();
        for subscriber in self.subscribers.iter() {
            let name = subscriber.name();
            if !subscriber.wants(&event.name) || delivered_to.iter().any(|done| done == name) {
                continue;
            }
            match subscriber.handle(&event).await {
                Ok(()) => delivered_to.push(name.to_owned()),
                Err(err) => errors.push(format!("{name}: {err}")),
            }
        }
        Outcome {
            delivered_to,
            errors,
        }
    }
}

/// `EXISTS` an undelivered event of the outer row's resource recorded before it.
fn earlier_undelivered_of_same_resource() -> sea_orm::sea_query::SelectStatement {
    let earlier = Alias::new("earlier");
    Query::select()
        .expr(Expr::val(1))
        .from_as(event_outbox::Entity, earlier.clone())
        .and_where(
            Expr::col((earlier.clone(), event_outbox::Column::ResourceId))
                .equals((event_outbox::Entity, event_outbox::Column::ResourceId)),
        )
        .and_where(Expr::col((earlier.clone(), event_outbox::Column::DeliveredAt)).is_null())
        .and_where(
            Expr::col((earlier, event_outbox::Column::Id))
                .lt(Expr::col((event_outbox::Entity, event_outbox::Column::Id))),
        )
        .to_owned()
}

/// A running dispatcher task.
pub struct DispatcherHandle {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl DispatcherHandle {
    /// Lets the batch in progress finish (its events are marked), then stops the task.
    pub async fn stop(self) {
        // The task may already have ended; then there is nobody to tell.
        let _ = self.stop.send(true);
        if let Err(err) = self.task.await {
            tracing::error!(error = %err, "event dispatcher task ended abnormally");
        }
    }
}
