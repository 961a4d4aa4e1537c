//! Stock moved by fulfillments and returns at a location, as Medusa 1.20's routes do with the
//! inventory modules (`updateInventoryAndReservations` of an order's fulfillment, the
//! cancel's `adjustInventoryForCancelledFulfillment`, a return received at a location): the
//! items' levels there lose what is shipped (after checking they stock it), the lines'
//! reservations shrink by it, and a canceled fulfillment or a received return puts it back.
//! Each function answers `false` without the modules: the caller then moves the variants'
//! own `inventory_quantity`, as Medusa does without them.

use medusa_core::{time, Error, Result};
use medusa_entity::{inventory_level, product_variant_inventory_item, reservation_item};
use medusa_load::{all_in_insertion_order, live};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};

use crate::events::{ReservationDeleted, ReservationUpdated};
use crate::reservations::{has_reservations_table, release_in};
use crate::stock::adjust_reserved_in;

/// A fulfilled quantity of an order line of a variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FulfilledLine {
    pub line_item_id: String,
    pub variant_id: String,
    pub title: String,
    pub quantity: i32,
}

/// Whether the inventory modules are on in this database (their tables exist).
pub async fn inventory_on_in<C: ConnectionTrait>(conn: &C) -> Result<bool> {
    has_reservations_table(conn).await
}

/// The variant's live item links (`listByVariant`).
async fn links_of<C: ConnectionTrait>(
    conn: &C,
    variant_id: &str,
) -> Result<Vec<product_variant_inventory_item::Model>> {
    all_in_insertion_order(
        conn,
        live::<product_variant_inventory_item::Entity>()
            .filter(product_variant_inventory_item::Column::VariantId.eq(variant_id)),
    )
    .await
}

/// Ships `lines` from `location_id`: every line's items must be stocked there
/// (`validateInventoryAtLocation`), then each line's reservations shrink by the quantity
/// (those at the location first) and its items' levels there lose it.
pub async fn fulfill_at_location_in<C: ConnectionTrait>(
    conn: &C,
    location_id: &str,
    lines: &[FulfilledLine],
) -> Result<bool> {
    if !has_reservations_table(conn).await? {
        return Ok(false);
    }
    for line in lines {
        check_stocked(conn, location_id, line).await?;
    }
    for line in lines {
        shrink_reservations(conn, line, location_id).await?;
        adjust_stock_in(conn, &line.variant_id, location_id, -line.quantity).await?;
    }
    Ok(true)
}

/// Puts `quantity` units of a variant back at a location (a canceled fulfillment, a received
/// return): each of its items' levels there gains `required_quantity × quantity`. Without a
/// location (a return received nowhere in particular) no level moves.
pub async fn restock_at_location_in<C: ConnectionTrait>(
    conn: &C,
    variant_id: &str,
    location_id: Option<&str>,
    quantity: i32,
) -> Result<bool> {
    if !has_reservations_table(conn).await? {
        return Ok(false);
    }
    if let Some(location_id) = location_id {
        adjust_stock_in(conn, variant_id, location_id, quantity).await?;
    }
    Ok(true)
}

async fn check_stocked<C: ConnectionTrait>(
    conn: &C,
    location_id: &str,
    line: &FulfilledLine,
) -> Result<()> {
    let links = links_of(conn, &line.variant_id).await?;
    if links.is_empty() {
        return Ok(());
    }
    let levels = live::<inventory_level::Entity>()
        .filter(
            inventory_level::Column::InventoryItemId
                .is_in(links.iter().map(|l| l.inventory_item_id.clone())),
        )
        .filter(inventory_level::Column::LocationId.eq(location_id))
        .all(conn)
        .await?;
    if levels.is_empty() {
        return Err(Error::not_allowed(format!(
            "Inventory item for {} not found at location",
            line.title
        )));
    }
    for level in &levels {
        let needed = links
            .iter()
            .find(|l| l.inventory_item_id == level.inventory_item_id)
            .map(|l| i64::from(l.required_quantity) * i64::from(line.quantity));
        if needed.is_none_or(|needed| needed > i64::from(level.stocked_quantity)) {
            return Err(Error::not_allowed(format!(
                "Insufficient stock for item: {}",
                line.title
            )));
        }
    }
    Ok(())
}

/// `adjustReservationsQuantityByLineItem` with `-quantity`: a reservation at the location
/// holding exactly the quantity is removed; otherwise the newest (those at the location
/// first) are removed while they fit in what is left, and the next one shrinks by the rest.
async fn shrink_reservations<C: ConnectionTrait>(
    conn: &C,
    line: &FulfilledLine,
    location_id: &str,
) -> Result<()> {
    let mut held = live::<reservation_item::Entity>()
        .filter(reservation_item::Column::LineItemId.eq(&line.line_item_id))
        .order_by_desc(reservation_item::Column::CreatedAt)
        .all(conn)
        .await?;
    if held.is_empty() {
        return Ok(());
    }
    held.sort_by_key(|r| r.location_id != location_id);
    let required = links_of(conn, &line.variant_id)
        .await?
        .first()
        .map_or(1, |l| l.required_quantity);
    let delta = (line.quantity * required).abs();
    if let Some(exact) = held
        .iter()
        .find(|r| r.quantity == delta && r.location_id == location_id)
    {
        return delete_reservation(conn, exact).await;
    }
    let mut remaining = delta;
    for reservation in &held {
        if reservation.quantity <= remaining {
            remaining -= reservation.quantity;
            delete_reservation(conn, reservation).await?;
        } else {
            let quantity = reservation.quantity - remaining;
            adjust_reserved_in(
                conn,
                &reservation.inventory_item_id,
                &reservation.location_id,
                -remaining,
            )
            .await?;
            let mut row = reservation.clone().into_active_model();
            row.quantity = Set(quantity);
            row.updated_at = Set(time::now());
            row.update(conn).await?;
            medusa_events::record_event(
                conn,
                &ReservationUpdated {
                    id: reservation.id.clone(),
                },
            )
            .await?;
            break;
        }
    }
    Ok(())
}

async fn delete_reservation<C: ConnectionTrait>(
    conn: &C,
    reservation: &reservation_item::Model,
) -> Result<()> {
    release_in(conn, reservation).await?;
    medusa_events::record_event(
        conn,
        &ReservationDeleted {
            ids: reservation.id.clone(),
        },
    )
    .await
}

/// `adjustInventory(variant, location, quantity)`: each item's level there moves by
/// `required_quantity × quantity`; an item without a level there is Medusa's not-found.
async fn adjust_stock_in<C: ConnectionTrait>(
    conn: &C,
    variant_id: &str,
    location_id: &str,
    quantity: i32,
) -> Result<()> {
    for link in links_of(conn, variant_id).await? {
        let moved = inventory_level::Entity::update_many()
            .col_expr(
                inventory_level::Column::StockedQuantity,
                Expr::col(inventory_level::Column::StockedQuantity)
                    .add(link.required_quantity * quantity),
            )
            .col_expr(inventory_level::Column::UpdatedAt, Expr::value(time::now()))
            .filter(inventory_level::Column::InventoryItemId.eq(&link.inventory_item_id))
            .filter(inventory_level::Column::LocationId.eq(location_id))
            .filter(inventory_level::Column::DeletedAt.is_null())
            .exec(conn)
            .await?;
        if moved.rows_affected == 0 {
            return Err(Error::not_found(format!(
                "Inventory level for item {} and location {location_id} not found",
                link.inventory_item_id
            )));
        }
    }
    Ok(())
}
