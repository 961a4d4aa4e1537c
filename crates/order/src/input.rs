//! The order writes' request bodies, declared as Medusa 1.20's request classes declare them
//! (`AdminPostOrdersOrderReq`, `AdminPostOrdersOrderRefundsReq`, ...), so a bad body gets
//! Medusa's messages in Medusa's order.

use medusa_core::body::{Body, Class, Field, Rule};
use medusa_core::Result;
use serde_json::{Map, Value};

/// Medusa's `refund_reason` enum.
pub const REFUND_REASONS: &[&str] = &["discount", "return", "swap", "claim", "other"];

/// `AddressPayload`: every property an optional string but `metadata`.
pub static ADDRESS: Class = Class::new(&[
    Field::optional("first_name", &[Rule::String]),
    Field::optional("last_name", &[Rule::String]),
    Field::optional("phone", &[Rule::String]),
    Field::optional("metadata", &[Rule::Object]),
    Field::optional("company", &[Rule::String]),
    Field::optional("address_1", &[Rule::String]),
    Field::optional("address_2", &[Rule::String]),
    Field::optional("city", &[Rule::String]),
    Field::optional("country_code", &[Rule::String]),
    Field::optional("province", &[Rule::String]),
    Field::optional("postal_code", &[Rule::String]),
]);

static PAYMENT_METHOD: Class = Class::new(&[
    Field::optional("provider_id", &[Rule::String]),
    Field::optional("data", &[Rule::Object]),
]);

static SHIPPING_METHOD: Class = Class::new(&[
    Field::optional("provider_id", &[Rule::String]),
    Field::optional("profile_id", &[Rule::String]),
    Field::optional("price", &[Rule::Int]),
    Field::optional("data", &[Rule::Object]),
    Field::optional("items", &[Rule::Array]),
]);

static UPDATE_ORDER: Class = Class::new(&[
    Field::optional("email", &[Rule::Email]),
    Field::optional("billing_address", &[Rule::Nested(&ADDRESS)]),
    Field::optional("shipping_address", &[Rule::Nested(&ADDRESS)]),
    Field::optional("items", &[Rule::Array]),
    Field::optional("region", &[Rule::String]),
    Field::optional("discounts", &[Rule::Array]),
    Field::optional("customer_id", &[Rule::String]),
    Field::optional("payment_method", &[Rule::Nested(&PAYMENT_METHOD)]),
    Field::optional("shipping_method", &[Rule::EachNested(&SHIPPING_METHOD)]),
    Field::optional("no_notification", &[Rule::Boolean]),
]);

/// The address properties a body set (`country_code` as given; the write lowercases it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AddressInput {
    /// Each given string property, by column name.
    pub fields: Map<String, Value>,
    pub metadata: Option<Map<String, Value>>,
}

impl AddressInput {
    pub fn from(body: Body) -> Self {
        let mut fields = body.into_map();
        let metadata = match fields.remove("metadata") {
            Some(Value::Object(map)) => Some(map),
            _ => None,
        };
        fields.retain(|_, value| !value.is_null());
        Self { fields, metadata }
    }

    pub fn country_code(&self) -> Option<String> {
        self.fields
            .get("country_code")
            .and_then(Value::as_str)
            .map(str::to_lowercase)
    }
}

/// `POST /admin/orders/{id}`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UpdateOrder {
    pub email: Option<String>,
    pub billing_address: Option<AddressInput>,
    pub shipping_address: Option<AddressInput>,
    /// Line items to add, as given.
    pub items: Option<Vec<Value>>,
    pub customer_id: Option<String>,
    pub no_notification: Option<bool>,
}

impl UpdateOrder {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = UPDATE_ORDER.read(body)?;
        Ok(Self {
            email: body.string("email"),
            billing_address: body.nested("billing_address").map(AddressInput::from),
            shipping_address: body.nested("shipping_address").map(AddressInput::from),
            items: body.value("items").and_then(Value::as_array).cloned(),
            customer_id: body.string("customer_id"),
            no_notification: body.boolean("no_notification"),
        })
    }
}

static REFUND: Class = Class::new(&[
    Field::required("amount", &[Rule::NotEmpty, Rule::Int]),
    Field::required("reason", &[Rule::NotEmpty, Rule::String]),
    Field::optional("note", &[Rule::String]),
    Field::optional("no_notification", &[Rule::Boolean]),
]);

/// `POST /admin/orders/{id}/refund`. The reason is any string here (Medusa's database
/// refuses one outside its enum; the write refuses it first).
#[derive(Debug, Clone, PartialEq)]
pub struct CreateRefund {
    pub amount: i64,
    pub reason: String,
    pub note: Option<String>,
    pub no_notification: Option<bool>,
}

impl CreateRefund {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = REFUND.read(body)?;
        Ok(Self {
            amount: body.number("amount").map_or(0, |n| n as i64),
            reason: body.string("reason").unwrap_or_default(),
            note: body.string("note"),
            no_notification: body.boolean("no_notification"),
        })
    }
}

