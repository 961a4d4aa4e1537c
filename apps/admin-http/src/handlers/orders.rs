//! `/admin/orders`: the reads, and the lifecycle writes (each answers with the order as
//! `GET /admin/orders/{id}` shows it, planned from the request's own query string).

use actix_web::{HttpRequest, HttpResponse};
use medusa_core::flags::Flag;
use medusa_order::{
    plan_order_list, plan_order_retrieve, plan_order_retrieve_shared, AddShippingMethod,
    CreateFulfillment, CreateRefund, CreateShipment, OrderQuery, UpdateOrder,
};

use crate::{
    error::ApiResult,
    handlers::{wrapped, Answer, Body, Id, Ids, State},
    state::AppState,
};

/// The answer of an order write: `FindParams` (`expand`, `fields`) of the request.
fn answer_query(state: &AppState, req: &HttpRequest) -> ApiResult<OrderQuery> {
    let sales_channels = state.flags.is_enabled(Flag::SalesChannels);
    Ok(plan_order_retrieve(req.query_string(), sales_channels)?)
}

/// `GET /admin/orders`
pub async fn list_orders(state: State, req: HttpRequest) -> Answer {
    let sales_channels = state.flags.is_enabled(Flag::SalesChannels);
    let query = plan_order_list(req.query_string(), state.backend, sales_channels)?;
    let body = state.orders.list_json(&query).await?;
    Ok(HttpResponse::Ok()
        .content_type(actix_web::http::header::ContentType::json())
        .body(body))
}

/// `GET /admin/orders/{id}`
pub async fn get_order(state: State, id: Id, req: HttpRequest) -> Answer {
    let sales_channels = state.flags.is_enabled(Flag::SalesChannels);
    let query = plan_order_retrieve_shared(req.query_string(), sales_channels)?;
    let body = state.orders.retrieve_json(&id, &query).await?;
    Ok(HttpResponse::Ok()
        .content_type(actix_web::http::header::ContentType::json())
        .body(body))
}

/// `POST /admin/orders/{id}`
pub async fn update_order(state: State, id: Id, req: HttpRequest, body: Body) -> Answer {
    let input = UpdateOrder::from_body(body.0)?;
    let query = answer_query(&state, &req)?;
    wrapped(
        "order",
        state.order_writes.update(&id, input, &query).await?,
    )
}

/// `POST /admin/orders/{id}/complete`
pub async fn complete_order(state: State, id: Id, req: HttpRequest) -> Answer {
    let query = answer_query(&state, &req)?;
    wrapped("order", state.order_writes.complete(&id, &query).await?)
}

/// `POST /admin/orders/{id}/archive`
pub async fn archive_order(state: State, id: Id, req: HttpRequest) -> Answer {
    let query = answer_query(&state, &req)?;
    wrapped("order", state.order_writes.archive(&id, &query).await?)
}

/// `POST /admin/orders/{id}/cancel`
pub async fn cancel_order(state: State, id: Id, req: HttpRequest) -> Answer {
    let query = answer_query(&state, &req)?;
    wrapped("order", state.order_writes.cancel(&id, &query).await?)
}

/// `POST /admin/orders/{id}/capture`
pub async fn capture_order_payment(state: State, id: Id, req: HttpRequest) -> Answer {
    let query = answer_query(&state, &req)?;
    wrapped("order", state.order_writes.capture(&id, &query).await?)
}

/// `POST /admin/orders/{id}/refund`
pub async fn refund_order(state: State, id: Id, req: HttpRequest, body: Body) -> Answer {
    let input = CreateRefund::from_body(body.0)?;
    let query = answer_query(&state, &req)?;
    wrapped(
        "order",
        state.order_writes.refund(&id, input, &query).await?,
    )
}

/// `POST /admin/orders/{id}/fulfillment`
pub async fn create_fulfillment(state: State, id: Id, req: HttpRequest, body: Body) -> Answer {
    let input = CreateFulfillment::from_body(body.0)?;
    let query = answer_query(&state, &req)?;
    let order = state
        .order_writes
        .create_fulfillment(&id, input, &query)
        .await?;
    wrapped("order", order)
}

/// `POST /admin/orders/{id}/fulfillments/{fulfillment_id}/cancel`
pub async fn cancel_fulfillment(state: State, path: Ids, req: HttpRequest) -> Answer {
    let (id, fulfillment_id) = path.into_inner();
    let query = answer_query(&state, &req)?;
    let order = state
        .order_writes
        .cancel_fulfillment(&id, &fulfillment_id, &query)
        .await?;
    wrapped("order", order)
}

/// `POST /admin/orders/{id}/shipment`
pub async fn create_shipment(state: State, id: Id, req: HttpRequest, body: Body) -> Answer {
    let input = CreateShipment::from_body(body.0)?;
    let query = answer_query(&state, &req)?;
    let order = state
        .order_writes
        .create_shipment(&id, input, &query)
        .await?;
    wrapped("order", order)
}

/// `POST /admin/orders/{id}/shipping-methods`
pub async fn add_shipping_method(state: State, id: Id, req: HttpRequest, body: Body) -> Answer {
    let input = AddShippingMethod::from_body(body.0)?;
    let query = answer_query(&state, &req)?;
    let order = state
        .order_writes
        .add_shipping_method(&id, input, &query)
        .await?;
    wrapped("order", order)
}
