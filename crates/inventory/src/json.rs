//! The inventory answers' JSON: each resource as Medusa's module returns it, trimmed to the
//! fields the route selects.

use medusa_core::{Error, Result};
use medusa_entity::{inventory_item, inventory_level, reservation_item, stock_location};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::specs::{ITEM_FIELDS, LOCATION_FIELDS, RESERVATION_FIELDS};

/// Medusa's `defaultAdminLocationLevelFields` (the levels route).
pub const LEVEL_FIELDS: &[&str] = &[
    "id",
    "inventory_item_id",
    "location_id",
    "stocked_quantity",
    "reserved_quantity",
    "incoming_quantity",
    "metadata",
    "created_at",
    "updated_at",
];

/// Every column of a row, as the module returns an entity it did not trim.
pub fn all<M: Serialize>(model: &M) -> Result<Map<String, Value>> {
    match serde_json::to_value(model) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(Error::UnexpectedState(
            "a row serialized as no object".into(),
        )),
        Err(err) => Err(Error::UnexpectedState(format!(
            "serialization failed: {err}"
        ))),
    }
}

/// Only `fields` of a row.
pub fn pick<M: Serialize>(model: &M, fields: &[&str]) -> Result<Map<String, Value>> {
    let mut map = all(model)?;
    map.retain(|key, _| fields.contains(&key.as_str()));
    Ok(map)
}

/// An item as the item routes select it.
pub fn item(model: &inventory_item::Model) -> Result<Map<String, Value>> {
    pick(model, ITEM_FIELDS)
}

/// A level with every column and its `available_quantity` (stocked less reserved).
pub fn level_with_availability(model: &inventory_level::Model) -> Result<Value> {
    let mut map = all(model)?;
    let available = i64::from(model.stocked_quantity) - i64::from(model.reserved_quantity);
    map.insert("available_quantity".into(), Value::from(available));
    Ok(Value::Object(map))
}

/// A location as the location routes select it.
pub fn location(model: &stock_location::Model) -> Result<Map<String, Value>> {
    pick(model, LOCATION_FIELDS)
}

/// A reservation as the reservation list selects it.
pub fn reservation(model: &reservation_item::Model) -> Result<Map<String, Value>> {
    pick(model, RESERVATION_FIELDS)
}

#[cfg(test)]
mod tests {
    use medusa_core::number::json_number as js_number;
    use serde_json::json;

    #[test]
    fn numbers_are_written_as_javascript_writes_them() {
        for (value, expected) in [
            (3.0, json!(3)),
            (-2.0, json!(-2)),
            (2.5, json!(2.5)),
            (f64::NAN, json!(null)),
            (f64::INFINITY, json!(null)),
        ] {
            assert_eq!(js_number(value), expected, "{value}");
        }
    }
}
