//! `/admin/payment-collections/{id}`.

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_order::{plan_payment_collection_retrieve, UpdatePaymentCollection};
use serde_json::{json, Value};

use crate::{error::ApiResult, extract::JsonBody, handlers::wrapped, state::AppState};

/// `GET /admin/payment-collections/{id}`
pub async fn get_payment_collection(
    state: web::Data<AppState>,
    id: web::Path<String>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let selection = plan_payment_collection_retrieve(req.query_string())?;
    let collection = state.payment_collections.retrieve(&id, &selection).await?;
    wrapped("payment_collection", collection)
}

/// `POST /admin/payment-collections/{id}`
pub async fn update_payment_collection(
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let input = UpdatePaymentCollection::from_body(body.0)?;
    let collection = state.payment_collections.update(&id, input).await?;
    wrapped("payment_collection", collection)
}

/// `DELETE /admin/payment-collections/{id}`
pub async fn delete_payment_collection(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    state.payment_collections.delete(&id).await?;
    Ok(HttpResponse::Ok().json(json!({
        "id": id.as_str(),
        "deleted": true,
        "object": "payment_collection",
    })))
}

/// `POST /admin/payment-collections/{id}/authorize`
pub async fn authorize_payment_collection(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let collection = state.payment_collections.authorize(&id).await?;
    wrapped("payment_collection", collection)
}
