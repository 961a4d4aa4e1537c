//! `/admin/product-tags`.

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_product::PRODUCT_TAG_LIST;

use crate::{
    error::ApiResult,
    handlers::{list_plan, list_response},
    state::AppState,
};

/// `GET /admin/product-tags`
pub async fn list_product_tags(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let raw = medusa_query_dsl::parse(req.query_string())?;
    let condition = medusa_query_dsl::passthrough_text(&raw, "discount_condition_id")?;
    let plan = list_plan(&req, &state, &PRODUCT_TAG_LIST)?;
    let page = state.products.list_tags(&plan, condition).await?;
    list_response(page, &plan)
}
