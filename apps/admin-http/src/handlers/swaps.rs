//! `/admin/orders/{id}/swaps...` (each answers the order as `GET /admin/orders/{id}` reads it
//! with the request's `expand`/`fields`) and `/admin/swaps`.

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_core::flags::Flag;
use medusa_order::{plan_order_retrieve, OrderQuery};
use medusa_returns::{CreateSwap, FulfillAdditionalItems, ShipSwap};
use serde_json::Value;

use crate::{error::ApiResult, extract::JsonBody, handlers::wrapped, state::AppState};

fn answer_query(state: &AppState, req: &HttpRequest) -> ApiResult<OrderQuery> {
    let sales_channels = state.flags.is_enabled(Flag::SalesChannels);
    Ok(plan_order_retrieve(req.query_string(), sales_channels)?)
}

/// `POST /admin/orders/{id}/swaps`
pub async fn create_swap(
    state: web::Data<AppState>,
    id: web::Path<String>,
    req: HttpRequest,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let input = CreateSwap::from_body(body.0)?;
    let query = answer_query(&state, &req)?;
    wrapped("order", state.swaps.create(&id, input, &query).await?)
}

/// `POST /admin/orders/{id}/swaps/{swap_id}/process-payment`
pub async fn process_swap_payment(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let (id, swap_id) = path.into_inner();
    let query = answer_query(&state, &req)?;
    wrapped(
        "order",
        state.swaps.process_payment(&id, &swap_id, &query).await?,
    )
}

/// `POST /admin/orders/{id}/swaps/{swap_id}/cancel`
pub async fn cancel_swap(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let (id, swap_id) = path.into_inner();
    let query = answer_query(&state, &req)?;
    wrapped("order", state.swaps.cancel(&id, &swap_id, &query).await?)
}

/// `POST /admin/orders/{id}/swaps/{swap_id}/fulfillments`
pub async fn fulfill_swap(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    req: HttpRequest,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let (id, swap_id) = path.into_inner();
    let input = FulfillAdditionalItems::from_body(body.0)?;
    let query = answer_query(&state, &req)?;
    wrapped(
        "order",
        state.swaps.fulfill(&id, &swap_id, input, &query).await?,
    )
}

/// `POST /admin/orders/{id}/swaps/{swap_id}/fulfillments/{fulfillment_id}/cancel`
pub async fn cancel_swap_fulfillment(
    state: web::Data<AppState>,
    path: web::Path<(String, String, String)>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let (id, swap_id, fulfillment_id) = path.into_inner();
    let query = answer_query(&state, &req)?;
    let order = state
        .swaps
        .cancel_fulfillment(&id, &swap_id, &fulfillment_id, &query)
        .await?;
    wrapped("order", order)
}

/// `POST /admin/orders/{id}/swaps/{swap_id}/shipments`
pub async fn ship_swap(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    req: HttpRequest,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let (id, swap_id) = path.into_inner();
    let input = ShipSwap::from_body(body.0)?;
    let query = answer_query(&state, &req)?;
    wrapped(
        "order",
        state.swaps.ship(&id, &swap_id, input, &query).await?,
    )
}

/// `GET /admin/swaps`
pub async fn list_swaps(state: web::Data<AppState>, req: HttpRequest) -> ApiResult<HttpResponse> {
    let page = state.swaps.list(req.query_string()).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// `GET /admin/swaps/{id}`
pub async fn get_swap(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    wrapped("swap", state.swaps.retrieve(&id).await?)
}
