//! One plain `async fn` per operation, grouped by resource. A handler parses, calls one
//! service, and shapes the answer; it holds no rule and no SQL.

pub mod analytics_configs;
pub mod api_keys;
pub mod apps;
pub mod auth;
pub mod batch_jobs;
pub mod collections;
pub mod currencies;
pub mod customer_groups;
pub mod customers;
pub mod discounts;
// draft orders (issue 14)
pub mod draft_orders;
pub mod gift_cards;
pub mod inventory;
pub mod invites;
pub mod notes;
pub mod notifications;
pub mod order_edits;
pub mod orders;
pub mod payments;
pub mod price_lists;
pub mod product_categories;
pub mod product_tags;
pub mod product_types;
pub mod products;
pub mod publishable_api_keys;
pub mod regions;
pub mod return_reasons;
pub mod returns;
// claims
pub mod claims;
// payment collections
pub mod payment_collections;
// swaps
pub mod sales_channels;
pub mod shipping_options;
pub mod shipping_profiles;
pub mod store;
pub mod swaps;
pub mod tax_rates;
pub mod uploads;
pub mod users;
pub mod variants;

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_query_dsl::{ListPlan, ResourceSpec};
use serde::Serialize;
use serde_json::Value;

use crate::{error::ApiResult, extract::JsonBody, state::AppState};

// What handlers take and give, named once so that a handler's signature reads on one line.
/// The server's state: the services.
pub(crate) type State = web::Data<AppState>;
/// A path's one id (`/admin/regions/{id}`).
pub(crate) type Id = web::Path<String>;
/// A path's two ids (`/admin/orders/{id}/claims/{claim_id}`).
pub(crate) type Ids = web::Path<(String, String)>;
/// A JSON body, read by the domain crate's request class.
pub(crate) type Body = JsonBody<Value>;
/// A handler's answer: a response, or an error in Medusa's shape.
pub(crate) type Answer = ApiResult<HttpResponse>;

/// `{ "<key>": value }` with status 200.
pub(crate) fn wrapped(key: &str, value: impl Serialize) -> ApiResult<HttpResponse> {
    let mut body = serde_json::Map::new();
    body.insert(
        key.to_owned(),
        serde_json::to_value(value).map_err(internal)?,
    );
    Ok(HttpResponse::Ok().json(body))
}

/// Medusa's delete confirmation: `{ "id", "object", "deleted": true }`.
pub(crate) fn deleted(id: &str, object: &str) -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({ "id": id, "object": object, "deleted": true }))
}

/// The 400 of Medusa's existence-check middlewares (`validateProductsExist`, the sales
/// channel check of product writes), which collect request errors instead of throwing: its own
/// shape `{errors, message}`, kept because Medusa's clients read it.
pub(crate) fn missing_ids_response(kind: &str, missing: &[String]) -> HttpResponse {
    HttpResponse::BadRequest().json(serde_json::json!({
        "errors": [format!("{kind} {} do not exist", missing.join(", "))],
        "message": "Provided request body contains errors. Please check the data and retry the request",
    }))
}

/// The plain-text `OK` some Medusa routes answer with.
pub(crate) fn plain_ok() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body("OK")
}

/// A list answer, each item trimmed to the fields and relations the query selected.
pub(crate) fn list_response<T: Serialize>(
    page: medusa_core::ListPage<T>,
    plan: &ListPlan,
) -> ApiResult<HttpResponse> {
    let mut items = Vec::with_capacity(page.items.len());
    for item in &page.items {
        let mut value = serde_json::to_value(item).map_err(internal)?;
        plan.selection.shape(&mut value);
        items.push(value);
    }
    let shaped = medusa_core::ListPage {
        key: page.key,
        items,
        count: page.count,
        offset: page.offset,
        limit: page.limit,
    };
    Ok(HttpResponse::Ok().json(shaped))
}

/// The list plan for a request's query string under a resource's query spec.
pub(crate) fn list_plan(
    req: &HttpRequest,
    state: &AppState,
    spec: &ResourceSpec,
) -> ApiResult<ListPlan> {
    let raw = medusa_query_dsl::parse(req.query_string())?;
    Ok(medusa_query_dsl::plan(spec, &raw, state.backend)?)
}

fn internal(err: serde_json::Error) -> medusa_core::Error {
    medusa_core::Error::UnexpectedState(format!("response serialization failed: {err}"))
}
