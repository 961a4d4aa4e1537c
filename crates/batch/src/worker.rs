//! The worker that runs batch jobs: it takes each job that has a step due (a created job to
//! pre-process, a confirmed one to process, one left processing by a stopped server to run
//! again), runs the job's strategy and stamps the outcome. A failed step fails the job with
//! its message appended to `result.errors`.
//!
//! Several instances may share a PostgreSQL database: an instance takes a job by holding a
//! transaction-level advisory lock on it for as long as it works on it (`pg_try_advisory_
//! xact_lock`, the advisory twin of `FOR UPDATE SKIP LOCKED`: a job another instance holds
//! is skipped). A row lock would do the same but would also block the job's own progress
//! updates, which are written from other connections. The lock ends with the holder's
//! connection, so a job whose server died is taken again by the next poll and resumes: its
//! step runs again from the start (an import's transaction left nothing; an export writes a
//! new file). SQLite has one server and one connection: there the workers of the process take
//! turns.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use medusa_core::flags::FeatureFlags;
use medusa_core::{Error, Result};
use medusa_entity::batch_job;
use medusa_file::{Area, FileStorage};
use medusa_product::ProductSpecs;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Statement, TransactionTrait,
};
use serde_json::{json, Map, Value};
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::lifecycle::{self, status};
use crate::order_export::{OrderExport, OrderList};
use crate::price_list_import::{apply_price_list_import, plan_price_list_import};
use crate::product_export::{write_export, ExportList, ExportShape, ProductExport};
use crate::product_import::{apply_import, plan_import, planned_result};
use crate::status::BatchJobStatus;
use crate::strategy::JobType;

/// The advisory lock class of batch jobs (any constant unlikely to clash with others).
const LOCK_CLASS: i32 = 0x6261_7463; // "batc"

/// Serializes the workers of a process on SQLite, where no lock is taken in the database.
static SQLITE_TURN: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Jobs looked at per poll.
const CANDIDATES: u64 = 16;

/// What running a job needs.
#[derive(Clone)]
pub struct BatchWorker {
    db: DatabaseConnection,
    files: Arc<dyn FileStorage>,
    flags: FeatureFlags,
    specs: ProductSpecs,
    scratch: PathBuf,
}

/// A running worker task.
pub struct WorkerHandle {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl WorkerHandle {
    /// Lets the job in progress finish its step, then stops.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        if let Err(err) = self.task.await {
            tracing::error!(error = %err, "batch job worker ended abnormally");
        }
    }
}

fn io_failed(e: impl std::fmt::Display) -> Error {
    Error::UnexpectedState(format!("batch job file: {e}"))
}

fn scratch_file(dir: &std::path::Path, job_id: &str, what: &str) -> PathBuf {
    dir.join(format!(
        "medusa-batch-{job_id}-{what}-{}",
        std::process::id()
    ))
}

/// Removes a scratch file when dropped.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

impl BatchWorker {
    pub fn new(
        db: DatabaseConnection,
        files: Arc<dyn FileStorage>,
        flags: FeatureFlags,
        specs: ProductSpecs,
    ) -> Self {
        Self {
            db,
            files,
            flags,
            specs,
            scratch: std::env::temp_dir(),
        }
    }

    /// Runs every step due now, until none is; answers how many jobs were worked on.
    pub async fn run_once(&self) -> Result<usize> {
        let mut worked = 0;
        loop {
            let candidates = batch_job::Entity::find()
                .filter(due())
                .order_by_asc(batch_job::Column::CreatedAt)
                .limit(CANDIDATES)
                .all(&self.db)
                .await?;
            let mut progressed = false;
            for job in candidates {
                if self.take_and_run(&job.id).await? {
                    worked += 1;
                    progressed = true;
                }
            }
            if !progressed {
                return Ok(worked);
            }
        }
    }

    /// Polls for due jobs every `interval` until stopped.
    pub fn spawn(self, interval: Duration) -> WorkerHandle {
        let (stop, mut stopped) = watch::channel(false);
        let task = tokio::spawn(async move {
            loop {
                if *stopped.borrow() {
                    break;
                }
                if let Err(err) = self.run_once().await {
                    tracing::error!(error = %err, "batch job worker poll failed");
                }
                tokio::select! {
                    () = tokio::time::sleep(interval) => {}
                    changed = stopped.changed() => if changed.is_err() { break },
                }
            }
        });
        WorkerHandle { stop, task }
    }

