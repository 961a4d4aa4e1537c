//! Request bodies, declared as Medusa's request classes declare them so a bad body gets
//! Medusa's messages in Medusa's order.

use medusa_core::body::{Body, Class, Field, Rule};
use medusa_core::Result;
use serde_json::Value;

use crate::{
    AddressInput, CreateInventoryItem, CreateLevel, CreateReservation, CreateStockLocation,
    ReserveLineItem, UpdateInventoryItem, UpdateLevel, UpdateReservation, UpdateStockLocation,
};

/// A JavaScript number stored in an `integer` column (PostgreSQL rounds a fraction).
fn int_of(body: &Body, name: &str) -> Option<i32> {
    body.number(name).map(|n| n.round() as i32)
}

// `AdminPostInventoryItemsReq`.
static CREATE_ITEM: Class = Class::new(&[
    Field::optional("variant_id", &[Rule::String]),
    Field::optional("sku", &[Rule::String]),
    Field::optional("hs_code", &[Rule::String]),
    Field::optional("weight", &[Rule::Number]),
    Field::optional("length", &[Rule::Number]),
    Field::optional("height", &[Rule::Number]),
    Field::optional("width", &[Rule::Number]),
    Field::optional("origin_country", &[Rule::String]),
    Field::optional("mid_code", &[Rule::String]),
    Field::optional("material", &[Rule::String]),
    Field::optional("title", &[Rule::String]),
    Field::optional("description", &[Rule::String]),
    Field::optional("thumbnail", &[Rule::String]),
    Field::optional("metadata", &[Rule::Object]),
]);

impl CreateInventoryItem {
    /// Medusa's create workflow keeps only these fields of the body: `title`, `description`,
    /// `thumbnail` and `metadata` are validated, then dropped.
    pub fn from_body(body: Value) -> Result<Self> {
        let body = CREATE_ITEM.read(body)?;
        Ok(Self {
            variant_id: body.string("variant_id"),
            sku: body.string("sku"),
            hs_code: body.string("hs_code"),
            weight: int_of(&body, "weight"),
            length: int_of(&body, "length"),
            height: int_of(&body, "height"),
            width: int_of(&body, "width"),
            origin_country: body.string("origin_country"),
            mid_code: body.string("mid_code"),
            material: body.string("material"),
        })
    }
}

// `AdminPostInventoryItemsInventoryItemReq`.
static UPDATE_ITEM: Class = Class::new(&[
    Field::optional("sku", &[Rule::String]),
    Field::optional("origin_country", &[Rule::String]),
    Field::optional("hs_code", &[Rule::String]),
    Field::optional("mid_code", &[Rule::String]),
    Field::optional("material", &[Rule::String]),
    Field::optional("weight", &[Rule::Number]),
    Field::optional("height", &[Rule::Number]),
    Field::optional("length", &[Rule::Number]),
    Field::optional("width", &[Rule::Number]),
    Field::optional("title", &[Rule::String]),
    Field::optional("description", &[Rule::String]),
    Field::optional("thumbnail", &[Rule::String]),
    Field::optional("requires_shipping", &[Rule::Boolean]),
]);

impl UpdateInventoryItem {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = UPDATE_ITEM.read(body)?;
        let int = |body: &Body, name: &str| int_of(body, name);
        Ok(Self {
            sku: body.patch("sku", Body::string),
            origin_country: body.patch("origin_country", Body::string),
            hs_code: body.patch("hs_code", Body::string),
            mid_code: body.patch("mid_code", Body::string),
            material: body.patch("material", Body::string),
            weight: body.patch("weight", int),
            height: body.patch("height", int),
            length: body.patch("length", int),
            width: body.patch("width", int),
            title: body.patch("title", Body::string),
            description: body.patch("description", Body::string),
            thumbnail: body.patch("thumbnail", Body::string),
            requires_shipping: body.patch("requires_shipping", Body::boolean),
        })
    }
}

// `AdminPostInventoryItemsItemLocationLevelsReq`.
static CREATE_LEVEL: Class = Class::new(&[
    Field::required("location_id", &[Rule::String]),
    Field::required("stocked_quantity", &[Rule::Number]),
    Field::optional("incoming_quantity", &[Rule::Number]),
]);

impl CreateLevel {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = CREATE_LEVEL.read(body)?;
        Ok(Self {
            location_id: body.string("location_id").unwrap_or_default(),
            stocked_quantity: int_of(&body, "stocked_quantity").unwrap_or_default(),
            incoming_quantity: int_of(&body, "incoming_quantity"),
        })
    }
}

// `AdminPostInventoryItemsItemLocationLevelsLevelReq`.
static UPDATE_LEVEL: Class = Class::new(&[
    Field::optional("incoming_quantity", &[Rule::Number, Rule::Min(0.0)]),
    Field::optional("stocked_quantity", &[Rule::Number, Rule::Min(0.0)]),
]);

