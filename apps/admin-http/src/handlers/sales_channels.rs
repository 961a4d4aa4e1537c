//! `/admin/sales-channels`.

use actix_web::HttpRequest;
use medusa_sales_channel::{
    location_id_from_body, product_ids_from_body, CreateSalesChannel, UpdateSalesChannel,
    SALES_CHANNEL_LIST,
};

use crate::handlers::{deleted, list_plan, list_response, wrapped, Answer, Body, Id, State};

/// `GET /admin/sales-channels`
pub async fn list_sales_channels(state: State, req: HttpRequest) -> Answer {
    let plan = list_plan(&req, &state, &SALES_CHANNEL_LIST)?;
    let page = state.sales_channels.list(&plan).await?;
    list_response(page, &plan)
}

/// `POST /admin/sales-channels`
pub async fn create_sales_channel(state: State, body: Body) -> Answer {
    let input = CreateSalesChannel::from_body(body.0)?;
    wrapped("sales_channel", state.sales_channels.create(input).await?)
}

/// `GET /admin/sales-channels/{id}`
pub async fn get_sales_channel(state: State, id: Id) -> Answer {
    wrapped("sales_channel", state.sales_channels.retrieve(&id).await?)
}

/// `POST /admin/sales-channels/{id}`
pub async fn update_sales_channel(state: State, id: Id, body: Body) -> Answer {
    let input = UpdateSalesChannel::from_body(body.0)?;
    wrapped(
        "sales_channel",
        state.sales_channels.update(&id, input).await?,
    )
}

/// `DELETE /admin/sales-channels/{id}`
pub async fn delete_sales_channel(state: State, id: Id) -> Answer {
    state.sales_channels.delete(&id).await?;
    Ok(deleted(&id, "sales-channel"))
}

/// `POST /admin/sales-channels/{id}/products/batch`
pub async fn add_sales_channel_products(state: State, id: Id, body: Body) -> Answer {
    let product_ids = product_ids_from_body(body.0)?;
    let missing = state.sales_channels.missing_products(&product_ids).await?;
    if !missing.is_empty() {
        return Ok(super::missing_ids_response("Products", &missing));
    }
    wrapped(
        "sales_channel",
        state.sales_channels.add_products(&id, &product_ids).await?,
    )
}

/// `DELETE /admin/sales-channels/{id}/products/batch`
pub async fn remove_sales_channel_products(state: State, id: Id, body: Body) -> Answer {
    let product_ids = product_ids_from_body(body.0)?;
    wrapped(
        "sales_channel",
        state
            .sales_channels
            .remove_products(&id, &product_ids)
            .await?,
    )
}

/// `POST /admin/sales-channels/{id}/stock-locations`
pub async fn add_sales_channel_stock_location(state: State, id: Id, body: Body) -> Answer {
    let location_id = location_id_from_body(body.0)?;
    wrapped(
        "sales_channel",
        state
            .sales_channels
            .add_stock_location(&id, &location_id)
            .await?,
    )
}

/// `DELETE /admin/sales-channels/{id}/stock-locations`
pub async fn remove_sales_channel_stock_location(state: State, id: Id, body: Body) -> Answer {
    let location_id = location_id_from_body(body.0)?;
    state
        .sales_channels
        .remove_stock_location(&id, &location_id)
        .await?;
    Ok(deleted(&id, "stock-location"))
}
