//! A job's steps as Medusa's `BatchJobService` takes them: each stamps its own timestamp,
//! records its event, and refuses a job in the wrong status with Medusa's message. All are
//! `*_in` functions composing inside a caller's transaction.

use medusa_core::new_row::stamped;
use medusa_core::{generate_id, time, Error, Result};
use medusa_entity::batch_job;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde_json::{Map, Value};

use crate::events;
use crate::status::{status_of, BatchJobStatus, Stamps};

const BATCH_JOB_PREFIX: &str = "batch";

/// The status a stored job is in.
pub fn status(job: &batch_job::Model) -> BatchJobStatus {
    status_of(Stamps {
        pre_processed: job.pre_processed_at.is_some(),
        confirmed: job.confirmed_at.is_some(),
        processing: job.processing_at.is_some(),
        completed: job.completed_at.is_some(),
        canceled: job.canceled_at.is_some(),
        failed: job.failed_at.is_some(),
    })
}

fn not_found(id: &str) -> Error {
    Error::not_found(format!("Batch job with id {id} was not found"))
}

/// The live job with this id.
pub async fn find_job_in<C: ConnectionTrait>(conn: &C, id: &str) -> Result<batch_job::Model> {
    use sea_orm::ColumnTrait;
    batch_job::Entity::find_by_id(id)
        .filter(batch_job::Column::DeletedAt.is_null())
        .one(conn)
        .await?
        .ok_or_else(|| not_found(id))
}

/// Inserts a new job in `created` status and records `batch.created`.
pub async fn create_job_in<C: ConnectionTrait>(
    conn: &C,
    job_type: &str,
    context: Map<String, Value>,
    dry_run: bool,
    created_by: Option<&str>,
) -> Result<batch_job::Model> {
    let now = time::now();
    let id = generate_id(BATCH_JOB_PREFIX);
    let job = batch_job::ActiveModel {
        id: Set(id.clone()),
        r#type: Set(job_type.to_owned()),
        created_by: Set(created_by.map(str::to_owned)),
        context: Set(Some(Value::Object(context))),
        result: Set(None),
        dry_run: Set(dry_run),
        pre_processed_at: Set(None),
        processing_at: Set(None),
        confirmed_at: Set(None),
        completed_at: Set(None),
        canceled_at: Set(None),
        failed_at: Set(None),
        ..stamped(now)
    }
    .insert(conn)
    .await?;
    medusa_events::record_event(conn, &events::BatchCreated { id }).await?;
    Ok(job)
}

/// Merges `context` and `result` into the job's (shallowly, key by key, as Medusa's
/// `update`) and records `batch.updated`.
pub async fn update_job_in<C: ConnectionTrait>(
    conn: &C,
    job: batch_job::Model,
    context: Option<Map<String, Value>>,
    result: Option<Map<String, Value>>,
) -> Result<batch_job::Model> {
    let merge = |current: &Option<Value>, update: Map<String, Value>| {
        let mut merged = match current {
            Some(Value::Object(current)) => current.clone(),
            _ => Map::new(),
        };
        for (key, value) in update {
            merged.insert(key, value);
        }
        Some(Value::Object(merged))
    };
    let id = job.id.clone();
    let new_context = context.map(|update| merge(&job.context, update));
    let new_result = result.map(|update| merge(&job.result, update));
    let mut row = job.into_active_model();
    if let Some(context) = new_context {
        row.context = Set(context);
    }
    if let Some(result) = new_result {
        row.result = Set(result);
    }
    row.updated_at = Set(time::now());
    let job = row.update(conn).await?;
    medusa_events::record_event(conn, &events::BatchUpdated { id }).await?;
    Ok(job)
}

/// A step of a job's life that stamps a timestamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    PreProcessed,
    Confirmed,
    Processing,
    Completed,
    Canceled,
    Failed,
}

