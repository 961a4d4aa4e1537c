//! `/admin/payments` (reads).

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_order::plan_payment_retrieve;

use crate::{error::ApiResult, handlers::wrapped, state::AppState};

/// `GET /admin/payments/{id}`
pub async fn get_payment(
    state: web::Data<AppState>,
    id: web::Path<String>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let selection = plan_payment_retrieve(req.query_string())?;
    wrapped("payment", state.payments.retrieve(&id, &selection).await?)
}
