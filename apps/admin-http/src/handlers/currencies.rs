//! `/admin/currencies`: the currency catalogue and its `includes_tax` setting.

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_store::{currency_list_spec, UpdateCurrency};
use serde_json::Value;

use crate::{
    error::ApiResult,
    extract::JsonBody,
    handlers::{list_plan, list_response, wrapped},
    state::AppState,
};

/// `GET /admin/currencies`
pub async fn list_currencies(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let plan = list_plan(&req, &state, currency_list_spec(state.flags))?;
    let page = state.currencies.list(&plan).await?;
    list_response(page, &plan)
}

/// `POST /admin/currencies/{code}`
pub async fn update_currency(
    state: web::Data<AppState>,
    code: web::Path<String>,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let input = UpdateCurrency::from_body(body.0, state.flags)?;
    wrapped("currency", state.currencies.update(&code, input).await?)
}