/// Stamps the timestamp of `step` and records its event.
async fn stamp_in<C: ConnectionTrait>(
    conn: &C,
    job: batch_job::Model,
    step: Step,
) -> Result<batch_job::Model> {
    let now = time::now();
    let id = job.id.clone();
    let mut row = job.into_active_model();
    match step {
        Step::PreProcessed => row.pre_processed_at = Set(Some(now)),
        Step::Confirmed => row.confirmed_at = Set(Some(now)),
        Step::Processing => row.processing_at = Set(Some(now)),
        Step::Completed => row.completed_at = Set(Some(now)),
        Step::Canceled => row.canceled_at = Set(Some(now)),
        Step::Failed => row.failed_at = Set(Some(now)),
    }
    row.updated_at = Set(now);
    let job = row.update(conn).await?;
    match step {
        Step::PreProcessed => {
            medusa_events::record_event(conn, &events::BatchPreProcessed { id }).await?
        }
        Step::Confirmed => {
            medusa_events::record_event(conn, &events::BatchConfirmed { id }).await?
        }
        Step::Processing => {
            medusa_events::record_event(conn, &events::BatchProcessing { id }).await?
        }
        Step::Completed => {
            medusa_events::record_event(conn, &events::BatchCompleted { id }).await?
        }
        Step::Canceled => medusa_events::record_event(conn, &events::BatchCanceled { id }).await?,
        Step::Failed => medusa_events::record_event(conn, &events::BatchFailed { id }).await?,
    }
    Ok(job)
}

/// `POST /admin/batch-jobs/{id}/confirm`: only a pre-processed job is confirmed.
pub async fn confirm_in<C: ConnectionTrait>(
    conn: &C,
    job: batch_job::Model,
) -> Result<batch_job::Model> {
    if status(&job) != BatchJobStatus::PreProcessed {
        return Err(Error::not_allowed(
            "Cannot confirm processing for a batch job that is not pre processed",
        ));
    }
    stamp_in(conn, job, Step::Confirmed).await
}

/// `POST /admin/batch-jobs/{id}/cancel`: anything but a completed job is canceled.
pub async fn cancel_in<C: ConnectionTrait>(
    conn: &C,
    job: batch_job::Model,
) -> Result<batch_job::Model> {
    if status(&job) == BatchJobStatus::Completed {
        return Err(Error::not_allowed("Cannot cancel completed batch job"));
    }
    stamp_in(conn, job, Step::Canceled).await
}

/// The end of pre-processing: `pre_processed`, then confirmed at once unless it is a dry run.
pub async fn set_pre_processed_in<C: ConnectionTrait>(
    conn: &C,
    job: batch_job::Model,
) -> Result<batch_job::Model> {
    match status(&job) {
        BatchJobStatus::PreProcessed => return Ok(job),
        BatchJobStatus::Created => {}
        _ => {
            return Err(Error::not_allowed(
                "Cannot mark a batch job as pre processed if it is not in created status",
            ))
        }
    }
    let job = stamp_in(conn, job, Step::PreProcessed).await?;
    if job.dry_run {
        return Ok(job);
    }
    confirm_in(conn, job).await
}

/// The start of processing: only a confirmed job starts.
pub async fn set_processing_in<C: ConnectionTrait>(
    conn: &C,
    job: batch_job::Model,
) -> Result<batch_job::Model> {
    if status(&job) != BatchJobStatus::Confirmed {
        return Err(Error::not_allowed(
            "Cannot mark a batch job as processing if the status is different that confirmed",
        ));
    }
    stamp_in(conn, job, Step::Processing).await
}

/// The end of processing: only a processing job completes (a job canceled meanwhile does
/// not, and its work is rolled back with the caller's transaction).
pub async fn complete_in<C: ConnectionTrait>(
    conn: &C,
    job: batch_job::Model,
) -> Result<batch_job::Model> {
    let current = status(&job);
    if current != BatchJobStatus::Processing {
        return Err(Error::invalid_data(format!(
            "Cannot complete a batch job with status \"{}\". The batch job must be processing",
            current.as_str()
        )));
    }
    stamp_in(conn, job, Step::Completed).await
}

/// A failed step: the message appended to `result.errors`, then `failed`.
pub async fn set_failed_in<C: ConnectionTrait>(
    conn: &C,
    job: batch_job::Model,
    error: &str,
) -> Result<batch_job::Model> {
    let mut errors = match job.result.as_ref().and_then(|r| r.get("errors")) {
        Some(Value::Array(errors)) => errors.clone(),
        _ => Vec::new(),
    };
    errors.push(Value::String(error.to_owned()));
    let mut result = Map::new();
    result.insert("errors".into(), Value::Array(errors));
    let job = update_job_in(conn, job, None, Some(result)).await?;
    stamp_in(conn, job, Step::Failed).await
}
