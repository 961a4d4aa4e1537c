//! Quantities held in levels: what a reservation adds to a level, what an item or a variant
//! can still sell at some locations, and which locations each sales channel sells from.

use std::collections::HashMap;

use medusa_core::{time, Result};
use medusa_entity::{
    inventory_level, product_variant_inventory_item, sales_channel, sales_channel_location,
};
use medusa_load::{all_in_insertion_order, live};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// The live level of an item at a location.
pub async fn find_level<C: ConnectionTrait>(
    conn: &C,
    item_id: &str,
    location_id: &str,
) -> Result<Option<inventory_level::Model>> {
    Ok(live::<inventory_level::Entity>()
        .filter(inventory_level::Column::InventoryItemId.eq(item_id))
        .filter(inventory_level::Column::LocationId.eq(location_id))
        .one(conn)
        .await?)
}

/// Moves the reserved quantity of an item's level at a location by `delta` (Medusa's
/// `adjustReservedQuantity`: a missing level is left alone).
pub async fn adjust_reserved_in<C: ConnectionTrait>(
    conn: &C,
    item_id: &str,
    location_id: &str,
    delta: i32,
) -> Result<()> {
    if delta == 0 {
        return Ok(());
    }
    inventory_level::Entity::update_many()
        .col_expr(
            inventory_level::Column::ReservedQuantity,
            Expr::col(inventory_level::Column::ReservedQuantity).add(delta),
        )
        .col_expr(inventory_level::Column::UpdatedAt, Expr::value(time::now()))
        .filter(inventory_level::Column::InventoryItemId.eq(item_id))
        .filter(inventory_level::Column::LocationId.eq(location_id))
        .exec(conn)
        .await?;
    Ok(())
}

/// What an item can still sell at these locations: the sum of stocked less reserved over its
/// live levels there; `None` when it has no level there (Medusa's `NaN`).
pub async fn available_quantity_in<C: ConnectionTrait>(
    conn: &C,
    item_id: &str,
    location_ids: &[String],
) -> Result<Option<i64>> {
    if location_ids.is_empty() {
        return Ok(Some(0));
    }
    let levels = live::<inventory_level::Entity>()
        .filter(inventory_level::Column::InventoryItemId.eq(item_id))
        .filter(inventory_level::Column::LocationId.is_in(location_ids.iter().cloned()))
        .all(conn)
        .await?;
    if levels.is_empty() {
        return Ok(None);
    }
    Ok(Some(
        levels
            .iter()
            .map(|l| i64::from(l.stocked_quantity) - i64::from(l.reserved_quantity))
            .sum(),
    ))
}

/// Every live sales channel (in database order) with the locations linked to it.
pub async fn channels_with_locations<C: ConnectionTrait>(
    conn: &C,
) -> Result<Vec<(sales_channel::Model, Vec<String>)>> {
    let channels = all_in_insertion_order(conn, live::<sales_channel::Entity>()).await?;
    let links = sales_channel_location::Entity::find()
        .filter(sales_channel_location::Column::DeletedAt.is_null())
        .all(conn)
        .await?;
    let mut by_channel: HashMap<String, Vec<String>> = HashMap::new();
    for link in links {
        by_channel
            .entry(link.sales_channel_id)
            .or_default()
            .push(link.location_id);
    }
    Ok(channels
        .into_iter()
        .map(|channel| {
            let locations = by_channel.remove(&channel.id).unwrap_or_default();
            (channel, locations)
        })
        .collect())
}

/// How many of a variant the locations can still sell: for each of its items, what is
/// available there divided by the quantity a variant needs, the least of them (Medusa's
/// `getVariantQuantityFromVariantInventoryItems`; `NaN` when an item has no level there).
pub async fn variant_quantity_in<C: ConnectionTrait>(
    conn: &C,
    links: &[product_variant_inventory_item::Model],
    location_ids: &[String],
) -> Result<f64> {
    let mut least = f64::INFINITY;
    for link in links {
        let available = available_quantity_in(conn, &link.inventory_item_id, location_ids).await?;
        let quantity = match available {
            Some(available) => available as f64 / f64::from(link.required_quantity),
            None => f64::NAN,
        };
        if quantity.is_nan() || quantity < least {
            least = quantity;
        }
        if least.is_nan() {
            break;
        }
    }
    Ok(least)
}