    /// Takes the job if no other instance holds it and runs its due steps; answers whether
    /// it was taken.
    async fn take_and_run(&self, id: &str) -> Result<bool> {
        match self.db.get_database_backend() {
            DbBackend::Postgres => {
                let holder = self.db.begin().await?;
                let taken = holder
                    .query_one(Statement::from_sql_and_values(
                        DbBackend::Postgres,
                        "SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS taken",
                        [LOCK_CLASS.into(), id.into()],
                    ))
                    .await?
                    .map(|row| row.try_get::<bool>("", "taken"))
                    .transpose()?
                    .unwrap_or(false);
                if !taken {
                    holder.rollback().await?;
                    return Ok(false);
                }
                let ran = self.run_due_steps(id).await;
                holder.commit().await?;
                ran
            }
            _ => {
                // One worker at a time per process (SQLite serves one server).
                let _turn = SQLITE_TURN.lock().await;
                self.run_due_steps(id).await
            }
        }
    }

    /// Runs the job's steps while one is due (re-read after each).
    async fn run_due_steps(&self, id: &str) -> Result<bool> {
        let mut ran = false;
        loop {
            let job = match lifecycle::find_job_in(&self.db, id).await {
                Ok(job) => job,
                Err(Error::NotFound(_)) => return Ok(ran),
                Err(err) => return Err(err),
            };
            let Ok(job_type) = JobType::parse(&job.r#type) else {
                return Ok(ran);
            };
            let outcome = match status(&job) {
                BatchJobStatus::Created => self.pre_process(job_type, job).await,
                BatchJobStatus::Confirmed | BatchJobStatus::Processing => {
                    self.process(job_type, job).await
                }
                _ => return Ok(ran),
            };
            ran = true;
            if let Err(err) = outcome {
                tracing::warn!(job = %id, error = %err, "batch job failed");
                let txn = self.db.begin().await?;
                let job = lifecycle::find_job_in(&txn, id).await?;
                lifecycle::set_failed_in(&txn, job, &err.to_string()).await?;
                txn.commit().await?;
                return Ok(ran);
            }
        }
    }

