//! `/admin/variants`.

use actix_web::{HttpRequest, HttpResponse};
use medusa_pricing::PriceSelectionParams;
use medusa_product::{VARIANT_LIST, VARIANT_RETRIEVE};

use crate::handlers::{wrapped, Answer, Id, State};

/// `GET /admin/variants`: Medusa's answer has no `offset`/`limit`; the variants are priced for
/// `region_id`, `currency_code` and `customer_id`.
pub async fn list_variants(state: State, req: HttpRequest) -> Answer {
    let raw = medusa_query_dsl::parse(req.query_string())?;
    let plan = medusa_query_dsl::plan(&VARIANT_LIST, &raw, state.backend)?;
    let text = |name| medusa_query_dsl::passthrough_text(&raw, name).map(|v| v.map(str::to_owned));
    let params = PriceSelectionParams {
        region_id: text("region_id")?,
        currency_code: text("currency_code")?,
        customer_id: text("customer_id")?,
    };
    let page = state.priced_variants.list_variants(&plan, &params).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// `GET /admin/variants/{id}`
pub async fn get_variant(state: State, id: Id, req: HttpRequest) -> Answer {
    let raw = medusa_query_dsl::parse(req.query_string())?;
    let selection = medusa_query_dsl::plan_retrieve(&VARIANT_RETRIEVE, &raw)?;
    let variant = state
        .priced_variants
        .retrieve_variant(&id, &selection)
        .await?;
    wrapped("variant", variant)
}
