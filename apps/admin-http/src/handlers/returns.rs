//! `/admin/returns` and `POST /admin/orders/{id}/return`.

use actix_web::{HttpRequest, HttpResponse};
use medusa_core::flags::Flag;
use medusa_order::plan_order_retrieve;
use medusa_returns::{ReceiveReturn, RequestReturn};

use crate::handlers::{wrapped, Answer, Body, Id, State};

/// `GET /admin/returns`
pub async fn list_returns(state: State, req: HttpRequest) -> Answer {
    let page = state.returns.list(req.query_string()).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// `POST /admin/orders/{id}/return`: answers the order as `GET /admin/orders/{id}` would.
pub async fn request_return(state: State, id: Id, req: HttpRequest, body: Body) -> Answer {
    let input = RequestReturn::from_body(body.0)?;
    let sales_channels = state.flags.is_enabled(Flag::SalesChannels);
    let answer = plan_order_retrieve(req.query_string(), sales_channels)?;
    wrapped("order", state.returns.request(&id, input, &answer).await?)
}

/// `POST /admin/returns/{id}/receive`
pub async fn receive_return(state: State, id: Id, body: Body) -> Answer {
    let input = ReceiveReturn::from_body(body.0)?;
    wrapped("return", state.returns.receive(&id, input).await?)
}

/// `POST /admin/returns/{id}/cancel`: answers the return's order (Medusa's route takes no
/// query: the order's default fields and relations, never the sales channel ones).
pub async fn cancel_return(state: State, id: Id) -> Answer {
    let answer = plan_order_retrieve("", false)?;
    wrapped("order", state.returns.cancel(&id, &answer).await?)
}