    /// The uploaded file of an import, copied to a scratch file.
    async fn import_file(&self, job: &batch_job::Model) -> Result<Scratch> {
        let key = context(job)
            .get("fileKey")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| Error::invalid_data("The batch job context has no fileKey"))?;
        let scratch = Scratch(scratch_file(&self.scratch, &job.id, "import.csv"));
        self.files
            .copy_to(&key, &scratch.0)
            .await
            .map_err(|e| Error::not_found(e.to_string()))?;
        Ok(scratch)
    }

    async fn pre_process(&self, job_type: JobType, job: batch_job::Model) -> Result<()> {
        let (context_update, result) = match job_type {
            JobType::ProductExport => {
                let list = ExportList::from_context(&context(&job));
                let export = self.export();
                let (count, shape) = export.shape(&list).await?;
                let mut config = context(&job)
                    .get("list_config")
                    .cloned()
                    .unwrap_or_else(|| json!({}));
                if let Some(Value::Array(relations)) = config.get_mut("relations") {
                    relations.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
                }
                let mut ctx = Map::new();
                ctx.insert(
                    "shape".into(),
                    serde_json::to_value(&shape).map_err(io_failed)?,
                );
                ctx.insert("list_config".into(), config);
                let mut result = Map::new();
                result.insert(
                    "stat_descriptors".into(),
                    json!([{
                        "key": "product-export-count",
                        "name": "Product count to export",
                        "message": format!("There will be {count} products exported by this action"),
                    }]),
                );
                (Some(ctx), result)
            }
            JobType::ProductImport => {
                let file = self.import_file(&job).await?;
                let ops = plan_import(&self.db, &file.0, self.flags).await?;
                (None, planned_result(ops))
            }
            JobType::PriceListImport => {
                let file = self.import_file(&job).await?;
                let lines = plan_price_list_import(&self.db, &file.0).await?;
                (None, crate::price_list_import::planned_result(lines))
            }
            JobType::OrderExport => {
                let list = OrderList::from_context(&context(&job));
                let count = self.order_export().count(&list).await?;
                let mut config = context(&job)
                    .get("list_config")
                    .cloned()
                    .unwrap_or_else(|| json!({}));
                for key in ["select", "relations"] {
                    if let Some(Value::Array(items)) = config.get_mut(key) {
                        items.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
                    }
                }
                let mut ctx = Map::new();
                ctx.insert("list_config".into(), config);
                let mut result = Map::new();
                result.insert(
                    "stat_descriptors".into(),
                    json!([{
                        "key": "order-export-count",
                        "name": "Order count to export",
                        "message": format!("There will be {count} orders exported by this action"),
                    }]),
                );
                (Some(ctx), result)
            }
        };
        let txn = self.db.begin().await?;
        let job = lifecycle::find_job_in(&txn, &job.id).await?;
        let job = lifecycle::update_job_in(&txn, job, context_update, Some(result)).await?;
        lifecycle::set_pre_processed_in(&txn, job).await?;
        txn.commit().await?;
        Ok(())
    }

    fn order_export(&self) -> OrderExport<'_> {
        OrderExport {
            db: &self.db,
            flags: self.flags,
        }
    }

    fn export(&self) -> ProductExport<'_> {
        ProductExport {
            db: &self.db,
            flags: self.flags,
            specs: self.specs,
        }
    }

    /// Stamps `processing` (a job resumed after a stop keeps its stamp) and runs the job.
    async fn process(&self, job_type: JobType, job: batch_job::Model) -> Result<()> {
        let job = if status(&job) == BatchJobStatus::Confirmed {
            let txn = self.db.begin().await?;
            let job = lifecycle::set_processing_in(&txn, job).await?;
            txn.commit().await?;
            job
        } else {
            job
        };
        match job_type {
            JobType::ProductExport | JobType::OrderExport => {
                self.process_export(job_type, job).await
            }
            JobType::ProductImport | JobType::PriceListImport => {
                self.process_import(job_type, job).await
            }
        }
    }

    async fn progress(&self, id: &str, result: Map<String, Value>) -> Result<batch_job::Model> {
        let txn = self.db.begin().await?;
        let job = lifecycle::find_job_in(&txn, id).await?;
        let job = lifecycle::update_job_in(&txn, job, None, Some(result)).await?;
        txn.commit().await?;
        Ok(job)
    }

    async fn process_export(&self, job_type: JobType, job: batch_job::Model) -> Result<()> {
        let ctx = context(&job);
        let what = if job_type == JobType::OrderExport {
            "order"
        } else {
            "product"
        };
        let name = format!(
            "{what}-export-{}.csv",
            chrono::Utc::now().timestamp_millis()
        );
        let scratch = Scratch(scratch_file(&self.scratch, &job.id, &name));
        let mut out =
            std::io::BufWriter::new(std::fs::File::create(&scratch.0).map_err(io_failed)?);
        let mut last = (0, 0);
        let id = job.id.clone();
        let on_page = |done, total, bytes| {
            last = (done, total);
            let id = id.clone();
            async move {
                let mut result = Map::new();
                result.insert("file_size".into(), json!(bytes));
                result.insert("count".into(), json!(total));
                result.insert("advancement_count".into(), json!(done));
                result.insert("progress".into(), json!(progress(done, total)));
                let job = self.progress(&id, result).await?;
                // A job canceled meanwhile stops at this page.
                Ok(status(&job) != BatchJobStatus::Canceled)
            }
        };
        let bytes = if job_type == JobType::OrderExport {
            let list = OrderList::from_context(&ctx);
            self.order_export().write(&list, &mut out, on_page).await?
        } else {
            let list = ExportList::from_context(&ctx);
            let shape: ExportShape = ctx
                .get("shape")
                .cloned()
                .map(serde_json::from_value)
                .transpose()
                .map_err(io_failed)?
                .unwrap_or_default();
            write_export(&self.export(), &list, &shape, &mut out, on_page).await?
        };
        drop(out);
        let txn = self.db.begin().await?;
        let job = lifecycle::find_job_in(&txn, &job.id).await?;
        // Checked before the file is stored: a canceled export keeps no file.
        if status(&job) != BatchJobStatus::Processing {
            return lifecycle::complete_in(&txn, job).await.map(|_| ());
        }
        let stored = self
            .files
            .put_path(Area::Protected, &name, &scratch.0)
            .await
            .map_err(io_failed)?;
        let (done, total) = last;
        let mut result = Map::new();
        result.insert("file_key".into(), json!(stored.key));
        result.insert("file_size".into(), json!(bytes));
        result.insert("count".into(), json!(total));
        result.insert("advancement_count".into(), json!(done));
        result.insert("progress".into(), json!(progress(done, total)));
        let job = lifecycle::update_job_in(&txn, job, None, Some(result)).await?;
        lifecycle::complete_in(&txn, job).await?;
        txn.commit().await?;
        Ok(())
    }

    async fn process_import(&self, job_type: JobType, job: batch_job::Model) -> Result<()> {
        let file = self.import_file(&job).await?;
        let count = job
            .result
            .as_ref()
            .and_then(|r| r.get("count"))
            .cloned()
            .unwrap_or(json!(0));
        let txn = self.db.begin().await?;
        let postgres = self.db.get_database_backend() == DbBackend::Postgres;
        let id = job.id.clone();
        let on_progress = |done| {
            let id = id.clone();
            async move {
                // Progress is written beside the import's transaction, so it is seen while
                // the import runs; SQLite's one connection is held by the import.
                if postgres {
                    let mut result = Map::new();
                    result.insert("advancement_count".into(), json!(done));
                    self.progress(&id, result).await?;
                }
                Ok(())
            }
        };
        if job_type == JobType::PriceListImport {
            let list_id = context(&job)
                .get("price_list_id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            apply_price_list_import(&txn, &file.0, &list_id, on_progress).await?;
        } else {
            apply_import(&txn, &file.0, self.flags, on_progress).await?;
        }
        // Re-read inside the import's transaction: a job canceled meanwhile does not
        // complete, and its import is rolled back.
        let current = lock_job(&txn, &job.id).await?;
        let mut result = Map::new();
        result.insert("advancement_count".into(), count);
        let current = lifecycle::update_job_in(&txn, current, None, Some(result)).await?;
        lifecycle::complete_in(&txn, current).await?;
        txn.commit().await?;
        if let Some(key) = context(&job).get("fileKey").and_then(Value::as_str) {
            if let Err(err) = self.files.delete(key).await {
                tracing::warn!(job = %job.id, error = %err, "could not delete the imported file");
            }
        }
        Ok(())
    }
}

