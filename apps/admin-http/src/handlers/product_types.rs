//! `/admin/product-types`.

use actix_web::HttpRequest;
use medusa_product::PRODUCT_TYPE_LIST;

use crate::handlers::{list_plan, list_response, Answer, State};

/// `GET /admin/product-types`
pub async fn list_product_types(state: State, req: HttpRequest) -> Answer {
    let raw = medusa_query_dsl::parse(req.query_string())?;
    let condition = medusa_query_dsl::passthrough_text(&raw, "discount_condition_id")?;
    let plan = list_plan(&req, &state, &PRODUCT_TYPE_LIST)?;
    let page = state.products.list_types(&plan, condition).await?;
    list_response(page, &plan)
}
