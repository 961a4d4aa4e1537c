//! The relations the item answers carry: an item's levels (with what each can still sell)
//! and the variants it is attached to, each with its product; one statement per relation for
//! a whole page.

use medusa_core::Result;
use medusa_entity::{inventory_level, product, product_variant, product_variant_inventory_item};
use medusa_load::{by_key, children, live, Reader};
use medusa_query_dsl::in_insertion_order;
use sea_orm::{ColumnTrait, QueryFilter};
use serde_json::{Map, Value};

use crate::json;

/// The item with its `levels` (with availability) and their sums, as `joinLevels` writes it.
pub(crate) fn with_levels(
    mut item: Map<String, Value>,
    levels: &[inventory_level::Model],
) -> Result<Map<String, Value>> {
    let reserved: i64 = levels.iter().map(|l| i64::from(l.reserved_quantity)).sum();
    let stocked: i64 = levels.iter().map(|l| i64::from(l.stocked_quantity)).sum();
    item.insert("reserved_quantity".into(), Value::from(reserved));
    item.insert("stocked_quantity".into(), Value::from(stocked));
    let levels = levels
        .iter()
        .map(json::level_with_availability)
        .collect::<Result<Vec<_>>>()?;
    item.insert("location_levels".into(), Value::Array(levels));
    Ok(item)
}

/// The live levels of `items` (only at `location_ids` when given), grouped per item.
pub(crate) async fn levels_of<C: medusa_load::Connection>(
    reader: &mut Reader<'_, C>,
    items: &[String],
    location_ids: &[String],
) -> Result<medusa_load::Children<inventory_level::Model>> {
    let mut select = in_insertion_order(live::<inventory_level::Entity>(), reader.backend());
    if !location_ids.is_empty() {
        select =
            select.filter(inventory_level::Column::LocationId.is_in(location_ids.iter().cloned()));
    }
    children(
        reader,
        select,
        inventory_level::Column::InventoryItemId,
        items,
    )
    .await
}

/// The variants attached to `items`, each with its product, grouped per item.
pub(crate) async fn variants_of<C: medusa_load::Connection>(
    reader: &mut Reader<'_, C>,
    items: &[String],
) -> Result<Vec<Vec<Value>>> {
    let links_select = in_insertion_order(
        live::<product_variant_inventory_item::Entity>(),
        reader.backend(),
    );
    let mut links = children(
        reader,
        links_select,
        product_variant_inventory_item::Column::InventoryItemId,
        items,
    )
    .await?;
    let link_groups: Vec<Vec<product_variant_inventory_item::Model>> =
        (0..items.len()).map(|i| links.take(i)).collect();
    let variant_ids = link_groups
        .iter()
        .flatten()
        .map(|l| l.variant_id.clone())
        .collect::<Vec<_>>();
    let variants = by_key(
        reader,
        live::<product_variant::Entity>(),
        product_variant::Column::Id,
        variant_ids,
    )
    .await?;
    let products = by_key(
        reader,
        live::<product::Entity>(),
        product::Column::Id,
        variants.values().map(|v| v.product_id.clone()),
    )
    .await?;
    link_groups
        .iter()
        .map(|group| {
            group
                .iter()
                .filter_map(|link| variants.get(&link.variant_id))
                .map(|variant| {
                    let mut map = json::all(variant)?;
                    let product = products
                        .get(&variant.product_id)
                        .map(json::all)
                        .transpose()?
                        .map_or(Value::Null, Value::Object);
                    map.insert("product".into(), product);
                    Ok(Value::Object(map))
                })
                .collect::<Result<Vec<_>>>()
        })
        .collect()
}
