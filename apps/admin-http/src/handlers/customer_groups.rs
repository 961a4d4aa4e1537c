//! `/admin/customer-groups`.

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_customer::{
    plan_customer_list, CreateCustomerGroup, UpdateCustomerGroup, CUSTOMER_GROUP_LIST,
    CUSTOMER_GROUP_RETRIEVE,
};
use serde::Deserialize;
use serde_json::{Map, Value};
use validator::Validate;

use crate::{
    error::ApiResult,
    extract::ValidJson,
    handlers::{deleted, list_plan, list_response, wrapped},
    state::AppState,
};

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateCustomerGroupBody {
    #[validate(required(message = "name must be a string"))]
    name: Option<String>,
    metadata: Option<Map<String, Value>>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct UpdateCustomerGroupBody {
    name: Option<String>,
    metadata: Option<Map<String, Value>>,
}

#[derive(Debug, Deserialize, serde::Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct CustomerRef {
    #[validate(required(message = "id must be a string"))]
    id: Option<String>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct CustomersBatchBody {
    #[validate(required(message = "customer_ids must be an array"), nested)]
    customer_ids: Option<Vec<CustomerRef>>,
}

impl CustomersBatchBody {
    fn ids(self) -> Vec<String> {
        self.customer_ids
            .unwrap_or_default()
            .into_iter()
            .filter_map(|c| c.id)
            .collect()
    }
}

/// `GET /admin/customer-groups`
pub async fn list_customer_groups(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let plan = list_plan(&req, &state, &CUSTOMER_GROUP_LIST)?;
    let raw = medusa_query_dsl::parse(req.query_string())?;
    let condition = medusa_query_dsl::passthrough_text(&raw, "discount_condition_id")?;
    let page = state.customer_groups.list(&plan, condition).await?;
    list_response(page, &plan)
}

/// `GET /admin/customer-groups/{id}`
pub async fn get_customer_group(
    state: web::Data<AppState>,
    id: web::Path<String>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let raw = medusa_query_dsl::parse(req.query_string())?;
    let selection = medusa_query_dsl::plan_retrieve(&CUSTOMER_GROUP_RETRIEVE, &raw)?;
    let mut group = serde_json::to_value(state.customer_groups.retrieve(&id, &selection).await?)
        .map_err(|e| medusa_core::Error::UnexpectedState(e.to_string()))?;
    selection.shape(&mut group);
    wrapped("customer_group", group)
}

/// `POST /admin/customer-groups`
pub async fn create_customer_group(
    state: web::Data<AppState>,
    body: ValidJson<CreateCustomerGroupBody>,
) -> ApiResult<HttpResponse> {
    let body = body.0;
    let group = state
        .customer_groups
        .create(CreateCustomerGroup {
            name: body.name.unwrap_or_default(),
            metadata: body.metadata,
        })
        .await?;
    wrapped("customer_group", group)
}

/// `POST /admin/customer-groups/{id}`
pub async fn update_customer_group(
    state: web::Data<AppState>,
    id: web::Path<String>,
    req: HttpRequest,
    body: ValidJson<UpdateCustomerGroupBody>,
) -> ApiResult<HttpResponse> {
    let raw = medusa_query_dsl::parse(req.query_string())?;
    let selection = medusa_query_dsl::plan_retrieve(&CUSTOMER_GROUP_RETRIEVE, &raw)?;
    let body = body.0;
    let group = state
        .customer_groups
        .update(
            &id,
            UpdateCustomerGroup {
                name: body.name,
                metadata: body.metadata,
            },
            &selection,
        )
        .await?;
    wrapped("customer_group", group)
}

/// `DELETE /admin/customer-groups/{id}`
pub async fn delete_customer_group(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    state.customer_groups.delete(&id).await?;
    Ok(deleted(&id, "customer_group"))
}

/// `GET /admin/customer-groups/{id}/customers`: the customer list scoped to the group.
pub async fn list_customer_group_customers(
    state: web::Data<AppState>,
    id: web::Path<String>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let (plan, filter) = plan_customer_list(req.query_string(), state.backend, Some(&id))?;
    let page = state.customers.list(&plan, &filter).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// `POST /admin/customer-groups/{id}/customers/batch`
pub async fn add_customer_group_customers(
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: ValidJson<CustomersBatchBody>,
) -> ApiResult<HttpResponse> {
    let group = state
        .customer_groups
        .add_customers(&id, &body.0.ids())
        .await?;
    wrapped("customer_group", group)
}

/// `DELETE /admin/customer-groups/{id}/customers/batch`
pub async fn remove_customer_group_customers(
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: ValidJson<CustomersBatchBody>,
) -> ApiResult<HttpResponse> {
    let group = state
        .customer_groups
        .remove_customers(&id, &body.0.ids())
        .await?;
    wrapped("customer_group", group)
}
