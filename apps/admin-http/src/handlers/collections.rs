//! `/admin/collections`: product collections and their product batches.

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_catalog::{CreateCollection, UpdateCollection, COLLECTION_LIST};
use medusa_core::body::BodyReader;
use serde_json::{json, Value};

use crate::{
    error::ApiResult,
    extract::JsonBody,
    handlers::{deleted, list_plan, list_response, wrapped},
    state::AppState,
};

/// `AdminPostCollectionsReq`: `title` is required and not empty.
fn create_from_body(body: Value) -> medusa_core::Result<CreateCollection> {
    let mut reader = BodyReader::new(body, &["title", "handle", "metadata"]);
    let title = match reader.get("title") {
        Some(Value::String(title)) if title.is_empty() => {
            reader.fail("title should not be empty");
            None
        }
        Some(Value::String(title)) => Some(title.clone()),
        None | Some(Value::Null) => {
            reader.fail("title should not be empty");
            reader.fail("title must be a string");
            None
        }
        Some(_) => {
            reader.fail("title must be a string");
            None
        }
    };
    let handle = reader.string("handle", true);
    let metadata = reader.object("metadata");
    reader.finish()?;
    Ok(CreateCollection {
        title: title.unwrap_or_default(),
        handle,
        metadata,
    })
}

/// `AdminPostCollectionsCollectionReq`: every key given is written, `null` included.
fn update_from_body(body: Value) -> medusa_core::Result<UpdateCollection> {
    let mut reader = BodyReader::new(body, &["title", "handle", "metadata"]);
    let title = reader.has("title").then(|| reader.string("title", true));
    let handle = reader.has("handle").then(|| reader.string("handle", true));
    let metadata = reader.object("metadata");
    reader.finish()?;
    Ok(UpdateCollection {
        title,
        handle,
        metadata,
    })
}

/// `{product_ids: string[]}` with `@ArrayNotEmpty() @IsString({ each: true })`.
fn product_ids_from_body(body: Value) -> medusa_core::Result<Vec<String>> {
    let mut reader = BodyReader::new(body, &["product_ids"]);
    let ids = match reader.get("product_ids").cloned() {
        Some(Value::Array(items)) => {
            let ids: Vec<String> = items
                .iter()
                .filter_map(|item| item.as_str().map(str::to_owned))
                .collect();
            if ids.len() != items.len() {
                reader.fail("each value in product_ids must be a string");
            }
            if items.is_empty() {
                reader.fail("product_ids should not be empty");
            }
            ids
        }
        // A lone string passes the `each` rule but is not a non-empty array.
        Some(Value::String(_)) => {
            reader.fail("product_ids should not be empty");
            Vec::new()
        }
        _ => {
            reader.fail("each value in product_ids must be a string");
            reader.fail("product_ids should not be empty");
            Vec::new()
        }
    };
    reader.finish()?;
    Ok(ids)
}

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
    let input = create_from_body(body.0)?;
    wrapped("collection", state.collections.create(input).await?)
}

/// `POST /admin/collections/{id}`
pub async fn update_collection(
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let input = update_from_body(body.0)?;
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
    let ids = product_ids_from_body(body.0)?;
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
    let ids = product_ids_from_body(body.0)?;
    state.collections.remove_products(&id, &ids).await?;
    Ok(HttpResponse::Ok().json(json!({
        "id": id.as_str(),
        "object": "product-collection",
        "removed_products": ids,
    })))
}
