//! `/admin/inventory-items`, `/admin/stock-locations`, `/admin/reservations` and the order
//! reservation routes: Medusa's inventory and stock-location modules.

use actix_web::{HttpRequest, HttpResponse};
use medusa_inventory::{
    CreateInventoryItem, CreateLevel, CreateReservation, CreateStockLocation, ReserveLineItem,
    UpdateInventoryItem, UpdateLevel, UpdateReservation, UpdateStockLocation, INVENTORY_ITEM_LIST,
    INVENTORY_ITEM_RETRIEVE, LOCATION_LEVEL_LIST, ORDER_RESERVATION_LIST, STOCK_LOCATION_LIST,
    STOCK_LOCATION_RETRIEVE,
};
use medusa_query_dsl::{ResourceSpec, Selection};
use serde_json::Value;

use crate::{
    error::ApiResult,
    handlers::{deleted, list_plan, wrapped, Answer, Body, Id, Ids, State},
    middleware::auth::Caller,
};

/// The list envelope as the service built it (the items are already Medusa's JSON).
fn page(page: medusa_core::ListPage<Value>) -> Answer {
    Ok(HttpResponse::Ok().json(page))
}

/// `fields`/`expand` of a retrieve or write route.
fn selection(req: &HttpRequest, spec: &ResourceSpec) -> ApiResult<Selection> {
    let raw = medusa_query_dsl::parse(req.query_string())?;
    Ok(medusa_query_dsl::plan_retrieve(spec, &raw)?)
}

/// A pass-through list parameter (`location_id`, `sales_channel_id`).
fn passthrough(req: &HttpRequest, name: &str) -> ApiResult<Option<Vec<String>>> {
    let raw = medusa_query_dsl::parse(req.query_string())?;
    Ok(medusa_query_dsl::passthrough_list(&raw, name)?
        .map(|ids| ids.into_iter().map(str::to_owned).collect()))
}

/// `GET /admin/inventory-items`
pub async fn list_inventory_items(state: State, req: HttpRequest) -> Answer {
    let plan = list_plan(&req, &state, &INVENTORY_ITEM_LIST)?;
    let locations = passthrough(&req, "location_id")?.unwrap_or_default();
    page(state.inventory_items.list(&plan, &locations).await?)
}

/// `POST /admin/inventory-items`
pub async fn create_inventory_item(state: State, req: HttpRequest, body: Body) -> Answer {
    selection(&req, &INVENTORY_ITEM_RETRIEVE)?;
    let input = CreateInventoryItem::from_body(body.0)?;
    wrapped("inventory_item", state.inventory_items.create(input).await?)
}

/// `GET /admin/inventory-items/{id}`
pub async fn get_inventory_item(state: State, req: HttpRequest, id: Id) -> Answer {
    selection(&req, &INVENTORY_ITEM_RETRIEVE)?;
    wrapped("inventory_item", state.inventory_items.retrieve(&id).await?)
}

/// `POST /admin/inventory-items/{id}`
pub async fn update_inventory_item(state: State, req: HttpRequest, id: Id, body: Body) -> Answer {
    selection(&req, &INVENTORY_ITEM_RETRIEVE)?;
    let input = UpdateInventoryItem::from_body(body.0)?;
    wrapped(
        "inventory_item",
        state.inventory_items.update(&id, input).await?,
    )
}

/// `DELETE /admin/inventory-items/{id}`
pub async fn delete_inventory_item(state: State, id: Id) -> Answer {
    state.inventory_items.delete(&id).await?;
    Ok(deleted(&id, "inventory_item"))
}

/// `GET /admin/inventory-items/{id}/location-levels`
pub async fn list_location_levels(state: State, req: HttpRequest, id: Id) -> Answer {
    let plan = list_plan(&req, &state, &LOCATION_LEVEL_LIST)?;
    wrapped(
        "inventory_item",
        state.inventory_items.list_levels(&id, &plan).await?,
    )
}

/// `POST /admin/inventory-items/{id}/location-levels`
pub async fn create_location_level(state: State, req: HttpRequest, id: Id, body: Body) -> Answer {
    selection(&req, &INVENTORY_ITEM_RETRIEVE)?;
    let input = CreateLevel::from_body(body.0)?;
    wrapped(
        "inventory_item",
        state.inventory_items.create_level(&id, input).await?,
    )
}

/// `POST /admin/inventory-items/{id}/location-levels/{location_id}`
pub async fn update_location_level(
    state: State,
    req: HttpRequest,
    path: Ids,
    body: Body,
) -> Answer {
    let (id, location_id) = path.into_inner();
    selection(&req, &INVENTORY_ITEM_RETRIEVE)?;
    let input = UpdateLevel::from_body(body.0)?;
    wrapped(
        "inventory_item",
        state
            .inventory_items
            .update_level(&id, &location_id, input)
            .await?,
    )
}

