//! `/admin/discounts`: discounts, their regions, dynamic codes and conditions.

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_discount::{
    BatchResources, ConditionInput, CreateDiscount, CreateDynamicCode, DiscountQuery,
    UpdateDiscount, CONDITION_RETRIEVE, DISCOUNT_RETRIEVE,
};
use medusa_query_dsl::{ResourceSpec, Selection};
use serde::Serialize;
use serde_json::Value;

use crate::{
    error::ApiResult,
    extract::JsonBody,
    handlers::{deleted, list_response, Answer, Body, Id, Ids, State},
};

/// The selection a route's `fields`/`expand` query asks for.
fn selection(req: &HttpRequest, spec: &ResourceSpec) -> ApiResult<Selection> {
    let raw = medusa_query_dsl::parse(req.query_string())?;
    Ok(medusa_query_dsl::plan_retrieve(spec, &raw)?)
}

/// The default selection, for the routes that read no query.
fn defaults() -> ApiResult<Selection> {
    Ok(medusa_query_dsl::plan_retrieve(
        &DISCOUNT_RETRIEVE,
        &medusa_query_dsl::RawQuery::default(),
    )?)
}

/// A condition route's body, read only once the condition is found to be the discount's.
type LateBody = Result<JsonBody<Value>, actix_web::Error>;

/// Checks that the condition belongs to the discount, then reads the body, in Medusa's
/// order; `Err` is the answer to a body that could not be read.
async fn condition_body(
    state: &State,
    id: &str,
    condition_id: &str,
    body: LateBody,
) -> ApiResult<Result<Value, HttpResponse>> {
    state
        .discount_conditions
        .check_condition(id, condition_id)
        .await?;
    Ok(body.map(|body| body.0).map_err(|err| err.error_response()))
}

/// `{ key: value }` trimmed to the selection.
fn shaped(key: &str, value: impl Serialize, selection: &Selection) -> Answer {
    let mut value = serde_json::to_value(value)
        .map_err(|e| medusa_core::Error::UnexpectedState(e.to_string()))?;
    selection.shape(&mut value);
    let mut body = serde_json::Map::new();
    body.insert(key.to_owned(), value);
    Ok(HttpResponse::Ok().json(body))
}

/// `GET /admin/discounts`
pub async fn list_discounts(state: State, req: HttpRequest) -> Answer {
    let query = DiscountQuery::parse(req.query_string(), state.backend)?;
    let page = state.discounts.list(&query).await?;
    list_response(page, &query.plan)
}

/// `POST /admin/discounts`
pub async fn create_discount(state: State, req: HttpRequest, body: Body) -> Answer {
    let selection = selection(&req, &DISCOUNT_RETRIEVE)?;
    let input = CreateDiscount::from_body(body.0)?;
    let discount = state.discounts.create(input, &selection).await?;
    shaped("discount", discount, &selection)
}

/// `GET /admin/discounts/{id}`
pub async fn get_discount(state: State, id: Id, req: HttpRequest) -> Answer {
    let selection = selection(&req, &DISCOUNT_RETRIEVE)?;
    let discount = state.discounts.retrieve(&id, &selection).await?;
    shaped("discount", discount, &selection)
}

/// `GET /admin/discounts/code/{code}`
pub async fn get_discount_by_code(
    state: State,
    code: web::Path<String>,
    req: HttpRequest,
) -> Answer {
    let selection = selection(&req, &DISCOUNT_RETRIEVE)?;
    let discount = state.discounts.retrieve_by_code(&code, &selection).await?;
    shaped("discount", discount, &selection)
}

/// `POST /admin/discounts/{id}`
pub async fn update_discount(state: State, id: Id, req: HttpRequest, body: Body) -> Answer {
    let selection = selection(&req, &DISCOUNT_RETRIEVE)?;
    let input = UpdateDiscount::from_body(body.0)?;
    let discount = state.discounts.update(&id, input, &selection).await?;
    shaped("discount", discount, &selection)
}

/// `DELETE /admin/discounts/{id}`
pub async fn delete_discount(state: State, id: Id) -> Answer {
    state.discounts.delete(&id).await?;
    Ok(deleted(&id, "discount"))
}

/// `POST /admin/discounts/{id}/dynamic-codes`
pub async fn create_dynamic_code(state: State, id: Id, body: Body) -> Answer {
    let selection = defaults()?;
    let input = CreateDynamicCode::from_body(body.0)?;
    let discount = state
        .discounts
        .create_dynamic_code(&id, input, &selection)
        .await?;
    shaped("discount", discount, &selection)
}

/// `DELETE /admin/discounts/{id}/dynamic-codes/{code}`
pub async fn delete_dynamic_code(state: State, path: Ids) -> Answer {
    let (id, code) = path.into_inner();
    let selection = defaults()?;
    let discount = state
        .discounts
        .delete_dynamic_code(&id, &code, &selection)
        .await?;
    shaped("discount", discount, &selection)
}

