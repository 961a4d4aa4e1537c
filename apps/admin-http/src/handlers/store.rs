//! `/admin/store`: the store singleton, its currencies and providers.

use actix_web::{web, HttpResponse};
use medusa_store::UpdateStore;
use serde_json::Value;

use crate::{error::ApiResult, extract::JsonBody, handlers::wrapped, state::AppState};

/// `GET /admin/store`
pub async fn get_store(state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    wrapped("store", state.store.retrieve().await?)
}

/// `POST /admin/store`
pub async fn update_store(
    state: web::Data<AppState>,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let input = UpdateStore::from_body(body.0)?;
    wrapped("store", state.store.update(input).await?)
}

/// `POST /admin/store/currencies/{code}`
pub async fn add_store_currency(
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> ApiResult<HttpResponse> {
    wrapped("store", state.store.add_currency(&code).await?)
}

/// `DELETE /admin/store/currencies/{code}`
pub async fn remove_store_currency(
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> ApiResult<HttpResponse> {
    wrapped("store", state.store.remove_currency(&code).await?)
}

/// `GET /admin/store/payment-providers`
pub async fn list_payment_providers(state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    wrapped("payment_providers", state.store.payment_providers().await?)
}

/// `GET /admin/store/tax-providers`
pub async fn list_tax_providers(state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    wrapped("tax_providers", state.store.tax_providers().await?)
}
