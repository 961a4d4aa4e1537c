//! `/admin/currencies`: the currency catalogue.
//!
//! `POST /admin/currencies/{code}` is absent on purpose: in Medusa 1.20 it exists only behind
//! the tax-inclusive-pricing flag, which is off, and the schema has no `includes_tax` column.

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_store::CURRENCY_LIST;

use crate::{
    error::ApiResult,
    handlers::{list_plan, list_response},
    state::AppState,
};

/// `GET /admin/currencies`
pub async fn list_currencies(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let plan = list_plan(&req, &state, &CURRENCY_LIST)?;
    let page = state.currencies.list(&plan).await?;
    list_response(page, &plan)
}
