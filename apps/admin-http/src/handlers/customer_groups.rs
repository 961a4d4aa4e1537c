//! `/admin/customer-groups`.

use actix_web::{HttpRequest, HttpResponse};
use medusa_customer::{
    plan_customer_list, CreateCustomerGroup, CustomerIds, UpdateCustomerGroup, CUSTOMER_GROUP_LIST,
    CUSTOMER_GROUP_RETRIEVE,
};

use crate::handlers::{deleted, list_plan, list_response, wrapped, Answer, Body, Id, State};

/// `GET /admin/customer-groups`
pub async fn list_customer_groups(state: State, req: HttpRequest) -> Answer {
    let plan = list_plan(&req, &state, &CUSTOMER_GROUP_LIST)?;
    let raw = medusa_query_dsl::parse(req.query_string())?;
    let condition = medusa_query_dsl::passthrough_text(&raw, "discount_condition_id")?;
    let page = state.customer_groups.list(&plan, condition).await?;
    list_response(page, &plan)
}

/// `GET /admin/customer-groups/{id}`
pub async fn get_customer_group(state: State, id: Id, req: HttpRequest) -> Answer {
    let raw = medusa_query_dsl::parse(req.query_string())?;
    let selection = medusa_query_dsl::plan_retrieve(&CUSTOMER_GROUP_RETRIEVE, &raw)?;
    let mut group = serde_json::to_value(state.customer_groups.retrieve(&id, &selection).await?)
        .map_err(|e| medusa_core::Error::UnexpectedState(e.to_string()))?;
    selection.shape(&mut group);
    wrapped("customer_group", group)
}

/// `POST /admin/customer-groups`
pub async fn create_customer_group(state: State, body: Body) -> Answer {
    let group = state
        .customer_groups
        .create(CreateCustomerGroup::from_body(body.0)?)
        .await?;
    wrapped("customer_group", group)
}

/// `POST /admin/customer-groups/{id}`
pub async fn update_customer_group(state: State, id: Id, req: HttpRequest, body: Body) -> Answer {
    let raw = medusa_query_dsl::parse(req.query_string())?;
    let selection = medusa_query_dsl::plan_retrieve(&CUSTOMER_GROUP_RETRIEVE, &raw)?;
    let input = UpdateCustomerGroup::from_body(body.0)?;
    let group = state.customer_groups.update(&id, input, &selection).await?;
    wrapped("customer_group", group)
}

/// `DELETE /admin/customer-groups/{id}`
pub async fn delete_customer_group(state: State, id: Id) -> Answer {
    state.customer_groups.delete(&id).await?;
    Ok(deleted(&id, "customer_group"))
}

/// `GET /admin/customer-groups/{id}/customers`: the customer list scoped to the group.
pub async fn list_customer_group_customers(state: State, id: Id, req: HttpRequest) -> Answer {
    let (plan, filter) = plan_customer_list(req.query_string(), state.backend, Some(&id))?;
    let page = state.customers.list(&plan, &filter).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// `POST /admin/customer-groups/{id}/customers/batch`
pub async fn add_customer_group_customers(state: State, id: Id, body: Body) -> Answer {
    let group = state
        .customer_groups
        .add_customers(&id, &CustomerIds::from_body(body.0)?.0)
        .await?;
    wrapped("customer_group", group)
}

/// `DELETE /admin/customer-groups/{id}/customers/batch`
pub async fn remove_customer_group_customers(state: State, id: Id, body: Body) -> Answer {
    let group = state
        .customer_groups
        .remove_customers(&id, &CustomerIds::from_body(body.0)?.0)
        .await?;
    wrapped("customer_group", group)
}
