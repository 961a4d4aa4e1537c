//! `/admin/product-categories`: the category tree and its product batches (Medusa's
//! `product_categories` feature, served as with the flag on).

use actix_web::{HttpRequest, HttpResponse};
use medusa_catalog::{
    category_product_ids_from_body, CreateProductCategory, ParentFilter, UpdateProductCategory,
    PRODUCT_CATEGORY_LIST, PRODUCT_CATEGORY_RETRIEVE,
};
use medusa_query_dsl::{ListPlan, Selection};
use serde_json::{json, Value};

use crate::{
    error::ApiResult,
    handlers::{deleted, list_plan, Answer, Body, Id, State},
};

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

fn category_response(selection: &Selection, category: impl serde::Serialize) -> Answer {
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
) -> Answer {
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
pub async fn list_product_categories(state: State, req: HttpRequest) -> Answer {
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
pub async fn get_product_category(state: State, id: Id, req: HttpRequest) -> Answer {
    retrieve_selection(&req)?;
    let defaults =
        medusa_query_dsl::plan_retrieve(&PRODUCT_CATEGORY_RETRIEVE, &medusa_query_dsl::parse("")?)?;
    let category = state.product_categories.retrieve(&id, &defaults).await?;
    category_response(&defaults, category)
}

/// `POST /admin/product-categories`
pub async fn create_product_category(state: State, req: HttpRequest, body: Body) -> Answer {
    let selection = retrieve_selection(&req)?;
    let input = CreateProductCategory::from_body(body.0)?;
    let id = state.product_categories.create(input).await?;
    let category = state.product_categories.retrieve(&id, &selection).await?;
    category_response(&selection, category)
}

/// `POST /admin/product-categories/{id}`
pub async fn update_product_category(state: State, id: Id, req: HttpRequest, body: Body) -> Answer {
    let selection = retrieve_selection(&req)?;
    let input = UpdateProductCategory::from_body(body.0)?;
    state.product_categories.update(&id, input).await?;
    let category = state.product_categories.retrieve(&id, &selection).await?;
    category_response(&selection, category)
}

/// `DELETE /admin/product-categories/{id}`
pub async fn delete_product_category(state: State, id: Id) -> Answer {
    state.product_categories.delete(&id).await?;
    Ok(deleted(&id, "product-category"))
}

/// `POST /admin/product-categories/{id}/products/batch`
pub async fn add_product_category_products(
    state: State,
    id: Id,
    req: HttpRequest,
    body: Body,
) -> Answer {
    let selection = retrieve_selection(&req)?;
    let ids = category_product_ids_from_body(body.0)?;
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
    state: State,
    id: Id,
    req: HttpRequest,
    body: Body,
) -> Answer {
    let selection = retrieve_selection(&req)?;
    let ids = category_product_ids_from_body(body.0)?;
    let missing = state.product_categories.missing_products(&ids).await?;
    if !missing.is_empty() {
        return Ok(super::missing_ids_response("Products", &missing));
    }
    state.product_categories.remove_products(&id, &ids).await?;
    let category = state.product_categories.retrieve(&id, &selection).await?;
    category_response(&selection, category)
}
