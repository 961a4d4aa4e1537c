//! `/admin/shipping-profiles`.

use actix_web::{web, HttpResponse};
use medusa_entity::sea_orm_active_enums::ShippingProfileTypeEnum;
use medusa_shipping::{CreateShippingProfile, UpdateShippingProfile};
use serde::Deserialize;
use serde_json::{Map, Value};
use validator::Validate;

use crate::{
    error::ApiResult,
    extract::ValidJson,
    handlers::{deleted, wrapped},
    state::AppState,
};

const TYPE_MESSAGE: &str = "type must be one of 'default', 'custom', 'gift_card'";

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateShippingProfileBody {
    #[validate(required(message = "name must be a string"))]
    name: Option<String>,
    #[validate(required(message = "type must be one of 'default', 'custom', 'gift_card'"))]
    r#type: Option<Value>,
    metadata: Option<Map<String, Value>>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct UpdateShippingProfileBody {
    name: Option<String>,
    metadata: Option<Map<String, Value>>,
    r#type: Option<Value>,
    products: Option<Vec<String>>,
    shipping_options: Option<Vec<String>>,
}

/// The profile type, refused with Medusa's message whatever the wrong value's JSON type.
fn profile_type(value: &Value) -> Result<ShippingProfileTypeEnum, medusa_core::Error> {
    match value.as_str() {
        Some("default") => Ok(ShippingProfileTypeEnum::Default),
        Some("gift_card") => Ok(ShippingProfileTypeEnum::GiftCard),
        Some("custom") => Ok(ShippingProfileTypeEnum::Custom),
        _ => Err(medusa_core::Error::invalid_data(TYPE_MESSAGE)),
    }
}

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
    body: ValidJson<CreateShippingProfileBody>,
) -> ApiResult<HttpResponse> {
    let body = body.0;
    let input = CreateShippingProfile {
        name: body.name.unwrap_or_default(),
        profile_type: profile_type(&body.r#type.unwrap_or_default())?,
        metadata: body.metadata,
    };
    wrapped(
        "shipping_profile",
        state.shipping_profiles.create(input).await?,
    )
}

/// `POST /admin/shipping-profiles/{id}`
pub async fn update_shipping_profile(
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: ValidJson<UpdateShippingProfileBody>,
) -> ApiResult<HttpResponse> {
    let body = body.0;
    let input = UpdateShippingProfile {
        name: body.name,
        profile_type: body.r#type.as_ref().map(profile_type).transpose()?,
        metadata: body.metadata,
        products: body.products,
        shipping_options: body.shipping_options,
    };
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
