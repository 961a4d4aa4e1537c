//! `/admin/collections`: product collections and their product batches.

use actix_web::{HttpRequest, HttpResponse};
use medusa_catalog::{
    collection_product_ids_from_body, CreateCollection, UpdateCollection, COLLECTION_LIST,
};
use serde_json::json;

use crate::handlers::{deleted, list_plan, list_response, wrapped, Answer, Body, Id, State};

/// `GET /admin/collections`
pub async fn list_collections(state: State, req: HttpRequest) -> Answer {
    let plan = list_plan(&req, &state, &COLLECTION_LIST)?;
    let raw = medusa_query_dsl::parse(req.query_string())?;
    let condition = medusa_query_dsl::passthrough_text(&raw, "discount_condition_id")?;
    let page = state.collections.list(&plan, condition).await?;
    list_response(page, &plan)
}

/// `GET /admin/collections/{id}`: Medusa reads no query parameter here.
pub async fn get_collection(state: State, id: Id) -> Answer {
    wrapped("collection", state.collections.retrieve(&id).await?)
}

/// `POST /admin/collections`
pub async fn create_collection(state: State, body: Body) -> Answer {
    let input = CreateCollection::from_body(body.0)?;
    wrapped("collection", state.collections.create(input).await?)
}

/// `POST /admin/collections/{id}`
pub async fn update_collection(state: State, id: Id, body: Body) -> Answer {
    let input = UpdateCollection::from_body(body.0)?;
    wrapped("collection", state.collections.update(&id, input).await?)
}

/// `DELETE /admin/collections/{id}`
pub async fn delete_collection(state: State, id: Id) -> Answer {
    state.collections.delete(&id).await?;
    Ok(deleted(&id, "product-collection"))
}

/// `POST /admin/collections/{id}/products/batch`
pub async fn add_collection_products(state: State, id: Id, body: Body) -> Answer {
    let ids = collection_product_ids_from_body(body.0)?;
    wrapped(
        "collection",
        state.collections.add_products(&id, &ids).await?,
    )
}

/// `DELETE /admin/collections/{id}/products/batch`: echoes the ids sent.
pub async fn remove_collection_products(state: State, id: Id, body: Body) -> Answer {
    let ids = collection_product_ids_from_body(body.0)?;
    state.collections.remove_products(&id, &ids).await?;
    Ok(HttpResponse::Ok().json(json!({
        "id": id.as_str(),
        "object": "product-collection",
        "removed_products": ids,
    })))
}
