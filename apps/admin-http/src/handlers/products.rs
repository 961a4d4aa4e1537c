//! `/admin/products`.

use actix_web::{HttpRequest, HttpResponse};
use medusa_product::write_input::{
    metadata_from_body, option_title_from_body, sales_channel_ids_in,
};
use medusa_product::{
    CreateProduct, ProductQuery, UpdateProduct, VariantInput, PRODUCT_VARIANT_LIST,
};
use serde_json::{json, Value};

use crate::{
    error::ApiResult,
    handlers::{deleted, list_plan, wrapped, Answer, Body, Id, Ids, State},
    state::AppState,
};

/// `GET /admin/products`: the read model writes the page's JSON itself (shaped, with Medusa's
/// derived `profile`/`profile_id`), so its bytes are the body as they are.
pub async fn list_products(state: State, req: HttpRequest) -> Answer {
    let query = ProductQuery::parse(req.query_string(), state.backend, state.product_specs)?;
    let body = state.products.list_json(&query).await?;
    Ok(HttpResponse::Ok()
        .content_type(actix_web::http::header::ContentType::json())
        .body(body))
}

/// `GET /admin/products/{id}`
pub async fn get_product(state: State, id: Id, req: HttpRequest) -> Answer {
    let raw = medusa_query_dsl::parse(req.query_string())?;
    let selection = medusa_query_dsl::plan_retrieve(state.product_specs.retrieve, &raw)?;
    let product = state.products.retrieve(&id, &selection).await?;
    wrapped("product", product)
}

/// `GET /admin/products/{id}/variants`
pub async fn list_product_variants(state: State, id: Id, req: HttpRequest) -> Answer {
    let plan = list_plan(&req, &state, &PRODUCT_VARIANT_LIST)?;
    let page = state.products.list_product_variants(&id, &plan).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// `GET /admin/products/tag-usage`
pub async fn list_tag_usage(state: State) -> Answer {
    let tags = state.products.tag_usage().await?;
    Ok(HttpResponse::Ok().json(json!({ "tags": tags })))
}

/// `GET /admin/products/types`
pub async fn list_product_types(state: State) -> Answer {
    let types = state.products.types().await?;
    Ok(HttpResponse::Ok().json(json!({ "types": types })))
}

// writes

/// The answer of Medusa's `validateSalesChannelsExist` middleware, which runs before the
/// body is validated and collects request errors: its own shape, not the error envelope.
async fn unknown_sales_channels(state: &AppState, body: &Value) -> ApiResult<Option<HttpResponse>> {
    let Some(ids) = sales_channel_ids_in(body) else {
        return Ok(None);
    };
    let missing = state.product_writes.missing_sales_channels(&ids).await?;
    if missing.is_empty() {
        return Ok(None);
    }
    Ok(Some(super::missing_ids_response(
        "Sales Channels",
        &missing,
    )))
}

/// `POST /admin/products`
pub async fn create_product(state: State, body: Body) -> Answer {
    if let Some(answer) = unknown_sales_channels(&state, &body.0).await? {
        return Ok(answer);
    }
    let input = CreateProduct::from_body(body.0)?;
    wrapped("product", state.product_writes.create(input).await?)
}

/// `POST /admin/products/{id}`
pub async fn update_product(state: State, id: Id, body: Body) -> Answer {
    if let Some(answer) = unknown_sales_channels(&state, &body.0).await? {
        return Ok(answer);
    }
    let input = UpdateProduct::from_body(body.0)?;
    wrapped("product", state.product_writes.update(&id, input).await?)
}

/// `DELETE /admin/products/{id}`
pub async fn delete_product(state: State, id: Id) -> Answer {
    state.product_writes.delete(&id).await?;
    Ok(deleted(&id, "product"))
}

/// `POST /admin/products/{id}/metadata`
pub async fn set_product_metadata(state: State, id: Id, body: Body) -> Answer {
    let (key, value) = metadata_from_body(body.0)?;
    wrapped(
        "product",
        state.product_writes.set_metadata(&id, &key, &value).await?,
    )
}

/// `POST /admin/products/{id}/options`
pub async fn add_product_option(state: State, id: Id, body: Body) -> Answer {
    let title = option_title_from_body(body.0)?;
    wrapped(
        "product",
        state.product_writes.add_option(&id, &title).await?,
    )
}

/// `POST /admin/products/{id}/options/{option_id}`
pub async fn update_product_option(state: State, path: Ids, body: Body) -> Answer {
    let (id, option_id) = path.into_inner();
    let title = option_title_from_body(body.0)?;
    wrapped(
        "product",
        state
            .product_writes
            .update_option(&id, &option_id, &title)
            .await?,
    )
}

/// `DELETE /admin/products/{id}/options/{option_id}`
pub async fn delete_product_option(state: State, path: Ids) -> Answer {
    let (id, option_id) = path.into_inner();
    let product = state.product_writes.delete_option(&id, &option_id).await?;
    Ok(HttpResponse::Ok().json(json!({
        "option_id": option_id,
        "object": "option",
        "deleted": true,
        "product": product,
    })))
}

/// `POST /admin/products/{id}/variants`
pub async fn create_product_variant(state: State, id: Id, body: Body) -> Answer {
    let input = VariantInput::create_from_body(body.0)?;
    wrapped(
        "product",
        state.product_writes.create_variant(&id, input).await?,
    )
}

/// `POST /admin/products/{id}/variants/{variant_id}`
pub async fn update_product_variant(state: State, path: Ids, body: Body) -> Answer {
    let (id, variant_id) = path.into_inner();
    let input = VariantInput::update_from_body(body.0)?;
    wrapped(
        "product",
        state
            .product_writes
            .update_variant(&id, &variant_id, input)
            .await?,
    )
}

/// `DELETE /admin/products/{id}/variants/{variant_id}`
pub async fn delete_product_variant(state: State, path: Ids) -> Answer {
    let (id, variant_id) = path.into_inner();
    let product = state
        .product_writes
        .delete_variant(&id, &variant_id)
        .await?;
    Ok(HttpResponse::Ok().json(json!({
        "variant_id": variant_id,
        "object": "product-variant",
        "deleted": true,
        "product": product,
    })))
}
