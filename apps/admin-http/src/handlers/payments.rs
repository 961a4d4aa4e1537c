//! `/admin/payments`: the read, capture and refund.

use actix_web::HttpRequest;
use medusa_order::{plan_payment_retrieve, PaymentRefund};

use crate::handlers::{wrapped, Answer, Body, Id, State};

/// `GET /admin/payments/{id}`
pub async fn get_payment(state: State, id: Id, req: HttpRequest) -> Answer {
    let selection = plan_payment_retrieve(req.query_string())?;
    wrapped("payment", state.payments.retrieve(&id, &selection).await?)
}

/// `POST /admin/payments/{id}/capture`
pub async fn capture_payment(state: State, id: Id) -> Answer {
    wrapped("payment", state.order_writes.capture_payment(&id).await?)
}

/// `POST /admin/payments/{id}/refund`
pub async fn refund_payment(state: State, id: Id, body: Body) -> Answer {
    let input = PaymentRefund::from_body(body.0)?;
    wrapped(
        "refund",
        state.order_writes.refund_payment(&id, input).await?,
    )
}
