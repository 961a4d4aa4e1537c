//! The order writes' request bodies, declared as Medusa 1.20's request classes declare them
//! (`AdminPostOrdersOrderReq`, `AdminPostOrdersOrderRefundsReq`, ...), so a bad body gets
//! Medusa's messages in Medusa's order.

use medusa_core::body::{Body, Class, Field, Rule};
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

fn address(body: &Body, name: &str) -> Option<AddressInput> {
    body.nested(name).map(AddressInput::from)
}

medusa_core::request! {
    /// `POST /admin/orders/{id}`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct UpdateOrder in UPDATE_ORDER {
        pub email: Option<String> = optional[Rule::Email],
        pub billing_address: Option<AddressInput> = optional[Rule::Nested(&ADDRESS)] => address,
        pub shipping_address: Option<AddressInput> = optional[Rule::Nested(&ADDRESS)] => address,
        /// Line items to add, as given.
        pub items: Option<Vec<Value>> = optional[Rule::Array]
            => |body, name| body.value(name).and_then(Value::as_array).cloned(),
        check "region" = optional[Rule::String],
        check "discounts" = optional[Rule::Array],
        pub customer_id: Option<String> = optional[Rule::String],
        check "payment_method" = optional[Rule::Nested(&PAYMENT_METHOD)],
        check "shipping_method" = optional[Rule::EachNested(&SHIPPING_METHOD)],
        pub no_notification: Option<bool> = optional[Rule::Boolean],
    }
}

/// A whole amount (`@IsInt()` has refused anything else).
fn amount(body: &Body, name: &str) -> i64 {
    body.number(name).map_or(0, |n| n as i64)
}

medusa_core::request! {
    /// `POST /admin/orders/{id}/refund`. The reason is any string here (Medusa's database
    /// refuses one outside its enum; the write refuses it first).
    #[derive(Debug, Clone, PartialEq)]
    pub struct CreateRefund in REFUND {
        pub amount: i64 = required[Rule::NotEmpty, Rule::Int] => amount,
        pub reason: String = required[Rule::NotEmpty, Rule::String],
        pub note: Option<String> = optional[Rule::String],
        pub no_notification: Option<bool> = optional[Rule::Boolean],
    }
}

medusa_core::request! {
    /// `POST /admin/payments/{id}/refund`.
    #[derive(Debug, Clone, PartialEq)]
    pub struct PaymentRefund in PAYMENT_REFUND {
        pub amount: i64 = required[Rule::NotEmpty, Rule::Int] => amount,
        pub reason: String = required[Rule::NotEmpty, Rule::Enum(REFUND_REASONS)],
        pub note: Option<String> = optional[Rule::String],
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

fn fulfillment_items(body: &Body, name: &str) -> Vec<(String, i32)> {
    body.each(name)
        .unwrap_or_default()
        .iter()
        .map(|item| {
            (
                item.string("item_id").unwrap_or_default(),
                item.int("quantity").unwrap_or_default(),
            )
        })
        .collect()
}

fn mapped_boolean(body: &Body, name: &str) -> Option<bool> {
    match body.value(name) {
        Some(Value::String(text)) if text == "true" => Some(true),
        Some(Value::String(text)) if text == "false" => Some(false),
        _ => None,
    }
}

medusa_core::request! {
    /// `POST /admin/orders/{id}/fulfillment`.
    #[derive(Debug, Clone, PartialEq)]
    pub struct CreateFulfillment in FULFILLMENT {
        /// `(item_id, quantity)` as requested.
        pub items: Vec<(String, i32)> = required[Rule::Array, Rule::EachNested(&FULFILLMENT_ITEM)]
            => fulfillment_items,
        pub location_id: Option<String> = optional[Rule::String],
        pub no_notification: Option<bool> = optional[MAPPED_BOOLEAN] => mapped_boolean,
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
    }
}

medusa_core::request! {
    /// `POST /admin/orders/{id}/shipment`.
    #[derive(Debug, Clone, PartialEq)]
    pub struct CreateShipment in SHIPMENT {
        pub fulfillment_id: String = required[Rule::NotEmpty, Rule::String],
        pub tracking_numbers: Vec<String> = optional[Rule::Each(&Rule::String), Rule::Array],
        pub no_notification: Option<bool> = optional[Rule::Boolean],
    }
}

medusa_core::request! {
    /// `POST /admin/orders/{id}/shipping-methods`.
    #[derive(Debug, Clone, PartialEq)]
    pub struct AddShippingMethod in SHIPPING_METHOD_ADD {
        pub price: i32 = required[Rule::NotEmpty, Rule::Int],
        pub option_id: String = required[Rule::NotEmpty, Rule::String],
        pub data: Map<String, Value> = defined[Rule::Object],
    }
}

medusa_core::request! {
    /// `POST /admin/payment-collections/{id}` (`AdminUpdatePaymentCollectionsReq`).
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct UpdatePaymentCollection in UPDATE_PAYMENT_COLLECTION {
        pub description: Option<String> = optional[Rule::String],
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
    }
}
