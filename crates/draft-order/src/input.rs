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

static SHIPPING_METHOD: Class = Class::new(&[
    Field::required("option_id", &[Rule::String]),
    Field::optional("data", &[Rule::Object]),
    Field::optional("price", &[Rule::Number]),
]);

static DISCOUNT: Class = Class::new(&[Field::required("code", &[Rule::String])]);

static ITEM: Class = Class::new(&[
    Field::optional("title", &[Rule::String]),
    Field::optional("unit_price", &[Rule::Number]),
    Field::optional("variant_id", &[Rule::String]),
    Field::required("quantity", &[Rule::Number]),
    Field::optional("metadata", &[Rule::Object]),
]);

static CREATE: Class = Class::new(&[
    Field::optional("status", &[Rule::Enum(&["open", "completed"])]),
    Field::required("email", &[Rule::Email]),
    Field::optional("billing_address", &[ADDRESS_OR_ID]),
    Field::optional("shipping_address", &[ADDRESS_OR_ID]),
    Field::optional(
        "items",
        &[Rule::Array, Rule::NotEmpty, Rule::EachNested(&ITEM)],
    ),
    Field::required("region_id", &[Rule::String]),
    Field::optional("discounts", &[Rule::Array, Rule::EachNested(&DISCOUNT)]),
    Field::optional("customer_id", &[Rule::String]),
    Field::optional("no_notification_order", &[Rule::Boolean]),
    Field::required(
        "shipping_methods",
        &[
            Rule::Array,
            Rule::NotEmpty,
            Rule::EachNested(&SHIPPING_METHOD),
        ],
    ),
    Field::optional("metadata", &[Rule::Object]),
]);

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

/// One line of a body: a variant's (priced unless `unit_price`) or a custom one.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ItemInput {
    pub variant_id: Option<String>,
    pub title: Option<String>,
    pub unit_price: Option<i64>,
    pub quantity: i64,
    pub metadata: Option<Map<String, Value>>,
}

#[allow(clippy::cast_possible_truncation)]
fn whole(value: f64) -> i64 {
    value.trunc() as i64
}

impl ItemInput {
    fn from(body: &Body) -> Self {
        Self {
            variant_id: body.string("variant_id"),
            title: body.string("title"),
            unit_price: body.number("unit_price").map(whole),
            quantity: body.number("quantity").map(whole).unwrap_or(0),
            metadata: Some(body.object("metadata").unwrap_or_default()),
        }
    }
}

/// A shipping method of a new draft.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ShippingMethodInput {
    pub option_id: String,
    pub data: Map<String, Value>,
    pub price: Option<i64>,
}

/// `POST /admin/draft-orders`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CreateDraftOrder {
    pub email: String,
    pub region_id: String,
    pub billing_address: Option<AddressRef>,
    pub shipping_address: Option<AddressRef>,
    pub items: Vec<ItemInput>,
    pub discounts: Vec<String>,
    pub customer_id: Option<String>,
    pub no_notification_order: Option<bool>,
    pub shipping_methods: Vec<ShippingMethodInput>,
    pub metadata: Map<String, Value>,
}

fn codes(body: &Body) -> Option<Vec<String>> {
    body.each("discounts").map(|list| {
        list.iter()
            .filter_map(|d| d.string("code"))
            .collect::<Vec<_>>()
    })
}

impl CreateDraftOrder {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = CREATE.read(body)?;
        Ok(Self {
            email: body.string("email").unwrap_or_default(),
            region_id: body.string("region_id").unwrap_or_default(),
            billing_address: AddressRef::read(body.value("billing_address")),
            shipping_address: AddressRef::read(body.value("shipping_address")),
            items: body
                .each("items")
                .unwrap_or_default()
                .iter()
                .map(ItemInput::from)
                .collect(),
            discounts: codes(&body).unwrap_or_default(),
            customer_id: body.string("customer_id"),
            no_notification_order: body.boolean("no_notification_order"),
            shipping_methods: body
                .each("shipping_methods")
                .unwrap_or_default()
                .iter()
                .map(|m| ShippingMethodInput {
                    option_id: m.string("option_id").unwrap_or_default(),
                    data: m.object("data").unwrap_or_default(),
                    price: m.number("price").map(whole),
                })
                .collect(),
            metadata: body.object("metadata").unwrap_or_default(),
        })
    }
}

static UPDATE: Class = Class::new(&[
    Field::optional("region_id", &[Rule::String]),
    Field::optional("country_code", &[Rule::String]),
    Field::optional("email", &[Rule::Email]),
    Field::optional("billing_address", &[ADDRESS_OR_ID]),
    Field::optional("shipping_address", &[ADDRESS_OR_ID]),
    Field::optional("discounts", &[Rule::Array, Rule::EachNested(&DISCOUNT)]),
    Field::optional("customer_id", &[Rule::String]),
    Field::optional("no_notification_order", &[Rule::Boolean]),
]);

/// `POST /admin/draft-orders/{id}`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UpdateDraftOrder {
    pub region_id: Option<String>,
    pub country_code: Option<String>,
    pub email: Option<String>,
    pub billing_address: Option<AddressRef>,
    pub shipping_address: Option<AddressRef>,
    /// `Some(vec![])` removes every discount.
    pub discounts: Option<Vec<String>>,
    pub customer_id: Option<String>,
    pub no_notification_order: Option<bool>,
}

impl UpdateDraftOrder {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = UPDATE.read(body)?;
        Ok(Self {
            region_id: body.string("region_id"),
            country_code: body.string("country_code"),
            email: body.string("email"),
            billing_address: AddressRef::read(body.value("billing_address")),
            shipping_address: AddressRef::read(body.value("shipping_address")),
            discounts: codes(&body),
            customer_id: body.string("customer_id"),
            no_notification_order: body.boolean("no_notification_order"),
        })
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
        let mut item = ItemInput::from(&body);
        if item.title.is_none() {
            item.title = Some("Custom item".into());
        }
        Ok(Self(item))
    }
}

static UPDATE_LINE: Class = Class::new(&[
    Field::optional("unit_price", &[Rule::Int]),
    Field::optional("title", &[Rule::String]),
    Field::optional("quantity", &[Rule::Int]),
    Field::optional("metadata", &[Rule::Object]),
]);

/// `POST /admin/draft-orders/{id}/line-items/{line_id}`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UpdateLineItem {
    pub unit_price: Option<i64>,
    pub title: Option<String>,
    pub quantity: Option<i64>,
    pub metadata: Option<Map<String, Value>>,
}

impl UpdateLineItem {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = UPDATE_LINE.read(body)?;
        Ok(Self {
            unit_price: body.number("unit_price").map(whole),
            title: body.string("title"),
            quantity: body.number("quantity").map(whole),
            metadata: body.object("metadata"),
        })
    }
}
