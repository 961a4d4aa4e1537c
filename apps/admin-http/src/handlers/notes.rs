//! `/admin/notes`: notes on any resource, written by the calling admin.

use actix_web::HttpRequest;
use medusa_notification::{CreateNote, NoteValue, NOTE_LIST};

use crate::{
    handlers::{deleted, list_plan, list_response, wrapped, Answer, Body, Id, State},
    middleware::auth::Caller,
};

/// `GET /admin/notes`
pub async fn list_notes(state: State, req: HttpRequest) -> Answer {
    let plan = list_plan(&req, &state, &NOTE_LIST)?;
    let page = state.notes.list(&plan).await?;
    list_response(page, &plan)
}

/// `POST /admin/notes`
pub async fn create_note(state: State, caller: Caller, body: Body) -> Answer {
    let input = CreateNote::from_body(body.0, Some(caller.0.user_id.clone()))?;
    let note = state.notes.create(input).await?;
    wrapped("note", note)
}

/// `GET /admin/notes/{id}`
pub async fn get_note(state: State, id: Id) -> Answer {
    wrapped("note", state.notes.retrieve(&id).await?)
}

/// `POST /admin/notes/{id}`
pub async fn update_note(state: State, id: Id, body: Body) -> Answer {
    let NoteValue(value) = NoteValue::from_body(body.0)?;
    wrapped("note", state.notes.update(&id, value).await?)
}

/// `DELETE /admin/notes/{id}`
pub async fn delete_note(state: State, id: Id) -> Answer {
    state.notes.delete(&id).await?;
    Ok(deleted(&id, "note"))
}