/// The job, locked for the rest of the transaction on PostgreSQL.
async fn lock_job<C: ConnectionTrait>(conn: &C, id: &str) -> Result<batch_job::Model> {
    let mut find = batch_job::Entity::find_by_id(id).filter(batch_job::Column::DeletedAt.is_null());
    if conn.get_database_backend() == DbBackend::Postgres {
        find = find.lock_exclusive();
    }
    find.one(conn)
        .await?
        .ok_or_else(|| Error::not_found(format!("Batch job with id {id} was not found")))
}

fn progress(done: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        done as f64 / total as f64
    }
}

fn context(job: &batch_job::Model) -> Map<String, Value> {
    match &job.context {
        Some(Value::Object(context)) => context.clone(),
        _ => Map::new(),
    }
}

/// Jobs with a step due: not deleted, not finished, and either not pre-processed yet or
/// confirmed (a pre-processed dry run waits for its confirmation).
fn due() -> Condition {
    Condition::all()
        .add(batch_job::Column::DeletedAt.is_null())
        .add(batch_job::Column::CompletedAt.is_null())
        .add(batch_job::Column::CanceledAt.is_null())
        .add(batch_job::Column::FailedAt.is_null())
        .add(batch_job::Column::Type.is_in([
            "product-export",
            "product-import",
            "order-export",
            "price-list-import",
        ]))
        .add(
            Condition::any()
                .add(batch_job::Column::PreProcessedAt.is_null())
                .add(batch_job::Column::ConfirmedAt.is_not_null()),
        )
}
