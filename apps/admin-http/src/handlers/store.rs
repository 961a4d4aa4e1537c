//! `/admin/store`: the store singleton, its currencies and providers.

use actix_web::web;
use medusa_store::UpdateStore;

use crate::handlers::{wrapped, Answer, Body, State};

/// `GET /admin/store`
pub async fn get_store(state: State) -> Answer {
    wrapped("store", state.store.retrieve().await?)
}

/// `POST /admin/store`
pub async fn update_store(state: State, body: Body) -> Answer {
    let input = UpdateStore::from_body(body.0)?;
    wrapped("store", state.store.update(input).await?)
}

/// `POST /admin/store/currencies/{code}`
pub async fn add_store_currency(state: State, code: web::Path<String>) -> Answer {
    wrapped("store", state.store.add_currency(&code).await?)
}

/// `DELETE /admin/store/currencies/{code}`
pub async fn remove_store_currency(state: State, code: web::Path<String>) -> Answer {
    wrapped("store", state.store.remove_currency(&code).await?)
}

/// `GET /admin/store/payment-providers`
pub async fn list_payment_providers(state: State) -> Answer {
    wrapped("payment_providers", state.store.payment_providers().await?)
}

/// `GET /admin/store/tax-providers`
pub async fn list_tax_providers(state: State) -> Answer {
    wrapped("tax_providers", state.store.tax_providers().await?)
}
