//! `/admin/product-categories`: the category tree and its product batches (Medusa's
//! `product_categories` feature, served as with the flag on).

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_catalog::{
    CreateProductCategory, ParentFilter, UpdateProductCategory, PRODUCT_CATEGORY_LIST,
    PRODUCT_CATEGORY_RETRIEVE,
};
use medusa_core::body::BodyReader;
use medusa_query_dsl::{ListPlan, Selection};
use serde_json::{json, Value};

use crate::{
    error::ApiResult,
    extract::JsonBody,
    handlers::{deleted, list_plan},
    state::AppState,
};

/// `@IsString() @IsNotEmpty()`, with class-validator's messages.
fn required_text(reader: &mut BodyReader, name: &str) -> Option<String> {
    match reader.get(name).cloned() {
        Some(Value::String(text)) if text.is_empty() => {
            reader.fail(format!("{name} should not be empty"));
            None
        }
        Some(Value::String(text)) => Some(text),
        None | Some(Value::Null) => {
            reader.fail(format!("{name} should not be empty"));
            reader.fail(format!("{name} must be a string"));
            None
        }
        Some(_) => {
            reader.fail(format!("{name} must be a string"));
            None
        }
    }
}

/// A key present in the body: `Some(None)` for `null` (or the string `"null"` where Medusa
/// maps it), `None` when absent.
fn nullable_text(reader: &mut BodyReader, name: &str, null_word: bool) -> Option<Option<String>> {
    if !reader.has(name) {
        return None;
    }
    match reader.string(name, true) {
        Some(text) if null_word && text == "null" => Some(None),
        other => Some(other),
    }
}

fn optional_bool(reader: &mut BodyReader, name: &str) -> Option<Option<bool>> {
    reader.has(name).then(|| reader.boolean(name, true))
}

/// `AdminPostProductCategoriesReq`.
fn create_from_body(body: Value) -> medusa_core::Result<CreateProductCategory> {
    let mut reader = BodyReader::new(
        body,
        &[
            "name",
            "metadata",
            "description",
            "handle",
            "is_internal",
            "is_active",
            "parent_category_id",
        ],
    );
    let name = required_text(&mut reader, "name");
    let metadata = reader.object("metadata");
    let description = nullable_text(&mut reader, "description", true);
    let handle = reader.string("handle", true);
    let is_internal = reader.boolean("is_internal", true);
    let is_active = reader.boolean("is_active", true);
    let parent_category_id = nullable_text(&mut reader, "parent_category_id", true);
    reader.finish()?;
    Ok(CreateProductCategory {
        name: name.unwrap_or_default(),
        handle,
        description,
        is_internal,
        is_active,
        parent_category_id,
        metadata,
    })
}

/// `AdminPostProductCategoriesCategoryReq`.
fn update_from_body(body: Value) -> medusa_core::Result<UpdateProductCategory> {
    let mut reader = BodyReader::new(
        body,
        &[
            "name",
            "handle",
            "rank",
            "metadata",
            "description",
            "is_internal",
            "is_active",
            "parent_category_id",
        ],
    );
    let name = nullable_text(&mut reader, "name", false);
    let handle = match reader.get("handle").cloned() {
        Some(Value::String(text)) if text.is_empty() => {
            reader.fail("handle should not be empty");
            None
        }
        Some(_) => nullable_text(&mut reader, "handle", false),
        None => None,
    };
    let rank = match reader.get("rank").cloned() {
        None | Some(Value::Null) => None,
        Some(Value::Number(number)) => match number.as_i64() {
            Some(rank) if rank < 0 => {
                reader.fail("rank must not be less than 0");
                None
            }
            Some(rank) => Some(rank),
            None => {
                if number.as_f64().is_some_and(|n| n < 0.0) {
                    reader.fail("rank must not be less than 0");
                }
                reader.fail("rank must be an integer number");
                None
            }
        },
        Some(_) => {
            reader.fail("rank must not be less than 0");
            reader.fail("rank must be an integer number");
            None
        }
    };
    let metadata = reader.object("metadata");
    let description = nullable_text(&mut reader, "description", true);
    let is_internal = optional_bool(&mut reader, "is_internal");
    let is_active = optional_bool(&mut reader, "is_active");
    let parent_category_id = nullable_text(&mut reader, "parent_category_id", true);
    reader.finish()?;
    Ok(UpdateProductCategory {
        name,
        handle,
        description,
        is_internal,
        is_active,
        parent_category_id,
        rank,
        metadata,
    })
}

/// `{product_ids: [{id}]}`, validated as nested objects.
fn product_ids_from_body(body: Value) -> medusa_core::Result<Vec<String>> {
    let mut reader = BodyReader::new(body, &["product_ids"]);
    let mut ids = Vec::new();
    match reader.get("product_ids").cloned() {
        Some(Value::Array(items)) => {
            for item in items {
                if !item.is_object() {
                    reader.fail("nested property product_ids must be either object or array");
                    continue;
                }
                let mut child = BodyReader::new(item, &["id"]);
                if let Some(id) = child.string("id", false) {
                    ids.push(id);
                }
                reader.absorb(child);
            }
        }
        _ => reader.fail("product_ids must be an array"),
    }
    reader.finish()?;
    Ok(ids)
}

