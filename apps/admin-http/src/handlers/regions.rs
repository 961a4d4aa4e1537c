//! `/admin/regions`: regions, their countries and their payment and fulfillment providers.

use actix_web::HttpRequest;
use medusa_region::input::{country_code_from_body, provider_id_from_body};
use medusa_region::{region_list_spec, region_retrieve_spec, CreateRegion, UpdateRegion};

use crate::handlers::{deleted, list_plan, list_response, wrapped, Answer, Body, Id, Ids, State};

/// `GET /admin/regions`
pub async fn list_regions(state: State, req: HttpRequest) -> Answer {
    let plan = list_plan(&req, &state, region_list_spec(state.flags))?;
    let page = state.regions.list(&plan).await?;
    list_response(page, &plan)
}

/// `GET /admin/regions/{id}`
pub async fn get_region(state: State, req: HttpRequest, id: Id) -> Answer {
    let raw = medusa_query_dsl::parse(req.query_string())?;
    let selection = medusa_query_dsl::plan_retrieve(region_retrieve_spec(state.flags), &raw)?;
    let region = state.regions.retrieve(&id, &selection).await?;
    let mut value = serde_json::to_value(region).map_err(serialization)?;
    selection.shape(&mut value);
    wrapped("region", value)
}

/// `POST /admin/regions`
pub async fn create_region(state: State, body: Body) -> Answer {
    let input = CreateRegion::from_body_with(body.0, state.flags)?;
    wrapped("region", state.regions.create(input).await?)
}

/// `POST /admin/regions/{id}`
pub async fn update_region(state: State, id: Id, body: Body) -> Answer {
    let input = UpdateRegion::from_body(body.0, state.flags)?;
    wrapped("region", state.regions.update(&id, input).await?)
}

/// `DELETE /admin/regions/{id}`
pub async fn delete_region(state: State, id: Id) -> Answer {
    state.regions.delete(&id).await?;
    Ok(deleted(&id, "region"))
}

/// `GET /admin/regions/{id}/fulfillment-options`
pub async fn list_region_fulfillment_options(state: State, id: Id) -> Answer {
    wrapped(
        "fulfillment_options",
        state.regions.fulfillment_options(&id).await?,
    )
}

/// `POST /admin/regions/{id}/countries`
pub async fn add_region_country(state: State, id: Id, body: Body) -> Answer {
    let code = country_code_from_body(body.0)?;
    wrapped("region", state.regions.add_country(&id, &code).await?)
}

/// `DELETE /admin/regions/{id}/countries/{country_code}`
pub async fn remove_region_country(state: State, path: Ids) -> Answer {
    let (id, code) = path.into_inner();
    wrapped("region", state.regions.remove_country(&id, &code).await?)
}

/// `POST /admin/regions/{id}/payment-providers`
pub async fn add_region_payment_provider(state: State, id: Id, body: Body) -> Answer {
    let provider = provider_id_from_body(body.0)?;
    wrapped(
        "region",
        state.regions.add_payment_provider(&id, &provider).await?,
    )
}

/// `DELETE /admin/regions/{id}/payment-providers/{provider_id}`
pub async fn remove_region_payment_provider(state: State, path: Ids) -> Answer {
    let (id, provider) = path.into_inner();
    wrapped(
        "region",
        state
            .regions
            .remove_payment_provider(&id, &provider)
            .await?,
    )
}

/// `POST /admin/regions/{id}/fulfillment-providers`
pub async fn add_region_fulfillment_provider(state: State, id: Id, body: Body) -> Answer {
    let provider = provider_id_from_body(body.0)?;
    wrapped(
        "region",
        state
            .regions
            .add_fulfillment_provider(&id, &provider)
            .await?,
    )
}

/// `DELETE /admin/regions/{id}/fulfillment-providers/{provider_id}`
pub async fn remove_region_fulfillment_provider(state: State, path: Ids) -> Answer {
    let (id, provider) = path.into_inner();
    wrapped(
        "region",
        state
            .regions
            .remove_fulfillment_provider(&id, &provider)
            .await?,
    )
}

fn serialization(err: serde_json::Error) -> medusa_core::Error {
    medusa_core::Error::UnexpectedState(format!("response serialization failed: {err}"))
}
