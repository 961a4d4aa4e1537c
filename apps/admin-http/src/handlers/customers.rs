//! `/admin/customers`.

use actix_web::{HttpRequest, HttpResponse};
use medusa_customer::{plan_customer_list, retrieve_relations, CreateCustomer, UpdateCustomer};

use crate::handlers::{wrapped, Answer, Body, Id, State};

/// `GET /admin/customers`
pub async fn list_customers(state: State, req: HttpRequest) -> Answer {
    let (plan, filter) = plan_customer_list(req.query_string(), state.backend, None)?;
    let page = state.customers.list(&plan, &filter).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// `GET /admin/customers/{id}`
pub async fn get_customer(state: State, id: Id, req: HttpRequest) -> Answer {
    let relations = retrieve_relations(req.query_string())?;
    wrapped("customer", state.customers.retrieve(&id, relations).await?)
}

/// `POST /admin/customers`: Medusa answers 201 here.
pub async fn create_customer(state: State, body: Body) -> Answer {
    let customer = state
        .customers
        .create(CreateCustomer::from_body(body.0)?)
        .await?;
    Ok(HttpResponse::Created().json(serde_json::json!({ "customer": customer })))
}

/// `POST /admin/customers/{id}`
pub async fn update_customer(state: State, id: Id, req: HttpRequest, body: Body) -> Answer {
    let relations = retrieve_relations(req.query_string())?;
    let input = UpdateCustomer::from_body(body.0)?;
    let customer = state.customers.update(&id, input, relations).await?;
    wrapped("customer", customer)
}
