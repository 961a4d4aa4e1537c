//! `/admin/variants`.

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_product::{VARIANT_LIST, VARIANT_RETRIEVE};
use serde_json::json;

use crate::{
    error::ApiResult,
    handlers::{list_plan, wrapped},
    state::AppState,
};

/// `GET /admin/variants`: Medusa's answer has no `offset`/`limit`.
pub async fn list_variants(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let plan = list_plan(&req, &state, &VARIANT_LIST)?;
    let page = state.products.list_variants(&plan).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// `GET /admin/variants/{id}`
pub async fn get_variant(
    state: web::Data<AppState>,
    id: web::Path<String>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let raw = medusa_query_dsl::parse(req.query_string())?;
    let selection = medusa_query_dsl::plan_retrieve(&VARIANT_RETRIEVE, &raw)?;
    let variant = state.products.retrieve_variant(&id, &selection).await?;
    wrapped("variant", variant)
}

/// `GET /admin/variants/{id}/inventory`: without an inventory module there are no inventory
/// items and no per-channel availability (Medusa itself fails with a 500 here).
pub async fn get_variant_inventory(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let raw = medusa_query_dsl::parse("fields=id&expand=")?;
    let selection = medusa_query_dsl::plan_retrieve(&VARIANT_RETRIEVE, &raw)?;
    let variant = state.products.retrieve_variant(&id, &selection).await?;
    Ok(HttpResponse::Ok().json(json!({
        "variant": {
            "id": variant.id(),
            "inventory": [],
            "sales_channel_availability": [],
        }
    })))
}
