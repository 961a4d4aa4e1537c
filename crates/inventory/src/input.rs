//! Request bodies, declared as Medusa's request classes declare them so a bad body gets
//! Medusa's messages in Medusa's order.

use medusa_core::body::{Body, Class, Rule};
use medusa_core::patch::Patch;
use medusa_core::{FeatureFlags, Result};
use serde_json::{Map, Value};

/// A JavaScript number stored in an `integer` column (PostgreSQL rounds a fraction).
fn int_of(body: &Body, name: &str) -> Option<i32> {
    body.number(name).map(|n| n.round() as i32)
}

// `AdminPostInventoryItemsReq`.
medusa_core::request! {
    /// A new item (`POST /admin/inventory-items`): the fields Medusa's create workflow keeps.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct CreateInventoryItem in CREATE_ITEM {
        /// The variant the item is attached to (required: Medusa 1.20 without the many-to-many
        /// inventory flag attaches every new item to one variant).
        pub variant_id: Option<String> = optional[Rule::String],
        pub sku: Option<String> = optional[Rule::String],
        pub hs_code: Option<String> = optional[Rule::String],
        pub weight: Option<i32> = optional[Rule::Number] => int_of,
        pub length: Option<i32> = optional[Rule::Number] => int_of,
        pub height: Option<i32> = optional[Rule::Number] => int_of,
        pub width: Option<i32> = optional[Rule::Number] => int_of,
        pub origin_country: Option<String> = optional[Rule::String],
        pub mid_code: Option<String> = optional[Rule::String],
        pub material: Option<String> = optional[Rule::String],
        // Medusa's create workflow drops these once validated.
        check "title" = optional[Rule::String],
        check "description" = optional[Rule::String],
        check "thumbnail" = optional[Rule::String],
        check "metadata" = optional[Rule::Object],
    }
}

fn patch_int(body: &Body, name: &str) -> Patch<i32> {
    body.patch(name, int_of)
}

// `AdminPostInventoryItemsInventoryItemReq`.
medusa_core::request! {
    /// Changes to an item; `None` leaves a field alone, `Some(None)` clears it.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct UpdateInventoryItem in UPDATE_ITEM {
        pub sku: Patch<String> = optional[Rule::String],
        pub origin_country: Patch<String> = optional[Rule::String],
        pub hs_code: Patch<String> = optional[Rule::String],
        pub mid_code: Patch<String> = optional[Rule::String],
        pub material: Patch<String> = optional[Rule::String],
        pub weight: Patch<i32> = optional[Rule::Number] => patch_int,
        pub height: Patch<i32> = optional[Rule::Number] => patch_int,
        pub length: Patch<i32> = optional[Rule::Number] => patch_int,
        pub width: Patch<i32> = optional[Rule::Number] => patch_int,
        pub title: Patch<String> = optional[Rule::String],
        pub description: Patch<String> = optional[Rule::String],
        pub thumbnail: Patch<String> = optional[Rule::String],
        pub requires_shipping: Patch<bool> = optional[Rule::Boolean],
    }
}

// `AdminPostInventoryItemsItemLocationLevelsReq`.
medusa_core::request! {
    /// A new level of an item at a location.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct CreateLevel in CREATE_LEVEL {
        pub location_id: String = required[Rule::String],
        pub stocked_quantity: i32 = required[Rule::Number]
            => |body, name| int_of(body, name).unwrap_or_default(),
        pub incoming_quantity: Option<i32> = optional[Rule::Number] => int_of,
    }
}

// `AdminPostInventoryItemsItemLocationLevelsLevelReq`.
medusa_core::request! {
    /// Changes to a level's quantities.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct UpdateLevel in UPDATE_LEVEL {
        pub incoming_quantity: Option<i32> = optional[Rule::Number, Rule::Min(0.0)] => int_of,
        pub stocked_quantity: Option<i32> = optional[Rule::Number, Rule::Min(0.0)] => int_of,
    }
}

// `StockLocationAddress` of the stock-location routes.
medusa_core::request! {
    /// A location's address.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct AddressInput in ADDRESS {
        pub address_1: String = required[Rule::String],
        pub address_2: Option<String> = optional[Rule::String],
        pub company: Option<String> = optional[Rule::String],
        pub city: Option<String> = optional[Rule::String],
        pub country_code: String = required[Rule::String],
        pub phone: Option<String> = optional[Rule::String],
        pub postal_code: Option<String> = optional[Rule::String],
        pub province: Option<String> = optional[Rule::String],
    }
}

