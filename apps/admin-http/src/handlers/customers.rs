//! `/admin/customers`.

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_core::patch::{present, Patch};
use medusa_customer::{plan_customer_list, retrieve_relations, CreateCustomer, UpdateCustomer};
use serde::Deserialize;
use serde_json::{Map, Value};
use validator::Validate;

use crate::{error::ApiResult, extract::ValidJson, handlers::wrapped, state::AppState};

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateCustomerBody {
    #[validate(
        required(message = "email must be an email"),
        email(message = "email must be an email")
    )]
    email: Option<String>,
    #[validate(required(message = "first_name must be a string"))]
    first_name: Option<String>,
    #[validate(required(message = "last_name must be a string"))]
    last_name: Option<String>,
    #[validate(required(message = "password must be a string"))]
    password: Option<String>,
    phone: Option<String>,
    metadata: Option<Map<String, Value>>,
}

#[derive(Debug, Deserialize, serde::Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct GroupRef {
    #[validate(required(message = "id must be a string"))]
    id: Option<String>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct UpdateCustomerBody {
    #[validate(email(message = "email must be an email"))]
    email: Option<String>,
    #[serde(default, deserialize_with = "present")]
    first_name: Patch<String>,
    #[serde(default, deserialize_with = "present")]
    last_name: Patch<String>,
    #[serde(default, deserialize_with = "present")]
    phone: Patch<String>,
    password: Option<String>,
    metadata: Option<Map<String, Value>>,
    #[validate(nested)]
    groups: Option<Vec<GroupRef>>,
}

/// `GET /admin/customers`
pub async fn list_customers(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let (plan, filter) = plan_customer_list(req.query_string(), state.backend, None)?;
    let page = state.customers.list(&plan, &filter).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// `GET /admin/customers/{id}`
pub async fn get_customer(
    state: web::Data<AppState>,
    id: web::Path<String>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let relations = retrieve_relations(req.query_string())?;
    wrapped("customer", state.customers.retrieve(&id, relations).await?)
}

/// `POST /admin/customers`: Medusa answers 201 here.
pub async fn create_customer(
    state: web::Data<AppState>,
    body: ValidJson<CreateCustomerBody>,
) -> ApiResult<HttpResponse> {
    let body = body.0;
    let customer = state
        .customers
        .create(CreateCustomer {
            email: body.email.unwrap_or_default(),
            first_name: body.first_name.unwrap_or_default(),
            last_name: body.last_name.unwrap_or_default(),
            password: body.password.unwrap_or_default(),
            phone: body.phone,
            metadata: body.metadata,
        })
        .await?;
    Ok(HttpResponse::Created().json(serde_json::json!({ "customer": customer })))
}

/// `POST /admin/customers/{id}`
pub async fn update_customer(
    state: web::Data<AppState>,
    id: web::Path<String>,
    req: HttpRequest,
    body: ValidJson<UpdateCustomerBody>,
) -> ApiResult<HttpResponse> {
    let relations = retrieve_relations(req.query_string())?;
    let body = body.0;
    let customer = state
        .customers
        .update(
            &id,
            UpdateCustomer {
                email: body.email,
                first_name: body.first_name,
                last_name: body.last_name,
                phone: body.phone,
                password: body.password,
                metadata: body.metadata,
                groups: body
                    .groups
                    .map(|groups| groups.into_iter().filter_map(|g| g.id).collect()),
            },
            relations,
        )
        .await?;
    wrapped("customer", customer)
}
