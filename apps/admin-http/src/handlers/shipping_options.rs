//! `/admin/shipping-options`.

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_shipping::{shipping_option_list_spec, CreateShippingOption, UpdateShippingOption};
use serde_json::Value;

use crate::{
    error::ApiResult,
    extract::JsonBody,
    handlers::{deleted, list_plan, wrapped},
    state::AppState,
};

/// `GET /admin/shipping-options`
pub async fn list_shipping_options(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let plan = list_plan(&req, &state, shipping_option_list_spec(state.flags))?;
    let page = state.shipping_options.list(&plan).await?;
    let page = page.map(|option| option.to_json(&plan.selection));
    Ok(HttpResponse::Ok().json(page))
}

/// `GET /admin/shipping-options/{id}`
pub async fn get_shipping_option(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    wrapped(
        "shipping_option",
        state.shipping_options.retrieve(&id).await?,
    )
}

/// `POST /admin/shipping-options`
pub async fn create_shipping_option(
    state: web::Data<AppState>,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let input = CreateShippingOption::from_body(body.0, state.flags)?;
    wrapped(
        "shipping_option",
        state.shipping_options.create(input).await?,
    )
}

/// `POST /admin/shipping-options/{id}`
pub async fn update_shipping_option(
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let input = UpdateShippingOption::from_body(body.0, state.flags)?;
    wrapped(
        "shipping_option",
        state.shipping_options.update(&id, input).await?,
    )
}

/// `DELETE /admin/shipping-options/{id}`
pub async fn delete_shipping_option(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    state.shipping_options.delete(&id).await?;
    Ok(deleted(&id, "shipping-option"))
}