static PAYMENT_REFUND: Class = Class::new(&[
    Field::required("amount", &[Rule::NotEmpty, Rule::Int]),
    Field::required("reason", &[Rule::NotEmpty, Rule::Enum(REFUND_REASONS)]),
    Field::optional("note", &[Rule::String]),
]);

/// `POST /admin/payments/{id}/refund`.
#[derive(Debug, Clone, PartialEq)]
pub struct PaymentRefund {
    pub amount: i64,
    pub reason: String,
    pub note: Option<String>,
}

impl PaymentRefund {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = PAYMENT_REFUND.read(body)?;
        Ok(Self {
            amount: body.number("amount").map_or(0, |n| n as i64),
            reason: body.string("reason").unwrap_or_default(),
            note: body.string("note"),
        })
    }
}

static FULFILLMENT_ITEM: Class = Class::new(&[
    Field::required("item_id", &[Rule::NotEmpty, Rule::String]),
    Field::required("quantity", &[Rule::NotEmpty, Rule::Int]),
]);

/// Medusa maps `no_notification` through its string mapper before validating: only the
/// strings "true" / "false" / "null" mean something, anything else becomes `undefined`, so
/// nothing is refused.
const MAPPED_BOOLEAN: Rule = Rule::Custom {
    name: "mapped_boolean",
    check: |_, _| true,
    message: "$property must be a boolean value",
};

static FULFILLMENT: Class = Class::new(&[
    Field::required("items", &[Rule::Array, Rule::EachNested(&FULFILLMENT_ITEM)]),
    Field::optional("location_id", &[Rule::String]),
    Field::optional("no_notification", &[MAPPED_BOOLEAN]),
    Field::optional("metadata", &[Rule::Object]),
]);

/// `POST /admin/orders/{id}/fulfillment`.
#[derive(Debug, Clone, PartialEq)]
pub struct CreateFulfillment {
    /// `(item_id, quantity)` as requested.
    pub items: Vec<(String, i32)>,
    pub location_id: Option<String>,
    pub no_notification: Option<bool>,
    pub metadata: Option<Map<String, Value>>,
}

impl CreateFulfillment {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = FULFILLMENT.read(body)?;
        let items = body
            .each("items")
            .unwrap_or_default()
            .iter()
            .map(|item| {
                (
                    item.string("item_id").unwrap_or_default(),
                    item.int("quantity").unwrap_or_default(),
                )
            })
            .collect();
        let no_notification = match body.value("no_notification") {
            Some(Value::String(text)) if text == "true" => Some(true),
            Some(Value::String(text)) if text == "false" => Some(false),
            _ => None,
        };
        Ok(Self {
            items,
            location_id: body.string("location_id"),
            no_notification,
            metadata: body.object("metadata"),
        })
    }
}

static SHIPMENT: Class = Class::new(&[
    Field::required("fulfillment_id", &[Rule::NotEmpty, Rule::String]),
    Field::optional(
        "tracking_numbers",
        &[Rule::Each(&Rule::String), Rule::Array],
    ),
    Field::optional("no_notification", &[Rule::Boolean]),
]);

/// `POST /admin/orders/{id}/shipment`.
#[derive(Debug, Clone, PartialEq)]
pub struct CreateShipment {
    pub fulfillment_id: String,
    pub tracking_numbers: Vec<String>,
    pub no_notification: Option<bool>,
}

impl CreateShipment {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = SHIPMENT.read(body)?;
        Ok(Self {
            fulfillment_id: body.string("fulfillment_id").unwrap_or_default(),
            tracking_numbers: body.strings("tracking_numbers").unwrap_or_default(),
            no_notification: body.boolean("no_notification"),
        })
    }
}

static SHIPPING_METHOD_ADD: Class = Class::new(&[
    Field::required("price", &[Rule::NotEmpty, Rule::Int]),
    Field::required("option_id", &[Rule::NotEmpty, Rule::String]),
    Field::defined("data", &[Rule::Object]),
]);

/// `POST /admin/orders/{id}/shipping-methods`.
#[derive(Debug, Clone, PartialEq)]
pub struct AddShippingMethod {
    pub price: i32,
    pub option_id: String,
    pub data: Map<String, Value>,
}

impl AddShippingMethod {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = SHIPPING_METHOD_ADD.read(body)?;
        Ok(Self {
            price: body.int("price").unwrap_or_default(),
            option_id: body.string("option_id").unwrap_or_default(),
            data: body.object("data").unwrap_or_default(),
        })
    }
}

// `AdminUpdatePaymentCollectionsReq`.
static UPDATE_PAYMENT_COLLECTION: Class = Class::new(&[
    Field::optional("description", &[Rule::String]),
    Field::optional("metadata", &[Rule::Object]),
]);

impl crate::payment_collections::UpdatePaymentCollection {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = UPDATE_PAYMENT_COLLECTION.read(body)?;
        Ok(Self {
            description: body.string("description"),
            metadata: body.object("metadata"),
        })
    }
}