impl UpdateLevel {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = UPDATE_LEVEL.read(body)?;
        Ok(Self {
            incoming_quantity: int_of(&body, "incoming_quantity"),
            stocked_quantity: int_of(&body, "stocked_quantity"),
        })
    }
}

// `StockLocationAddress` of the stock-location routes.
static ADDRESS: Class = Class::new(&[
    Field::required("address_1", &[Rule::String]),
    Field::optional("address_2", &[Rule::String]),
    Field::optional("company", &[Rule::String]),
    Field::optional("city", &[Rule::String]),
    Field::required("country_code", &[Rule::String]),
    Field::optional("phone", &[Rule::String]),
    Field::optional("postal_code", &[Rule::String]),
    Field::optional("province", &[Rule::String]),
]);

fn address_of(body: &Body) -> Option<AddressInput> {
    body.nested("address").map(|address| AddressInput {
        address_1: address.string("address_1").unwrap_or_default(),
        address_2: address.string("address_2"),
        company: address.string("company"),
        city: address.string("city"),
        country_code: address.string("country_code").unwrap_or_default(),
        phone: address.string("phone"),
        postal_code: address.string("postal_code"),
        province: address.string("province"),
    })
}

/// `@Transform(({ value }) => value?.trim())`: the name is trimmed before it is checked.
fn trim_name(mut body: Value) -> Value {
    if let Some(Value::String(name)) = body.get_mut("name") {
        *name = name.trim().to_owned();
    }
    body
}

// `AdminPostStockLocationsReq`.
static CREATE_LOCATION: Class = Class::new(&[
    Field::required("name", &[Rule::NotEmpty, Rule::String]),
    Field::optional("address", &[Rule::Nested(&ADDRESS)]),
    Field::optional("address_id", &[Rule::String]),
    Field::optional("metadata", &[Rule::Object]),
]);

impl CreateStockLocation {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = CREATE_LOCATION.read(trim_name(body))?;
        Ok(Self {
            name: body.string("name").unwrap_or_default(),
            address: address_of(&body),
            address_id: body.string("address_id"),
            metadata: body.object("metadata"),
        })
    }
}

// `AdminPostStockLocationsLocationReq`.
static UPDATE_LOCATION: Class = Class::new(&[
    Field::optional("name", &[Rule::String]),
    Field::optional("address", &[Rule::Nested(&ADDRESS)]),
    Field::optional("address_id", &[Rule::String]),
    Field::optional("metadata", &[Rule::Object]),
]);

impl UpdateStockLocation {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = UPDATE_LOCATION.read(body)?;
        Ok(Self {
            name: body.string("name"),
            address: address_of(&body),
            address_id: body.string("address_id"),
            metadata: body.object("metadata"),
        })
    }
}

// `AdminPostReservationsReq`.
static CREATE_RESERVATION: Class = Class::new(&[
    Field::optional("line_item_id", &[Rule::String]),
    Field::required("location_id", &[Rule::String]),
    Field::required("inventory_item_id", &[Rule::String]),
    Field::required("quantity", &[Rule::Number]),
    Field::optional("description", &[Rule::String]),
    Field::optional("metadata", &[Rule::Object]),
]);

impl CreateReservation {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = CREATE_RESERVATION.read(body)?;
        Ok(Self {
            line_item_id: body.string("line_item_id"),
            location_id: body.string("location_id").unwrap_or_default(),
            inventory_item_id: body.string("inventory_item_id").unwrap_or_default(),
            quantity: int_of(&body, "quantity").unwrap_or_default(),
            description: body.string("description"),
            metadata: body.value("metadata").cloned(),
        })
    }
}

// `AdminPostReservationsReservationReq`.
static UPDATE_RESERVATION: Class = Class::new(&[
    Field::optional("quantity", &[Rule::Number]),
    Field::optional("location_id", &[Rule::String]),
    Field::optional("description", &[Rule::String]),
    Field::optional("metadata", &[Rule::Object]),
]);

impl UpdateReservation {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = UPDATE_RESERVATION.read(body)?;
        Ok(Self {
            quantity: int_of(&body, "quantity"),
            location_id: body.string("location_id"),
            description: body.patch("description", Body::string),
            metadata: body.value("metadata").cloned(),
        })
    }
}

// `AdminOrdersOrderLineItemReservationReq`, as its documentation declares it: Medusa 1.20's
// class carries no validators, so its whitelist refuses every property (a bug not copied).
static RESERVE_LINE_ITEM: Class = Class::new(&[
    Field::required("location_id", &[Rule::String]),
    Field::optional("quantity", &[Rule::Number]),
]);

impl ReserveLineItem {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = RESERVE_LINE_ITEM.read(body)?;
        Ok(Self {
            location_id: body.string("location_id").unwrap_or_default(),
            quantity: int_of(&body, "quantity"),
        })
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
