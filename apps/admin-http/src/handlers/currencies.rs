//! `/admin/currencies`: the currency catalogue and its `includes_tax` setting.

use actix_web::{web, HttpRequest};
use medusa_store::{currency_list_spec, UpdateCurrency};

use crate::handlers::{list_plan, list_response, wrapped, Answer, Body, State};

/// `GET /admin/currencies`
pub async fn list_currencies(state: State, req: HttpRequest) -> Answer {
    let plan = list_plan(&req, &state, currency_list_spec(state.flags))?;
    let page = state.currencies.list(&plan).await?;
    list_response(page, &plan)
}

/// `POST /admin/currencies/{code}`
pub async fn update_currency(state: State, code: web::Path<String>, body: Body) -> Answer {
    let input = UpdateCurrency::from_body_with(body.0, state.flags)?;
    wrapped("currency", state.currencies.update(&code, input).await?)
}
