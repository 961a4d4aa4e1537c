//! `/admin/analytics-configs`: the calling admin's analytics preferences, behind the
//! `analytics` feature flag (the dashboard asks for them on every page).

use actix_web::HttpResponse;
use medusa_auth::{CreateAnalyticsConfig, UpdateAnalyticsConfig};

use crate::{
    handlers::{wrapped, Answer, Body, State},
    middleware::auth::Caller,
};

pub async fn get_analytics_config(state: State, Caller(caller): Caller) -> Answer {
    let config = state.analytics_configs.retrieve(&caller.user_id).await?;
    wrapped("analytics_config", config)
}

pub async fn create_analytics_config(state: State, Caller(caller): Caller, body: Body) -> Answer {
    let input = CreateAnalyticsConfig::from_body(body.0)?;
    let config = state
        .analytics_configs
        .create(&caller.user_id, input)
        .await?;
    wrapped("analytics_config", config)
}

pub async fn update_analytics_config(state: State, Caller(caller): Caller, body: Body) -> Answer {
    let input = UpdateAnalyticsConfig::from_body(body.0)?;
    let config = state
        .analytics_configs
        .update(&caller.user_id, input)
        .await?;
    wrapped("analytics_config", config)
}

pub async fn delete_analytics_config(state: State, Caller(caller): Caller) -> Answer {
    state.analytics_configs.delete(&caller.user_id).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({
        "user_id": caller.user_id,
        "object": "analytics_config",
        "deleted": true,
    })))
}
