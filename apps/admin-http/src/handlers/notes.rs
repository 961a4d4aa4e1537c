//! `/admin/notes`: notes on any resource, written by the calling admin.

use std::borrow::Cow;

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_notification::{CreateNote, NOTE_LIST};
use serde::Deserialize;
use serde_json::Value;
use validator::{Validate, ValidationError, ValidationErrors};

use crate::{
    error::ApiResult,
    extract::ValidJson,
    handlers::{deleted, list_plan, list_response, wrapped},
    middleware::auth::Caller,
    state::AppState,
};

/// Fields are read as raw JSON so that every failing property is reported at once, in
/// class-validator's words, rather than only the first type error.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateNoteBody {
    resource_id: Option<Value>,
    resource_type: Option<Value>,
    value: Option<Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateNoteBody {
    value: Option<Value>,
}

/// Medusa's `@IsString()` (and, with `not_empty`, `@IsNotEmpty()`) on one property.
fn check_string(
    errors: &mut ValidationErrors,
    field: &'static str,
    value: Option<&Value>,
    not_empty: bool,
) {
    let mut fail = |message: String| {
        errors.add(
            field,
            ValidationError::new("string").with_message(Cow::Owned(message)),
        )
    };
    let empty =
        matches!(value, None | Some(Value::Null)) || value.and_then(Value::as_str) == Some("");
    if not_empty && empty {
        fail(format!("{field} should not be empty"));
    }
    if !matches!(value, Some(Value::String(_))) {
        fail(format!("{field} must be a string"));
    }
}

impl Validate for CreateNoteBody {
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        check_string(&mut errors, "resource_id", self.resource_id.as_ref(), true);
        check_string(
            &mut errors,
            "resource_type",
            self.resource_type.as_ref(),
            true,
        );
        check_string(&mut errors, "value", self.value.as_ref(), true);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

impl Validate for UpdateNoteBody {
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        check_string(&mut errors, "value", self.value.as_ref(), false);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// A property already checked to be a string.
fn text(value: Option<Value>) -> String {
    match value {
        Some(Value::String(text)) => text,
        _ => String::new(),
    }
}

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
    body: ValidJson<CreateNoteBody>,
) -> ApiResult<HttpResponse> {
    let body = body.0;
    let note = state
        .notes
        .create(CreateNote {
            resource_id: text(body.resource_id),
            resource_type: text(body.resource_type),
            value: text(body.value),
            author_id: Some(caller.0.user_id.clone()),
        })
        .await?;
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
    body: ValidJson<UpdateNoteBody>,
) -> ApiResult<HttpResponse> {
    wrapped("note", state.notes.update(&id, text(body.0.value)).await?)
}

/// `DELETE /admin/notes/{id}`
pub async fn delete_note(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    state.notes.delete(&id).await?;
    Ok(deleted(&id, "note"))
}
