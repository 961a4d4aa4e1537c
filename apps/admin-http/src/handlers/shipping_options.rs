//! `/admin/shipping-options`.

use actix_web::{HttpRequest, HttpResponse};
use medusa_shipping::{shipping_option_list_spec, CreateShippingOption, UpdateShippingOption};

use crate::handlers::{deleted, list_plan, wrapped, Answer, Body, Id, State};

/// `GET /admin/shipping-options`
pub async fn list_shipping_options(state: State, req: HttpRequest) -> Answer {
    let plan = list_plan(&req, &state, shipping_option_list_spec(state.flags))?;
    let page = state.shipping_options.list(&plan).await?;
    let page = page.map(|option| option.to_json(&plan.selection));
    Ok(HttpResponse::Ok().json(page))
}

/// `GET /admin/shipping-options/{id}`
pub async fn get_shipping_option(state: State, id: Id) -> Answer {
    wrapped(
        "shipping_option",
        state.shipping_options.retrieve(&id).await?,
    )
}

/// `POST /admin/shipping-options`
pub async fn create_shipping_option(state: State, body: Body) -> Answer {
    let input = CreateShippingOption::from_body_with(body.0, state.flags)?;
    wrapped(
        "shipping_option",
        state.shipping_options.create(input).await?,
    )
}

/// `POST /admin/shipping-options/{id}`
pub async fn update_shipping_option(state: State, id: Id, body: Body) -> Answer {
    let input = UpdateShippingOption::from_body_with(body.0, state.flags)?;
    wrapped(
        "shipping_option",
        state.shipping_options.update(&id, input).await?,
    )
}

/// `DELETE /admin/shipping-options/{id}`
pub async fn delete_shipping_option(state: State, id: Id) -> Answer {
    state.shipping_options.delete(&id).await?;
    Ok(deleted(&id, "shipping-option"))
}
