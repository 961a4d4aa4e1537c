//! `/admin/payment-collections/{id}`.

use actix_web::{HttpRequest, HttpResponse};
use medusa_order::{plan_payment_collection_retrieve, UpdatePaymentCollection};
use serde_json::json;

use crate::handlers::{wrapped, Answer, Body, Id, State};

/// `GET /admin/payment-collections/{id}`
pub async fn get_payment_collection(state: State, id: Id, req: HttpRequest) -> Answer {
    let selection = plan_payment_collection_retrieve(req.query_string())?;
    let collection = state.payment_collections.retrieve(&id, &selection).await?;
    wrapped("payment_collection", collection)
}

/// `POST /admin/payment-collections/{id}`
pub async fn update_payment_collection(state: State, id: Id, body: Body) -> Answer {
    let input = UpdatePaymentCollection::from_body(body.0)?;
    let collection = state.payment_collections.update(&id, input).await?;
    wrapped("payment_collection", collection)
}

/// `DELETE /admin/payment-collections/{id}`
pub async fn delete_payment_collection(state: State, id: Id) -> Answer {
    state.payment_collections.delete(&id).await?;
    Ok(HttpResponse::Ok().json(json!({
        "id": id.as_str(),
        "deleted": true,
        "object": "payment_collection",
    })))
}

/// `POST /admin/payment-collections/{id}/authorize`
pub async fn authorize_payment_collection(state: State, id: Id) -> Answer {
    let collection = state.payment_collections.authorize(&id).await?;
    wrapped("payment_collection", collection)
}