/// `@Transform(({ value }) => value?.trim())`: the name is trimmed before it is checked.
fn accept_trimmed_name(class: &Class, mut body: Value, flags: FeatureFlags) -> Result<Body> {
    if let Some(Value::String(name)) = body.get_mut("name") {
        *name = name.trim().to_owned();
    }
    class.read_with(body, flags)
}

// `AdminPostStockLocationsReq`.
medusa_core::request! {
    /// A new location (`POST /admin/stock-locations`).
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct CreateStockLocation in CREATE_LOCATION read with accept_trimmed_name {
        pub name: String = required[Rule::NotEmpty, Rule::String],
        /// A new address, created with the location.
        pub address: Option<AddressInput> = optional[Rule::Nested(&ADDRESS)],
        /// An existing address, used when no `address` is given.
        pub address_id: Option<String> = optional[Rule::String],
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
    }
}

// `AdminPostStockLocationsLocationReq`.
medusa_core::request! {
    /// Changes to a location: `address` updates its address (or gives it one), `metadata` is
    /// merged into the stored one.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct UpdateStockLocation in UPDATE_LOCATION {
        pub name: Option<String> = optional[Rule::String],
        pub address: Option<AddressInput> = optional[Rule::Nested(&ADDRESS)],
        pub address_id: Option<String> = optional[Rule::String],
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
    }
}

// `AdminPostReservationsReq`.
medusa_core::request! {
    /// A new reservation (`POST /admin/reservations`).
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct CreateReservation in CREATE_RESERVATION {
        pub line_item_id: Option<String> = optional[Rule::String],
        pub location_id: String = required[Rule::String],
        pub inventory_item_id: String = required[Rule::String],
        pub quantity: i32 = required[Rule::Number]
            => |body, name| int_of(body, name).unwrap_or_default(),
        pub description: Option<String> = optional[Rule::String],
        pub metadata: Option<Value> = optional[Rule::Object],
    }
}

// `AdminPostReservationsReservationReq`.
medusa_core::request! {
    /// Changes to a reservation; `metadata` replaces the stored one.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct UpdateReservation in UPDATE_RESERVATION {
        pub quantity: Option<i32> = optional[Rule::Number] => int_of,
        pub location_id: Option<String> = optional[Rule::String],
        pub description: Patch<String> = optional[Rule::String],
        pub metadata: Option<Value> = optional[Rule::Object],
    }
}

// `AdminOrdersOrderLineItemReservationReq`, as its documentation declares it: Medusa 1.20's
// class carries no validators, so its whitelist refuses every property (a bug not copied).
medusa_core::request! {
    /// `POST /admin/orders/{id}/line-items/{line_item_id}/reserve`: where, and how many (the
    /// line's quantity when absent).
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct ReserveLineItem in RESERVE_LINE_ITEM {
        pub location_id: String = required[Rule::String],
        pub quantity: Option<i32> = optional[Rule::Number] => int_of,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn message<T: std::fmt::Debug>(result: Result<T>) -> String {
        result.unwrap_err().to_string()
    }

    /// The reference server's answers for these bodies.
    #[test]
    fn bad_bodies_get_medusas_messages() {
        assert_eq!(
            message(CreateStockLocation::from_body(json!({}))),
            "name should not be empty, name must be a string"
        );
        assert_eq!(
            message(CreateStockLocation::from_body(
                json!({"name": "x", "address": {"city": "c"}})
            )),
            "address_1 must be a string, country_code must be a string"
        );
        assert_eq!(
            message(CreateInventoryItem::from_body(json!({"sku": 5, "weight": "a", "foo": 1}))),
            "property foo should not exist, sku must be a string, weight must be a number conforming to the specified constraints"
        );
        assert_eq!(
            message(CreateLevel::from_body(json!({}))),
            "location_id must be a string, stocked_quantity must be a number conforming to the specified constraints"
        );
        assert_eq!(
            message(UpdateLevel::from_body(json!({"stocked_quantity": -1}))),
            "stocked_quantity must not be less than 0"
        );
        assert_eq!(
            message(CreateReservation::from_body(json!({}))),
            "location_id must be a string, inventory_item_id must be a string, quantity must be a number conforming to the specified constraints"
        );
        assert_eq!(
            message(UpdateInventoryItem::from_body(
                json!({"metadata": {"a": 1}})
            )),
            "property metadata should not exist"
        );
    }

    #[test]
    fn a_location_name_is_trimmed() {
        let input = CreateStockLocation::from_body(json!({"name": "  Paris  "})).unwrap();
        assert_eq!(input.name, "Paris");
        assert_eq!(
            message(CreateStockLocation::from_body(json!({"name": "   "}))),
            "name should not be empty"
        );
    }
}
