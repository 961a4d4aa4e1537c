//! `/admin/collections`: product collections and their product batches.

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_catalog::{
    collection_product_ids_from_body, CreateCollection, UpdateCollection, COLLECTION_LIST,
};
use serde_json::{json, Value};

use crate::{
    error::ApiResult,
    extract::JsonBody,
    handlers::{deleted, list_plan, list_response, wrapped},
    state::AppState,
};

/// `GET /admin/collections`
pub async fn list_collections(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let plan = list_plan(&req, &state, &COLLECTION_LIST)?;
    let raw = medusa_query_dsl::parse(req.query_string())?;
    let condition = medusa_query_dsl::passthrough_text(&raw, "discount_condition_id")?;
    let page = state.collections.list(&plan, condition).await?;
    list_response(page, &plan)
}

/// `GET /admin/collections/{id}`: Medusa reads no query parameter here.
pub async fn get_collection(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    wrapped("collection", state.collections.retrieve(&id).await?)
}

/// `POST /admin/collections`
pub async fn create_collection(
    state: web::Data<AppState>,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let input = CreateCollection::from_body(body.0)?;
    wrapped("collection", state.collections.create(input).await?)
}

/// `POST /admin/collections/{id}`
pub async fn update_collection(
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let input = UpdateCollection::from_body(body.0)?;
    wrapped("collection", state.collections.update(&id, input).await?)
}

/// `DELETE /admin/collections/{id}`
pub async fn delete_collection(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    state.collections.delete(&id).await?;
    Ok(deleted(&id, "product-collection"))
}

/// `POST /admin/collections/{id}/products/batch`
pub async fn add_collection_products(
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let ids = collection_product_ids_from_body(body.0)?;
    wrapped(
        "collection",
        state.collections.add_products(&id, &ids).await?,
    )
}

/// `DELETE /admin/collections/{id}/products/batch`: echoes the ids sent.
pub async fn remove_collection_products(
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let ids = collection_product_ids_from_body(body.0)?;
    state.collections.remove_products(&id, &ids).await?;
    Ok(HttpResponse::Ok().json(json!({
        "id": id.as_str(),
        "object": "product-collection",
        "removed_products": ids,
    })))
}
