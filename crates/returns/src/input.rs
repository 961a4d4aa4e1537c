//! Return reason request bodies, declared as Medusa's request classes declare them
//! (`AdminPostReturnReasonsReq`, `AdminPostReturnReasonsReasonReq`) so a bad body gets Medusa's
//! messages in Medusa's order.

use medusa_core::body::{Body, Class, Field, Rule};
use medusa_core::Result;
use serde_json::Value;

use crate::{
    CreateReturnReason, ReceiveReturn, RequestReturn, ReturnItemInput, ReturnShipping,
    UpdateReturnReason,
};

static CREATE_REASON: Class = Class::new(&[
    Field::required("value", &[Rule::String]),
    Field::required("label", &[Rule::String]),
    Field::optional("parent_return_reason_id", &[Rule::String]),
    Field::optional("description", &[Rule::String]),
    // Any JSON value: Medusa does not check its type.
    Field::optional("metadata", &[]),
]);

impl CreateReturnReason {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = CREATE_REASON.read(body)?;
        Ok(Self {
            value: body.string("value").unwrap_or_default(),
            label: body.string("label").unwrap_or_default(),
            parent_return_reason_id: body.string("parent_return_reason_id"),
            description: body.string("description"),
            metadata: body.value("metadata").cloned(),
        })
    }
}

static UPDATE_REASON: Class = Class::new(&[
    Field::optional("label", &[Rule::String]),
    Field::optional("value", &[Rule::String]),
    Field::optional("description", &[Rule::String]),
    Field::optional("metadata", &[]),
]);

impl UpdateReturnReason {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = UPDATE_REASON.read(body)?;
        Ok(Self {
            label: body.patch("label", Body::string),
            value: body.patch("value", Body::string),
            description: body.patch("description", Body::string),
            metadata: body.patch("metadata", |body, name| body.value(name).cloned()),
        })
    }
}

// `OrdersReturnItem`: `@IsString() @IsNotEmpty()` item_id, `@IsInt() @IsNotEmpty()` quantity.
static RETURN_ITEM: Class = Class::new(&[
    Field::required("item_id", &[Rule::NotEmpty, Rule::String]),
    Field::required("quantity", &[Rule::NotEmpty, Rule::Int]),
    Field::optional("reason_id", &[Rule::String]),
    Field::optional("note", &[Rule::String]),
]);

static RETURN_SHIPPING: Class = Class::new(&[
    Field::optional("option_id", &[Rule::String]),
    Field::optional("price", &[Rule::Int]),
]);

// `AdminPostOrdersOrderReturnsReq`.
static REQUEST_RETURN: Class = Class::new(&[
    Field::required("items", &[Rule::EachNested(&RETURN_ITEM), Rule::Array]),
    Field::optional("return_shipping", &[Rule::Nested(&RETURN_SHIPPING)]),
    Field::optional("note", &[Rule::String]),
    Field::optional("receive_now", &[Rule::Boolean]),
    Field::optional("no_notification", &[Rule::Boolean]),
    Field::optional("refund", &[Rule::Int]),
    Field::optional("location_id", &[Rule::String]),
]);

fn int_of(body: &Body, name: &str) -> Option<i64> {
    body.number(name).map(|n| n as i64)
}

impl RequestReturn {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = REQUEST_RETURN.read(body)?;
        let items = body
            .each("items")
            .unwrap_or_default()
            .iter()
            .map(|item| ReturnItemInput {
                item_id: item.string("item_id").unwrap_or_default(),
                quantity: int_of(item, "quantity").unwrap_or_default(),
                reason_id: item.string("reason_id"),
                note: item.string("note"),
            })
            .collect();
        let return_shipping = body
            .nested("return_shipping")
            .map(|shipping| ReturnShipping {
                option_id: shipping.string("option_id"),
                price: int_of(&shipping, "price"),
            });
        Ok(Self {
            items,
            return_shipping,
            receive_now: body.boolean("receive_now").unwrap_or(false),
            no_notification: body.boolean("no_notification"),
            refund: int_of(&body, "refund"),
        })
    }
}

// `AdminPostReturnsReturnReceiveReq`'s `Item`.
static RECEIVE_ITEM: Class = Class::new(&[
    Field::required("item_id", &[Rule::String]),
    Field::required("quantity", &[Rule::Number]),
]);

// `AdminPostReturnsReturnReceiveReq`.
static RECEIVE_RETURN: Class = Class::new(&[
    Field::required("items", &[Rule::EachNested(&RECEIVE_ITEM), Rule::Array]),
    Field::optional("refund", &[Rule::Number]),
    Field::optional("location_id", &[Rule::String]),
]);

impl ReceiveReturn {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = RECEIVE_RETURN.read(body)?;
        let items = body
            .each("items")
            .unwrap_or_default()
            .iter()
            .map(|item| {
                (
                    item.string("item_id").unwrap_or_default(),
                    int_of(item, "quantity").unwrap_or_default(),
                )
            })
            .collect();
        Ok(Self {
            items,
            refund: int_of(&body, "refund"),
            location_id: body.string("location_id"),
        })
    }
}