/// Trims a category to the selection, keeping `category_children`, which Medusa's tree
/// repository adds whatever `expand` says.
fn shaped(selection: &Selection, value: &mut Value) {
    let children = value
        .as_object_mut()
        .and_then(|map| map.remove("category_children"));
    selection.shape(value);
    if let (Some(children), Some(map)) = (children, value.as_object_mut()) {
        map.insert("category_children".into(), children);
    }
}

fn category_response(
    selection: &Selection,
    category: impl serde::Serialize,
) -> ApiResult<HttpResponse> {
    let mut value = serde_json::to_value(category).map_err(serialization_failed)?;
    shaped(selection, &mut value);
    Ok(HttpResponse::Ok().json(json!({ "product_category": value })))
}

fn serialization_failed(err: serde_json::Error) -> medusa_core::Error {
    medusa_core::Error::UnexpectedState(format!("response serialization failed: {err}"))
}

fn retrieve_selection(req: &HttpRequest) -> ApiResult<Selection> {
    let raw = medusa_query_dsl::parse(req.query_string())?;
    Ok(medusa_query_dsl::plan_retrieve(
        &PRODUCT_CATEGORY_RETRIEVE,
        &raw,
    )?)
}

fn list_answer(
    page: medusa_core::ListPage<medusa_catalog::ProductCategoryView>,
    plan: &ListPlan,
) -> ApiResult<HttpResponse> {
    let mut items = Vec::with_capacity(page.items.len());
    for item in &page.items {
        let mut value = serde_json::to_value(item).map_err(serialization_failed)?;
        shaped(&plan.selection, &mut value);
        items.push(value);
    }
    Ok(HttpResponse::Ok().json(json!({
        "count": page.count,
        "product_categories": items,
        "offset": page.offset,
        "limit": page.limit,
    })))
}

/// `GET /admin/product-categories`
pub async fn list_product_categories(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let plan = list_plan(&req, &state, &PRODUCT_CATEGORY_LIST)?;
    let raw = medusa_query_dsl::parse(req.query_string())?;
    let parent = match medusa_query_dsl::passthrough_text(&raw, "parent_category_id")? {
        None => ParentFilter::Any,
        Some("null") => ParentFilter::Root,
        Some(id) => ParentFilter::Of(id.to_owned()),
    };
    // Medusa's boolean mapper: anything but "true" leaves the tree out.
    let tree =
        medusa_query_dsl::passthrough_text(&raw, "include_descendants_tree")? == Some("true");
    let page = state.product_categories.list(&plan, parent, tree).await?;
    list_answer(page, &plan)
}

/// `GET /admin/product-categories/{id}`: `fields` and `expand` are validated but, as in
/// Medusa, the answer always has every field, the parent and the whole subtree.
pub async fn get_product_category(
    state: web::Data<AppState>,
    id: web::Path<String>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    retrieve_selection(&req)?;
    let defaults =
        medusa_query_dsl::plan_retrieve(&PRODUCT_CATEGORY_RETRIEVE, &medusa_query_dsl::parse("")?)?;
    let category = state.product_categories.retrieve(&id, &defaults).await?;
    category_response(&defaults, category)
}

/// `POST /admin/product-categories`
pub async fn create_product_category(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let selection = retrieve_selection(&req)?;
    let input = create_from_body(body.0)?;
    let id = state.product_categories.create(input).await?;
    let category = state.product_categories.retrieve(&id, &selection).await?;
    category_response(&selection, category)
}

/// `POST /admin/product-categories/{id}`
pub async fn update_product_category(
    state: web::Data<AppState>,
    id: web::Path<String>,
    req: HttpRequest,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let selection = retrieve_selection(&req)?;
    let input = update_from_body(body.0)?;
    state.product_categories.update(&id, input).await?;
    let category = state.product_categories.retrieve(&id, &selection).await?;
    category_response(&selection, category)
}

/// `DELETE /admin/product-categories/{id}`
pub async fn delete_product_category(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    state.product_categories.delete(&id).await?;
    Ok(deleted(&id, "product-category"))
}

/// `POST /admin/product-categories/{id}/products/batch`
pub async fn add_product_category_products(
    state: web::Data<AppState>,
    id: web::Path<String>,
    req: HttpRequest,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let selection = retrieve_selection(&req)?;
    let ids = product_ids_from_body(body.0)?;
    let missing = state.product_categories.missing_products(&ids).await?;
    if !missing.is_empty() {
        return Ok(super::missing_ids_response("Products", &missing));
    }
    state.product_categories.add_products(&id, &ids).await?;
    let category = state.product_categories.retrieve(&id, &selection).await?;
    category_response(&selection, category)
}

/// `DELETE /admin/product-categories/{id}/products/batch`
pub async fn remove_product_category_products(
    state: web::Data<AppState>,
    id: web::Path<String>,
    req: HttpRequest,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let selection = retrieve_selection(&req)?;
    let ids = product_ids_from_body(body.0)?;
    let missing = state.product_categories.missing_products(&ids).await?;
    if !missing.is_empty() {
        return Ok(super::missing_ids_response("Products", &missing));
    }
    state.product_categories.remove_products(&id, &ids).await?;
    let category = state.product_categories.retrieve(&id, &selection).await?;
    category_response(&selection, category)
}
