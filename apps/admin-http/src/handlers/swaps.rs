//! `/admin/orders/{id}/swaps...` (each answers the order as `GET /admin/orders/{id}` reads it
//! with the request's `expand`/`fields`) and `/admin/swaps`.

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_core::flags::Flag;
use medusa_order::{plan_order_retrieve, OrderQuery};
use medusa_returns::{CreateSwap, FulfillAdditionalItems, ShipSwap};

use crate::{
    error::ApiResult,
    handlers::{wrapped, Answer, Body, Id, Ids, State},
    state::AppState,
};

fn answer_query(state: &AppState, req: &HttpRequest) -> ApiResult<OrderQuery> {
    let sales_channels = state.flags.is_enabled(Flag::SalesChannels);
    Ok(plan_order_retrieve(req.query_string(), sales_channels)?)
}

/// `POST /admin/orders/{id}/swaps`
pub async fn create_swap(state: State, id: Id, req: HttpRequest, body: Body) -> Answer {
    let input = CreateSwap::from_body(body.0)?;
    let query = answer_query(&state, &req)?;
    wrapped("order", state.swaps.create(&id, input, &query).await?)
}

/// `POST /admin/orders/{id}/swaps/{swap_id}/process-payment`
pub async fn process_swap_payment(state: State, path: Ids, req: HttpRequest) -> Answer {
    let (id, swap_id) = path.into_inner();
    let query = answer_query(&state, &req)?;
    wrapped(
        "order",
        state.swaps.process_payment(&id, &swap_id, &query).await?,
    )
}

/// `POST /admin/orders/{id}/swaps/{swap_id}/cancel`
pub async fn cancel_swap(state: State, path: Ids, req: HttpRequest) -> Answer {
    let (id, swap_id) = path.into_inner();
    let query = answer_query(&state, &req)?;
    wrapped("order", state.swaps.cancel(&id, &swap_id, &query).await?)
}

/// `POST /admin/orders/{id}/swaps/{swap_id}/fulfillments`
pub async fn fulfill_swap(state: State, path: Ids, req: HttpRequest, body: Body) -> Answer {
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
    state: State,
    path: web::Path<(String, String, String)>,
    req: HttpRequest,
) -> Answer {
    let (id, swap_id, fulfillment_id) = path.into_inner();
    let query = answer_query(&state, &req)?;
    let order = state
        .swaps
        .cancel_fulfillment(&id, &swap_id, &fulfillment_id, &query)
        .await?;
    wrapped("order", order)
}

/// `POST /admin/orders/{id}/swaps/{swap_id}/shipments`
pub async fn ship_swap(state: State, path: Ids, req: HttpRequest, body: Body) -> Answer {
    let (id, swap_id) = path.into_inner();
    let input = ShipSwap::from_body(body.0)?;
    let query = answer_query(&state, &req)?;
    wrapped(
        "order",
        state.swaps.ship(&id, &swap_id, input, &query).await?,
    )
}

/// `GET /admin/swaps`
pub async fn list_swaps(state: State, req: HttpRequest) -> Answer {
    let page = state.swaps.list(req.query_string()).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// `GET /admin/swaps/{id}`
pub async fn get_swap(state: State, id: Id) -> Answer {
    wrapped("swap", state.swaps.retrieve(&id).await?)
}
