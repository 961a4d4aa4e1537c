//! The draft-order routes' request bodies, declared as Medusa 1.20's request classes declare
//! them (`AdminPostDraftOrdersReq`, `AdminPostDraftOrdersDraftOrderReq`, the line-item
//! classes), so a bad body gets Medusa's messages in Medusa's order.

use medusa_core::body::{Body, Class, Field, Rule};
use medusa_core::Result;
use serde_json::{Map, Value};

/// `@IsType([AddressPayload, String])`.
const ADDRESS_OR_ID: Rule = Rule::Custom {
    name: "is_type",
    check: |value, _| matches!(value, None | Some(Value::String(_) | Value::Object(_))),
    message: "$property must be one of AddressPayload, String",
};

static DISCOUNT: Class = Class::new(&[Field::required("code", &[Rule::String])]);

/// An address given as an object or as the id of an existing one.
#[derive(Debug, Clone, PartialEq)]
pub enum AddressRef {
    Id(String),
    New(Map<String, Value>),
}

impl AddressRef {
    fn read(value: Option<&Value>) -> Option<Self> {
        match value? {
            Value::String(id) => Some(Self::Id(id.clone())),
            Value::Object(map) => Some(Self::New(
                map.iter()
                    .filter(|(_, v)| !v.is_null())
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            )),
            _ => None,
        }
    }
}

#[allow(clippy::cast_possible_truncation)]
fn whole(body: &Body, name: &str) -> Option<i64> {
    body.number(name).map(|value| value.trunc() as i64)
}

fn address(body: &Body, name: &str) -> Option<AddressRef> {
    AddressRef::read(body.value(name))
}

fn codes(body: &Body, name: &str) -> Option<Vec<String>> {
    body.each(name).map(|list| {
        list.iter()
            .filter_map(|d| d.string("code"))
            .collect::<Vec<_>>()
    })
}

medusa_core::request! {
    /// One line of a body: a variant's (priced unless `unit_price`) or a custom one.
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct ItemInput in ITEM {
        pub title: Option<String> = optional[Rule::String],
        pub unit_price: Option<i64> = optional[Rule::Number] => whole,
        pub variant_id: Option<String> = optional[Rule::String],
        pub quantity: i64 = required[Rule::Number]
            => |body, name| whole(body, name).unwrap_or(0),
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object]
            => |body, name| Some(body.object(name).unwrap_or_default()),
    }
}

medusa_core::request! {
    /// A shipping method of a new draft.
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct ShippingMethodInput in SHIPPING_METHOD {
        pub option_id: String = required[Rule::String],
        pub data: Map<String, Value> = optional[Rule::Object],
        pub price: Option<i64> = optional[Rule::Number] => whole,
    }
}

medusa_core::request! {
    /// `POST /admin/draft-orders`.
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct CreateDraftOrder in CREATE {
        check "status" = optional[Rule::Enum(&["open", "completed"])],
        pub email: String = required[Rule::Email],
        pub billing_address: Option<AddressRef> = optional[ADDRESS_OR_ID] => address,
        pub shipping_address: Option<AddressRef> = optional[ADDRESS_OR_ID] => address,
        pub items: Vec<ItemInput> = optional[Rule::Array, Rule::NotEmpty, Rule::EachNested(&ITEM)],
        pub region_id: String = required[Rule::String],
        pub discounts: Vec<String> = optional[Rule::Array, Rule::EachNested(&DISCOUNT)]
            => |body, name| codes(body, name).unwrap_or_default(),
        pub customer_id: Option<String> = optional[Rule::String],
        pub no_notification_order: Option<bool> = optional[Rule::Boolean],
        pub shipping_methods: Vec<ShippingMethodInput> = required[
            Rule::Array,
            Rule::NotEmpty,
            Rule::EachNested(&SHIPPING_METHOD),
        ],
        pub metadata: Map<String, Value> = optional[Rule::Object],
    }
}

medusa_core::request! {
    /// `POST /admin/draft-orders/{id}`.
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct UpdateDraftOrder in UPDATE {
        pub region_id: Option<String> = optional[Rule::String],
        pub country_code: Option<String> = optional[Rule::String],
        pub email: Option<String> = optional[Rule::Email],
        pub billing_address: Option<AddressRef> = optional[ADDRESS_OR_ID] => address,
        pub shipping_address: Option<AddressRef> = optional[ADDRESS_OR_ID] => address,
        /// `Some(vec![])` removes every discount.
        pub discounts: Option<Vec<String>> = optional[Rule::Array, Rule::EachNested(&DISCOUNT)]
            => codes,
        pub customer_id: Option<String> = optional[Rule::String],
        pub no_notification_order: Option<bool> = optional[Rule::Boolean],
    }
}

static ADD_LINE: Class = Class::new(&[
    Field::optional("variant_id", &[Rule::String]),
    Field::optional("unit_price", &[Rule::Int]),
    Field::optional("title", &[Rule::String]),
    Field::required("quantity", &[Rule::Int]),
    Field::optional("metadata", &[Rule::Object]),
]);

/// `POST /admin/draft-orders/{id}/line-items`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AddLineItem(pub ItemInput);

impl AddLineItem {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = ADD_LINE.read(body)?;
        let mut item = ItemInput::from_accepted(&body);
        if item.title.is_none() {
            item.title = Some("Custom item".into());
        }
        Ok(Self(item))
    }
}

medusa_core::request! {
    /// `POST /admin/draft-orders/{id}/line-items/{line_id}`.
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct UpdateLineItem in UPDATE_LINE {
        pub unit_price: Option<i64> = optional[Rule::Int] => whole,
        pub title: Option<String> = optional[Rule::String],
        pub quantity: Option<i64> = optional[Rule::Int] => whole,
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
    }
}
