//! `/admin/payments`: the read, capture and refund.

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_order::{plan_payment_retrieve, PaymentRefund};
use serde_json::Value;

use crate::{error::ApiResult, extract::JsonBody, handlers::wrapped, state::AppState};

/// `GET /admin/payments/{id}`
pub async fn get_payment(
    state: web::Data<AppState>,
    id: web::Path<String>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let selection = plan_payment_retrieve(req.query_string())?;
    wrapped("payment", state.payments.retrieve(&id, &selection).await?)
}

/// `POST /admin/payments/{id}/capture`
pub async fn capture_payment(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    wrapped("payment", state.order_writes.capture_payment(&id).await?)
}

/// `POST /admin/payments/{id}/refund`
pub async fn refund_payment(
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let input = PaymentRefund::from_body(body.0)?;
    wrapped(
        "refund",
        state.order_writes.refund_payment(&id, input).await?,
    )
}
