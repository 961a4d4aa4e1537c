//! `/admin/return-reasons`: return reasons and their child reasons.

use actix_web::{web, HttpResponse};
use medusa_returns::{CreateReturnReason, UpdateReturnReason};
use serde_json::Value;

use crate::{
    error::ApiResult,
    extract::JsonBody,
    handlers::{deleted, wrapped},
    state::AppState,
};

/// `GET /admin/return-reasons`: top-level reasons with their children, not paginated.
pub async fn list_return_reasons(state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    wrapped("return_reasons", state.return_reasons.list().await?)
}

/// `GET /admin/return-reasons/{id}`
pub async fn get_return_reason(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    wrapped("return_reason", state.return_reasons.retrieve(&id).await?)
}

/// `POST /admin/return-reasons`
pub async fn create_return_reason(
    state: web::Data<AppState>,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let input = CreateReturnReason::from_body(body.0)?;
    wrapped("return_reason", state.return_reasons.create(input).await?)
}

/// `POST /admin/return-reasons/{id}`
pub async fn update_return_reason(
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let input = UpdateReturnReason::from_body(body.0)?;
    wrapped(
        "return_reason",
        state.return_reasons.update(&id, input).await?,
    )
}

/// `DELETE /admin/return-reasons/{id}`
pub async fn delete_return_reason(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    state.return_reasons.delete(&id).await?;
    Ok(deleted(&id, "return_reason"))
}
