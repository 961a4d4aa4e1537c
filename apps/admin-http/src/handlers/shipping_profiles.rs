//! `/admin/shipping-profiles`.

use actix_web::{web, HttpResponse};
use medusa_shipping::{CreateShippingProfile, UpdateShippingProfile};
use serde_json::Value;

use crate::{
    error::ApiResult,
    extract::JsonBody,
    handlers::{deleted, wrapped},
    state::AppState,
};

/// `GET /admin/shipping-profiles`
pub async fn list_shipping_profiles(state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    wrapped("shipping_profiles", state.shipping_profiles.list().await?)
}

/// `GET /admin/shipping-profiles/{id}`
pub async fn get_shipping_profile(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    wrapped(
        "shipping_profile",
        state.shipping_profiles.retrieve(&id).await?,
    )
}

/// `POST /admin/shipping-profiles`
pub async fn create_shipping_profile(
    state: web::Data<AppState>,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let input = CreateShippingProfile::from_body(body.0)?;
    wrapped(
        "shipping_profile",
        state.shipping_profiles.create(input).await?,
    )
}

/// `POST /admin/shipping-profiles/{id}`
pub async fn update_shipping_profile(
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let input = UpdateShippingProfile::from_body(body.0)?;
    wrapped(
        "shipping_profile",
        state.shipping_profiles.update(&id, input).await?,
    )
}

/// `DELETE /admin/shipping-profiles/{id}`
pub async fn delete_shipping_profile(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    state.shipping_profiles.delete(&id).await?;
    Ok(deleted(&id, "shipping_profile"))
}
