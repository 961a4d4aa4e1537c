//! `/admin/publishable-api-keys`.

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_sales_channel::{
    sales_channel_ids_from_body, sales_channel_search, KeyTitle, PUBLISHABLE_API_KEY_LIST,
};
use serde_json::Value;

use crate::{
    error::ApiResult,
    extract::JsonBody,
    handlers::{deleted, list_plan, list_response, wrapped},
    middleware::auth::Caller,
    state::AppState,
};

/// `GET /admin/publishable-api-keys`
pub async fn list_publishable_api_keys(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let plan = list_plan(&req, &state, &PUBLISHABLE_API_KEY_LIST)?;
    let page = state.publishable_api_keys.list(&plan).await?;
    list_response(page, &plan)
}

/// `GET /admin/publishable-api-keys/{id}`
pub async fn get_publishable_api_key(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    wrapped(
        "publishable_api_key",
        state.publishable_api_keys.retrieve(&id).await?,
    )
}

/// `POST /admin/publishable-api-keys`
pub async fn create_publishable_api_key(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let title = KeyTitle::from_create_body(body.0)?.0.unwrap_or_default();
    wrapped(
        "publishable_api_key",
        state
            .publishable_api_keys
            .create(&title, &caller.0.user_id)
            .await?,
    )
}

/// `POST /admin/publishable-api-keys/{id}`
pub async fn update_publishable_api_key(
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let KeyTitle(title) = KeyTitle::from_update_body(body.0)?;
    wrapped(
        "publishable_api_key",
        state
            .publishable_api_keys
            .update(&id, title.as_deref())
            .await?,
    )
}

/// `POST /admin/publishable-api-keys/{id}/revoke`
pub async fn revoke_publishable_api_key(
    state: web::Data<AppState>,
    id: web::Path<String>,
    caller: Caller,
) -> ApiResult<HttpResponse> {
    wrapped(
        "publishable_api_key",
        state
            .publishable_api_keys
            .revoke(&id, &caller.0.user_id)
            .await?,
    )
}

/// `DELETE /admin/publishable-api-keys/{id}`
pub async fn delete_publishable_api_key(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    state.publishable_api_keys.delete(&id).await?;
    Ok(deleted(&id, "publishable_api_key"))
}

/// `GET /admin/publishable-api-keys/{id}/sales-channels`
pub async fn list_publishable_api_key_sales_channels(
    state: web::Data<AppState>,
    id: web::Path<String>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let q = sales_channel_search(req.query_string())?;
    wrapped(
        "sales_channels",
        state
            .publishable_api_keys
            .list_sales_channels(&id, q.as_deref())
            .await?,
    )
}

/// `POST /admin/publishable-api-keys/{id}/sales-channels/batch`
pub async fn add_publishable_api_key_sales_channels(
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    wrapped(
        "publishable_api_key",
        state
            .publishable_api_keys
            .add_sales_channels(&id, &sales_channel_ids_from_body(body.0)?)
            .await?,
    )
}

/// `DELETE /admin/publishable-api-keys/{id}/sales-channels/batch`
pub async fn remove_publishable_api_key_sales_channels(
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    wrapped(
        "publishable_api_key",
        state
            .publishable_api_keys
            .remove_sales_channels(&id, &sales_channel_ids_from_body(body.0)?)
            .await?,
    )
}
