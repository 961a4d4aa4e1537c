//! `/admin/tax-rates`. Every answer carries only the columns `fields[]` selects, and the
//! relations `expand[]` names (both arrays, this route's own grammar).

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_tax::{CreateTaxRate, LinkKind, TaxRateSelection, UpdateTaxRate};
use serde::Deserialize;
use validator::Validate;

use crate::{
    error::ApiResult,
    extract::ValidJson,
    handlers::{deleted, wrapped},
    state::AppState,
};

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateTaxRateBody {
    #[validate(required(message = "code must be a string"))]
    code: Option<String>,
    #[validate(required(message = "name must be a string"))]
    name: Option<String>,
    #[validate(required(message = "region_id must be a string"))]
    region_id: Option<String>,
    rate: Option<f64>,
    products: Option<Vec<String>>,
    shipping_options: Option<Vec<String>>,
    product_types: Option<Vec<String>>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct UpdateTaxRateBody {
    code: Option<String>,
    name: Option<String>,
    region_id: Option<String>,
    rate: Option<f64>,
    products: Option<Vec<String>>,
    shipping_options: Option<Vec<String>>,
    product_types: Option<Vec<String>>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct ProductsBody {
    #[validate(required(message = "products must be an array"))]
    products: Option<Vec<String>>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct ProductTypesBody {
    #[validate(required(message = "product_types must be an array"))]
    product_types: Option<Vec<String>>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct ShippingOptionsBody {
    #[validate(required(message = "shipping_options must be an array"))]
    shipping_options: Option<Vec<String>>,
}

fn selection(req: &HttpRequest) -> ApiResult<TaxRateSelection> {
    let raw = medusa_query_dsl::parse(req.query_string())?;
    Ok(TaxRateSelection::for_retrieve(&raw)?)
}

/// `GET /admin/tax-rates`
pub async fn list_tax_rates(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let raw = medusa_query_dsl::parse(req.query_string())?;
    let (plan, selection) = medusa_tax::plan_list(&raw, state.backend)?;
    let page = state.tax_rates.list(&plan, &selection).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// `GET /admin/tax-rates/{id}`
pub async fn get_tax_rate(
    state: web::Data<AppState>,
    id: web::Path<String>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let selection = selection(&req)?;
    wrapped("tax_rate", state.tax_rates.retrieve(&id, &selection).await?)
}

/// `POST /admin/tax-rates`
pub async fn create_tax_rate(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: ValidJson<CreateTaxRateBody>,
) -> ApiResult<HttpResponse> {
    let selection = selection(&req)?;
    let body = body.0;
    let input = CreateTaxRate {
        code: body.code.unwrap_or_default(),
        name: body.name.unwrap_or_default(),
        region_id: body.region_id.unwrap_or_default(),
        rate: body.rate,
        products: body.products,
        product_types: body.product_types,
        shipping_options: body.shipping_options,
    };
    wrapped("tax_rate", state.tax_rates.create(input, &selection).await?)
}

/// `POST /admin/tax-rates/{id}`
pub async fn update_tax_rate(
    state: web::Data<AppState>,
    id: web::Path<String>,
    req: HttpRequest,
    body: ValidJson<UpdateTaxRateBody>,
) -> ApiResult<HttpResponse> {
    let selection = selection(&req)?;
    let body = body.0;
    let input = UpdateTaxRate {
        code: body.code,
        name: body.name,
        region_id: body.region_id,
        rate: body.rate,
        products: body.products,
        product_types: body.product_types,
        shipping_options: body.shipping_options,
    };
    wrapped(
        "tax_rate",
        state.tax_rates.update(&id, input, &selection).await?,
    )
}

/// `DELETE /admin/tax-rates/{id}`
pub async fn delete_tax_rate(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    state.tax_rates.delete(&id).await?;
    Ok(deleted(&id, "tax-rate"))
}

async fn add_links(
    state: &AppState,
    id: &str,
    req: &HttpRequest,
    kind: LinkKind,
    ids: Option<Vec<String>>,
) -> ApiResult<HttpResponse> {
    let selection = selection(req)?;
    let view = state
        .tax_rates
        .add_links(id, kind, ids.unwrap_or_default(), &selection)
        .await?;
    wrapped("tax_rate", view)
}

async fn remove_links(
    state: &AppState,
    id: &str,
    req: &HttpRequest,
    kind: LinkKind,
    ids: Option<Vec<String>>,
) -> ApiResult<HttpResponse> {
    let selection = selection(req)?;
    let view = state
        .tax_rates
        .remove_links(id, kind, ids.unwrap_or_default(), &selection)
        .await?;
    wrapped("tax_rate", view)
}

/// `POST /admin/tax-rates/{id}/products/batch`
pub async fn add_tax_rate_products(
    state: web::Data<AppState>,
    id: web::Path<String>,
    req: HttpRequest,
    body: ValidJson<ProductsBody>,
) -> ApiResult<HttpResponse> {
    add_links(&state, &id, &req, LinkKind::Products, body.0.products).await
}

/// `DELETE /admin/tax-rates/{id}/products/batch`
pub async fn remove_tax_rate_products(
    state: web::Data<AppState>,
    id: web::Path<String>,
    req: HttpRequest,
    body: ValidJson<ProductsBody>,
) -> ApiResult<HttpResponse> {
    remove_links(&state, &id, &req, LinkKind::Products, body.0.products).await
}

/// `POST /admin/tax-rates/{id}/product-types/batch`
pub async fn add_tax_rate_product_types(
    state: web::Data<AppState>,
    id: web::Path<String>,
    req: HttpRequest,
    body: ValidJson<ProductTypesBody>,
) -> ApiResult<HttpResponse> {
    add_links(
        &state,
        &id,
        &req,
        LinkKind::ProductTypes,
        body.0.product_types,
    )
    .await
}

/// `DELETE /admin/tax-rates/{id}/product-types/batch`
pub async fn remove_tax_rate_product_types(
    state: web::Data<AppState>,
    id: web::Path<String>,
    req: HttpRequest,
    body: ValidJson<ProductTypesBody>,
) -> ApiResult<HttpResponse> {
    remove_links(
        &state,
        &id,
        &req,
        LinkKind::ProductTypes,
        body.0.product_types,
    )
    .await
}

/// `POST /admin/tax-rates/{id}/shipping-options/batch`
pub async fn add_tax_rate_shipping_options(
    state: web::Data<AppState>,
    id: web::Path<String>,
    req: HttpRequest,
    body: ValidJson<ShippingOptionsBody>,
) -> ApiResult<HttpResponse> {
    add_links(
        &state,
        &id,
        &req,
        LinkKind::ShippingOptions,
        body.0.shipping_options,
    )
    .await
}

/// `DELETE /admin/tax-rates/{id}/shipping-options/batch`
pub async fn remove_tax_rate_shipping_options(
    state: web::Data<AppState>,
    id: web::Path<String>,
    req: HttpRequest,
    body: ValidJson<ShippingOptionsBody>,
) -> ApiResult<HttpResponse> {
    remove_links(
        &state,
        &id,
        &req,
        LinkKind::ShippingOptions,
        body.0.shipping_options,
    )
    .await
}