/// `DELETE /admin/inventory-items/{id}/location-levels/{location_id}`
pub async fn delete_location_level(state: State, path: Ids) -> Answer {
    let (id, location_id) = path.into_inner();
    wrapped(
        "inventory_item",
        state
            .inventory_items
            .delete_level(&id, &location_id)
            .await?,
    )
}

/// `GET /admin/stock-locations`
pub async fn list_stock_locations(state: State, req: HttpRequest) -> Answer {
    let plan = list_plan(&req, &state, &STOCK_LOCATION_LIST)?;
    let channels = passthrough(&req, "sales_channel_id")?;
    page(
        state
            .stock_locations
            .list(&plan, channels.as_deref())
            .await?,
    )
}

/// `POST /admin/stock-locations`
pub async fn create_stock_location(state: State, req: HttpRequest, body: Body) -> Answer {
    let selection = selection(&req, &STOCK_LOCATION_RETRIEVE)?;
    let input = CreateStockLocation::from_body(body.0)?;
    wrapped(
        "stock_location",
        state.stock_locations.create(input, &selection).await?,
    )
}

/// `GET /admin/stock-locations/{id}`
pub async fn get_stock_location(state: State, req: HttpRequest, id: Id) -> Answer {
    let selection = selection(&req, &STOCK_LOCATION_RETRIEVE)?;
    wrapped(
        "stock_location",
        state.stock_locations.retrieve(&id, &selection).await?,
    )
}

/// `POST /admin/stock-locations/{id}`
pub async fn update_stock_location(state: State, req: HttpRequest, id: Id, body: Body) -> Answer {
    let selection = selection(&req, &STOCK_LOCATION_RETRIEVE)?;
    let input = UpdateStockLocation::from_body(body.0)?;
    wrapped(
        "stock_location",
        state.stock_locations.update(&id, input, &selection).await?,
    )
}

/// `DELETE /admin/stock-locations/{id}`
pub async fn delete_stock_location(state: State, id: Id) -> Answer {
    state.stock_locations.delete(&id).await?;
    Ok(deleted(&id, "stock_location"))
}

/// `GET /admin/reservations`
pub async fn list_reservations(state: State, req: HttpRequest) -> Answer {
    let page = state.reservations.list(req.query_string()).await?;
    // Medusa's reservation lists write `limit` before `offset`.
    Ok(HttpResponse::Ok().json(serde_json::json!({
        "reservations": page.items, "count": page.count,
        "limit": page.limit, "offset": page.offset,
    })))
}

/// `POST /admin/reservations`
pub async fn create_reservation(state: State, caller: Caller, body: Body) -> Answer {
    let input = CreateReservation::from_body(body.0)?;
    wrapped(
        "reservation",
        state.reservations.create(input, &caller.0.user_id).await?,
    )
}

/// `GET /admin/reservations/{id}`
pub async fn get_reservation(state: State, id: Id) -> Answer {
    wrapped("reservation", state.reservations.retrieve(&id).await?)
}

/// `POST /admin/reservations/{id}`: answers the updated reservation (Medusa 1.20 answers an
/// empty object here, its handler losing the result).
pub async fn update_reservation(state: State, id: Id, body: Body) -> Answer {
    let input = UpdateReservation::from_body(body.0)?;
    wrapped("reservation", state.reservations.update(&id, input).await?)
}

/// `DELETE /admin/reservations/{id}`
pub async fn delete_reservation(state: State, id: Id) -> Answer {
    state.reservations.delete(&id).await?;
    Ok(deleted(&id, "reservation"))
}

/// `GET /admin/orders/{id}/reservations`
pub async fn list_order_reservations(state: State, req: HttpRequest, id: Id) -> Answer {
    let plan = list_plan(&req, &state, &ORDER_RESERVATION_LIST)?;
    let page = state.reservations.list_for_order(&id, &plan).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({
        "reservations": page.items, "count": page.count,
        "limit": page.limit, "offset": page.offset,
    })))
}

/// `POST /admin/orders/{id}/line-items/{line_item_id}/reserve`
pub async fn reserve_line_item(state: State, path: Ids, body: Body) -> Answer {
    let (id, line_item_id) = path.into_inner();
    let input = ReserveLineItem::from_body(body.0)?;
    wrapped(
        "reservation",
        state
            .reservations
            .reserve_line_item(&id, &line_item_id, input)
            .await?,
    )
}

/// `GET /admin/variants/{id}/inventory`
pub async fn get_variant_inventory(state: State, id: Id) -> Answer {
    wrapped(
        "variant",
        state.inventory_items.variant_inventory(&id).await?,
    )
}
