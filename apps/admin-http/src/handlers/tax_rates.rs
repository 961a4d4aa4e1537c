//! `/admin/tax-rates`. Every answer carries only the columns `fields[]` selects, and the
//! relations `expand[]` names (both arrays, this route's own grammar).

use actix_web::{HttpRequest, HttpResponse};
use medusa_tax::{CreateTaxRate, LinkIds, LinkKind, TaxRateSelection, UpdateTaxRate};
use serde_json::Value;

use crate::{
    error::ApiResult,
    handlers::{deleted, wrapped, Answer, Body, Id, State},
    state::AppState,
};

fn selection(req: &HttpRequest) -> ApiResult<TaxRateSelection> {
    let raw = medusa_query_dsl::parse(req.query_string())?;
    Ok(TaxRateSelection::for_retrieve(&raw)?)
}

/// `GET /admin/tax-rates`
pub async fn list_tax_rates(state: State, req: HttpRequest) -> Answer {
    let raw = medusa_query_dsl::parse(req.query_string())?;
    let (plan, selection) = medusa_tax::plan_list(&raw, state.backend)?;
    let page = state.tax_rates.list(&plan, &selection).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// `GET /admin/tax-rates/{id}`
pub async fn get_tax_rate(state: State, id: Id, req: HttpRequest) -> Answer {
    let selection = selection(&req)?;
    wrapped("tax_rate", state.tax_rates.retrieve(&id, &selection).await?)
}

/// `POST /admin/tax-rates`
pub async fn create_tax_rate(state: State, req: HttpRequest, body: Body) -> Answer {
    let selection = selection(&req)?;
    let input = CreateTaxRate::from_body(body.0)?;
    wrapped("tax_rate", state.tax_rates.create(input, &selection).await?)
}

/// `POST /admin/tax-rates/{id}`
pub async fn update_tax_rate(state: State, id: Id, req: HttpRequest, body: Body) -> Answer {
    let selection = selection(&req)?;
    let input = UpdateTaxRate::from_body(body.0)?;
    wrapped(
        "tax_rate",
        state.tax_rates.update(&id, input, &selection).await?,
    )
}

/// `DELETE /admin/tax-rates/{id}`
pub async fn delete_tax_rate(state: State, id: Id) -> Answer {
    state.tax_rates.delete(&id).await?;
    Ok(deleted(&id, "tax-rate"))
}

async fn add_links(
    state: &AppState,
    id: &str,
    req: &HttpRequest,
    kind: LinkKind,
    body: Value,
) -> Answer {
    let LinkIds(ids) = LinkIds::from_body(body, kind)?;
    let selection = selection(req)?;
    let view = state.tax_rates.add_links(id, kind, ids, &selection).await?;
    wrapped("tax_rate", view)
}

async fn remove_links(
    state: &AppState,
    id: &str,
    req: &HttpRequest,
    kind: LinkKind,
    body: Value,
) -> Answer {
    let LinkIds(ids) = LinkIds::from_body(body, kind)?;
    let selection = selection(req)?;
    let view = state
        .tax_rates
        .remove_links(id, kind, ids, &selection)
        .await?;
    wrapped("tax_rate", view)
}

/// `POST /admin/tax-rates/{id}/products/batch`
pub async fn add_tax_rate_products(state: State, id: Id, req: HttpRequest, body: Body) -> Answer {
    add_links(&state, &id, &req, LinkKind::Products, body.0).await
}

/// `DELETE /admin/tax-rates/{id}/products/batch`
pub async fn remove_tax_rate_products(
    state: State,
    id: Id,
    req: HttpRequest,
    body: Body,
) -> Answer {
    remove_links(&state, &id, &req, LinkKind::Products, body.0).await
}

/// `POST /admin/tax-rates/{id}/product-types/batch`
pub async fn add_tax_rate_product_types(
    state: State,
    id: Id,
    req: HttpRequest,
    body: Body,
) -> Answer {
    add_links(&state, &id, &req, LinkKind::ProductTypes, body.0).await
}

/// `DELETE /admin/tax-rates/{id}/product-types/batch`
pub async fn remove_tax_rate_product_types(
    state: State,
    id: Id,
    req: HttpRequest,
    body: Body,
) -> Answer {
    remove_links(&state, &id, &req, LinkKind::ProductTypes, body.0).await
}

/// `POST /admin/tax-rates/{id}/shipping-options/batch`
pub async fn add_tax_rate_shipping_options(
    state: State,
    id: Id,
    req: HttpRequest,
    body: Body,
) -> Answer {
    add_links(&state, &id, &req, LinkKind::ShippingOptions, body.0).await
}

/// `DELETE /admin/tax-rates/{id}/shipping-options/batch`
pub async fn remove_tax_rate_shipping_options(
    state: State,
    id: Id,
    req: HttpRequest,
    body: Body,
) -> Answer {
    remove_links(&state, &id, &req, LinkKind::ShippingOptions, body.0).await
}
