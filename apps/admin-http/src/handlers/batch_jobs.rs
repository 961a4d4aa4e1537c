//! `/admin/batch-jobs`: the calling admin's batch jobs (the dashboard's activity drawer polls
//! the list on every page; its import and export buttons create, confirm and cancel them).
//! The worker started with the server's background tasks runs them.

use actix_web::{HttpRequest, HttpResponse};
use medusa_batch::{BatchJobList, CreateBatchJob};
use serde_json::Value;

use crate::extract::JsonBody;
use crate::{
    handlers::{wrapped, Answer, Id, State},
    middleware::auth::Caller,
};

/// `GET /admin/batch-jobs`: the caller's jobs. Each job is already trimmed to Medusa's
/// selection by its view (`dry_run` and `status` do not follow `fields` as other fields do),
/// so the page is written as is.
pub async fn list_batch_jobs(state: State, req: HttpRequest, Caller(caller): Caller) -> Answer {
    let raw = medusa_query_dsl::parse(req.query_string())?;
    let query = BatchJobList::from_query(&raw, state.backend)?;
    let page = state.batch_jobs.list(&caller.user_id, &query).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// `GET /admin/batch-jobs/{id}`: one of the caller's jobs with every column. Medusa reads no
/// query parameter here, and refuses none.
pub async fn get_batch_job(state: State, id: Id, Caller(caller): Caller) -> Answer {
    let job = state.batch_jobs.retrieve(&caller.user_id, &id).await?;
    wrapped("batch_job", job)
}

/// `POST /admin/batch-jobs`: 201 with the new job.
pub async fn create_batch_job(
    state: State,
    Caller(caller): Caller,
    JsonBody(body): JsonBody<Value>,
) -> Answer {
    let input = CreateBatchJob::from_body(body)?;
    let job = state.batch_jobs.create(&caller.user_id, input).await?;
    Ok(HttpResponse::Created().json(serde_json::json!({ "batch_job": job })))
}

/// `POST /admin/batch-jobs/{id}/confirm`.
pub async fn confirm_batch_job(state: State, id: Id, Caller(caller): Caller) -> Answer {
    let job = state.batch_jobs.confirm(&caller.user_id, &id).await?;
    wrapped("batch_job", job)
}

/// `POST /admin/batch-jobs/{id}/cancel`.
pub async fn cancel_batch_job(state: State, id: Id, Caller(caller): Caller) -> Answer {
    let job = state.batch_jobs.cancel(&caller.user_id, &id).await?;
    wrapped("batch_job", job)
}
