//! The work that runs beside the requests: delivering recorded events to their subscribers,
//! running batch jobs (imports and exports), the hourly clean-up of rows never read again
//! (expired sessions, old login failures, events delivered more than a week ago), and folding
//! and checking the kept row counts every minute. `medusa-admin serve` starts it; an application that
//! mounts the API with [`crate::configure`] starts it with [`start`] and stops it with
//! [`Background::stop`] when it shuts down.

use std::time::Duration;

use medusa_events::DispatcherHandle;
use sea_orm::DatabaseConnection;
use tokio::task::JoinHandle;

use crate::AppState;

/// How often the dispatcher looks for events to deliver.
const EVENT_POLL_INTERVAL: Duration = Duration::from_millis(500);

/// How often the batch job worker looks for jobs with a step due.
const BATCH_POLL_INTERVAL: Duration = Duration::from_secs(1);

/// How often the clean-up runs.
const HOUSEKEEPING_INTERVAL: Duration = Duration::from_secs(3600);

/// How often the kept row counts are folded and checked (`medusa_load::row_count::maintain`):
/// each order placed adds a row to its count until then.
const ROW_COUNT_INTERVAL: Duration = Duration::from_secs(60);

/// How long delivered events stay in the outbox (for inspection) before they are removed.
const DELIVERED_EVENT_RETENTION_DAYS: i64 = 7;

/// The running background work; dropping it leaves the tasks running until the runtime ends.
pub struct Background {
    dispatcher: DispatcherHandle,
    batch_jobs: medusa_batch::WorkerHandle,
    housekeeping: JoinHandle<()>,
    row_counts: JoinHandle<()>,
}

/// Registers the notification providers, then starts the event dispatcher and the clean-up
/// on the current tokio runtime.
pub async fn start(state: &AppState, db: &DatabaseConnection) -> medusa_core::Result<Background> {
    medusa_notification::register_providers(db, &state.notification_providers).await?;
    let subscribers = medusa_notification::subscribers(db, &state.notification_providers);
    let dispatcher =
        medusa_events::Dispatcher::new(db.clone(), subscribers).spawn(EVENT_POLL_INTERVAL);
    let housekeeping = tokio::spawn(housekeeping(state.clone(), db.clone()));
    let row_counts = tokio::spawn(fold_row_counts(db.clone()));
    let batch_jobs = batch_worker(state, db).spawn(BATCH_POLL_INTERVAL);
    Ok(Background {
        dispatcher,
        batch_jobs,
        housekeeping,
        row_counts,
    })
}

impl Background {
    /// Stops the clean-up, lets the dispatcher finish the batch it is delivering, and returns
    /// when both have stopped. Events not delivered yet are delivered on the next start.
    pub async fn stop(self) {
        for task in [self.housekeeping, self.row_counts] {
            task.abort();
            let _ = task.await;
        }
        self.dispatcher.stop().await;
        self.batch_jobs.stop().await;
    }
}

/// The worker that runs batch jobs, over the server's file storage and feature flags.
pub fn batch_worker(state: &AppState, db: &DatabaseConnection) -> medusa_batch::BatchWorker {
    medusa_batch::BatchWorker::new(
        db.clone(),
        state.files.clone(),
        state.flags,
        medusa_product::ProductSpecs::for_flags(state.flags),
    )
}

async fn housekeeping(state: AppState, db: DatabaseConnection) {
    let mut every = tokio::time::interval(HOUSEKEEPING_INTERVAL);
    loop {
        every.tick().await;
        report("expired sessions", state.sessions.purge_expired().await);
        report(
            "old login failures",
            state.logins.forget_old_failures().await,
        );
        let cutoff =
            medusa_core::time::now() - chrono::Duration::days(DELIVERED_EVENT_RETENTION_DAYS);
        report(
            "delivered events",
            medusa_events::purge_delivered(&db, cutoff).await,
        );
    }
}

async fn fold_row_counts(db: DatabaseConnection) {
    let mut every = tokio::time::interval(ROW_COUNT_INTERVAL);
    loop {
        every.tick().await;
        match medusa_load::row_count::maintain(&db).await {
            Ok(done) => {
                for table in done.corrected {
                    tracing::warn!(
                        table,
                        "the kept row count differed from the table's rows (rows written with \
                         its triggers off) and was set right"
                    );
                }
            }
            Err(err) => tracing::warn!(error = %err, "could not maintain the kept row counts"),
        }
    }
}

fn report<E: std::fmt::Display>(what: &str, removed: Result<u64, E>) {
    match removed {
        Ok(0) => {}
        Ok(removed) => tracing::info!(removed, "{what} removed"),
        Err(err) => tracing::warn!(error = %err, "could not remove {what}"),
    }
}
