//! `/admin/analytics-configs`: the calling admin's analytics preferences, behind the
//! `analytics` feature flag (the dashboard asks for them on every page).

use actix_web::{web, HttpResponse};
use medusa_auth::{CreateAnalyticsConfig, UpdateAnalyticsConfig};
use serde_json::Value;

use crate::{
    error::ApiResult, extract::JsonBody, handlers::wrapped, middleware::auth::Caller,
    state::AppState,
};

pub async fn get_analytics_config(
    state: web::Data<AppState>,
    Caller(caller): Caller,
) -> ApiResult<HttpResponse> {
    let config = state.analytics_configs.retrieve(&caller.user_id).await?;
    wrapped("analytics_config", config)
}

pub async fn create_analytics_config(
    state: web::Data<AppState>,
    Caller(caller): Caller,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let input = CreateAnalyticsConfig::from_body(body.0)?;
    let config = state
        .analytics_configs
        .create(&caller.user_id, input)
        .await?;
    wrapped("analytics_config", config)
}

pub async fn update_analytics_config(
    state: web::Data<AppState>,
    Caller(caller): Caller,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let input = UpdateAnalyticsConfig::from_body(body.0)?;
    let config = state
        .analytics_configs
        .update(&caller.user_id, input)
        .await?;
    wrapped("analytics_config", config)
}

pub async fn delete_analytics_config(
    state: web::Data<AppState>,
    Caller(caller): Caller,
) -> ApiResult<HttpResponse> {
    state.analytics_configs.delete(&caller.user_id).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({
        "user_id": caller.user_id,
        "object": "analytics_config",
        "deleted": true,
    })))
}
