//! `/admin/orders/{id}/claims...`: each route answers the order as `GET /admin/orders/{id}`
//! reads it with the request's `expand`/`fields`.

use actix_web::{web, HttpRequest};
use medusa_core::flags::Flag;
use medusa_order::{plan_order_retrieve, OrderQuery};
use medusa_returns::{CreateClaim, FulfillAdditionalItems, ShipClaim, UpdateClaim};

use crate::{
    error::ApiResult,
    handlers::{wrapped, Answer, Body, Id, Ids, State},
    state::AppState,
};

fn answer_query(state: &AppState, req: &HttpRequest) -> ApiResult<OrderQuery> {
    let sales_channels = state.flags.is_enabled(Flag::SalesChannels);
    Ok(plan_order_retrieve(req.query_string(), sales_channels)?)
}

/// `POST /admin/orders/{id}/claims`
pub async fn create_claim(state: State, id: Id, req: HttpRequest, body: Body) -> Answer {
    let input = CreateClaim::from_body(body.0)?;
    let query = answer_query(&state, &req)?;
    wrapped("order", state.claims.create(&id, input, &query).await?)
}

/// `POST /admin/orders/{id}/claims/{claim_id}`
pub async fn update_claim(state: State, path: Ids, req: HttpRequest, body: Body) -> Answer {
    let (id, claim_id) = path.into_inner();
    let input = UpdateClaim::from_body(body.0)?;
    let query = answer_query(&state, &req)?;
    wrapped(
        "order",
        state.claims.update(&id, &claim_id, input, &query).await?,
    )
}

/// `POST /admin/orders/{id}/claims/{claim_id}/cancel`
pub async fn cancel_claim(state: State, path: Ids, req: HttpRequest) -> Answer {
    let (id, claim_id) = path.into_inner();
    let query = answer_query(&state, &req)?;
    wrapped("order", state.claims.cancel(&id, &claim_id, &query).await?)
}

/// `POST /admin/orders/{id}/claims/{claim_id}/fulfillments`
pub async fn fulfill_claim(state: State, path: Ids, req: HttpRequest, body: Body) -> Answer {
    let (id, claim_id) = path.into_inner();
    let input = FulfillAdditionalItems::from_body(body.0)?;
    let query = answer_query(&state, &req)?;
    wrapped(
        "order",
        state.claims.fulfill(&id, &claim_id, input, &query).await?,
    )
}

/// `POST /admin/orders/{id}/claims/{claim_id}/fulfillments/{fulfillment_id}/cancel`
pub async fn cancel_claim_fulfillment(
    state: State,
    path: web::Path<(String, String, String)>,
    req: HttpRequest,
) -> Answer {
    let (id, claim_id, fulfillment_id) = path.into_inner();
    let query = answer_query(&state, &req)?;
    let order = state
        .claims
        .cancel_fulfillment(&id, &claim_id, &fulfillment_id, &query)
        .await?;
    wrapped("order", order)
}

/// `POST /admin/orders/{id}/claims/{claim_id}/shipments`
pub async fn ship_claim(state: State, path: Ids, req: HttpRequest, body: Body) -> Answer {
    let (id, claim_id) = path.into_inner();
    let input = ShipClaim::from_body(body.0)?;
    let query = answer_query(&state, &req)?;
    wrapped(
        "order",
        state.claims.ship(&id, &claim_id, input, &query).await?,
    )
}
