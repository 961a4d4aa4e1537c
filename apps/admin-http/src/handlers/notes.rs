//! `/admin/notes`: notes on any resource, written by the calling admin.

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_notification::{CreateNote, NoteValue, NOTE_LIST};
use serde_json::Value;

use crate::{
    error::ApiResult,
    extract::JsonBody,
    handlers::{deleted, list_plan, list_response, wrapped},
    middleware::auth::Caller,
    state::AppState,
};

/// `GET /admin/notes`
pub async fn list_notes(state: web::Data<AppState>, req: HttpRequest) -> ApiResult<HttpResponse> {
    let plan = list_plan(&req, &state, &NOTE_LIST)?;
    let page = state.notes.list(&plan).await?;
    list_response(page, &plan)
}

/// `POST /admin/notes`
pub async fn create_note(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let input = CreateNote::from_body(body.0, Some(caller.0.user_id.clone()))?;
    let note = state.notes.create(input).await?;
    wrapped("note", note)
}

/// `GET /admin/notes/{id}`
pub async fn get_note(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    wrapped("note", state.notes.retrieve(&id).await?)
}

/// `POST /admin/notes/{id}`
pub async fn update_note(
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let NoteValue(value) = NoteValue::from_body(body.0)?;
    wrapped("note", state.notes.update(&id, value).await?)
}

/// `DELETE /admin/notes/{id}`
pub async fn delete_note(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    state.notes.delete(&id).await?;
    Ok(deleted(&id, "note"))
}