/// `POST /admin/discounts/{id}/regions/{region_id}`
pub async fn add_discount_region(state: State, path: Ids) -> Answer {
    let (id, region_id) = path.into_inner();
    let selection = defaults()?;
    let discount = state
        .discounts
        .add_region(&id, &region_id, &selection)
        .await?;
    shaped("discount", discount, &selection)
}

/// `DELETE /admin/discounts/{id}/regions/{region_id}`
pub async fn remove_discount_region(state: State, path: Ids) -> Answer {
    let (id, region_id) = path.into_inner();
    let selection = defaults()?;
    let discount = state
        .discounts
        .remove_region(&id, &region_id, &selection)
        .await?;
    shaped("discount", discount, &selection)
}

/// `POST /admin/discounts/{id}/conditions`
pub async fn create_discount_condition(
    state: State,
    id: Id,
    req: HttpRequest,
    body: Body,
) -> Answer {
    let selection = selection(&req, &DISCOUNT_RETRIEVE)?;
    let input = ConditionInput::create_from_body(body.0)?;
    let discount = state
        .discount_conditions
        .create_condition(&id, input, &selection)
        .await?;
    shaped("discount", discount, &selection)
}

/// `GET /admin/discounts/{id}/conditions/{condition_id}`
pub async fn get_discount_condition(state: State, path: Ids, req: HttpRequest) -> Answer {
    let (id, condition_id) = path.into_inner();
    state
        .discount_conditions
        .check_condition(&id, &condition_id)
        .await?;
    let selection = selection(&req, &CONDITION_RETRIEVE)?;
    let condition = state
        .discount_conditions
        .retrieve_condition(&condition_id, &selection)
        .await?;
    shaped("discount_condition", condition, &selection)
}

/// `POST /admin/discounts/{id}/conditions/{condition_id}`
pub async fn update_discount_condition(
    state: State,
    path: Ids,
    req: HttpRequest,
    body: LateBody,
) -> Answer {
    let (id, condition_id) = path.into_inner();
    let body = match condition_body(&state, &id, &condition_id, body).await? {
        Ok(body) => body,
        Err(refusal) => return Ok(refusal),
    };
    let selection = selection(&req, &DISCOUNT_RETRIEVE)?;
    let input = ConditionInput::update_from_body(body)?;
    let discount = state
        .discount_conditions
        .update_condition(&id, &condition_id, input, &selection)
        .await?;
    shaped("discount", discount, &selection)
}

/// `DELETE /admin/discounts/{id}/conditions/{condition_id}`
pub async fn delete_discount_condition(state: State, path: Ids, req: HttpRequest) -> Answer {
    let (id, condition_id) = path.into_inner();
    let selection = selection(&req, &DISCOUNT_RETRIEVE)?;
    let discount = state
        .discount_conditions
        .delete_condition(&id, &condition_id, &selection)
        .await?;
    let mut discount = serde_json::to_value(discount)
        .map_err(|e| medusa_core::Error::UnexpectedState(e.to_string()))?;
    selection.shape(&mut discount);
    Ok(HttpResponse::Ok().json(serde_json::json!({
        "id": condition_id,
        "object": "discount-condition",
        "deleted": true,
        "discount": discount,
    })))
}

/// `POST /admin/discounts/{id}/conditions/{condition_id}/batch`
pub async fn add_discount_condition_resources(
    state: State,
    path: Ids,
    req: HttpRequest,
    body: LateBody,
) -> Answer {
    let (id, condition_id) = path.into_inner();
    let body = match condition_body(&state, &id, &condition_id, body).await? {
        Ok(body) => body,
        Err(refusal) => return Ok(refusal),
    };
    let selection = selection(&req, &DISCOUNT_RETRIEVE)?;
    let resources = BatchResources::from_body(body)?;
    let discount = state
        .discount_conditions
        .add_condition_resources(&id, &condition_id, &resources.0, &selection)
        .await?;
    shaped("discount", discount, &selection)
}

/// `DELETE /admin/discounts/{id}/conditions/{condition_id}/batch`
pub async fn remove_discount_condition_resources(
    state: State,
    path: Ids,
    req: HttpRequest,
    body: LateBody,
) -> Answer {
    let (id, condition_id) = path.into_inner();
    let body = match condition_body(&state, &id, &condition_id, body).await? {
        Ok(body) => body,
        Err(refusal) => return Ok(refusal),
    };
    let selection = selection(&req, &DISCOUNT_RETRIEVE)?;
    let resources = BatchResources::from_body(body)?;
    let discount = state
        .discount_conditions
        .remove_condition_resources(&id, &condition_id, &resources.0, &selection)
        .await?;
    shaped("discount", discount, &selection)
}
