//! `/admin/product-tags`.

use actix_web::HttpRequest;
use medusa_product::PRODUCT_TAG_LIST;

use crate::handlers::{list_plan, list_response, Answer, State};

/// `GET /admin/product-tags`
pub async fn list_product_tags(state: State, req: HttpRequest) -> Answer {
    let raw = medusa_query_dsl::parse(req.query_string())?;
    let condition = medusa_query_dsl::passthrough_text(&raw, "discount_condition_id")?;
    let plan = list_plan(&req, &state, &PRODUCT_TAG_LIST)?;
    let page = state.products.list_tags(&plan, condition).await?;
    list_response(page, &plan)
}
