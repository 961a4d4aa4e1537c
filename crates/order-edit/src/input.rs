//! The request classes of `/admin/order-edits`, read with Medusa's messages.

use medusa_core::body::{Class, Field, Rule};
use medusa_core::Result;
use serde_json::{Map, Value};

static CREATE: Class = Class::new(&[
    Field::required("order_id", &[Rule::String]),
    Field::optional("internal_note", &[Rule::String]),
    Field::optional("created_by", &[Rule::String]),
]);

/// `POST /admin/order-edits` (`AdminPostOrderEditsReq`). `created_by` is accepted and
/// ignored: the edit is created by the caller.
#[derive(Debug, Clone, PartialEq)]
pub struct CreateOrderEdit {
    pub order_id: String,
    pub internal_note: Option<String>,
}

impl CreateOrderEdit {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = CREATE.read(body)?;
        Ok(Self {
            order_id: body.string("order_id").unwrap_or_default(),
            internal_note: body.string("internal_note"),
        })
    }
}

static UPDATE: Class = Class::new(&[Field::optional("internal_note", &[Rule::String])]);

/// `POST /admin/order-edits/{id}` (`AdminPostOrderEditsOrderEditReq`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UpdateOrderEdit {
    pub internal_note: Option<String>,
}

impl UpdateOrderEdit {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = UPDATE.read(body)?;
        Ok(Self {
            internal_note: body.string("internal_note"),
        })
    }
}

static ADD_ITEM: Class = Class::new(&[
    Field::required("variant_id", &[Rule::String]),
    Field::required("quantity", &[Rule::Int]),
    Field::optional("metadata", &[]),
]);

/// `POST /admin/order-edits/{id}/items` (`AdminPostOrderEditsEditLineItemsReq`).
#[derive(Debug, Clone, PartialEq)]
pub struct AddLineItem {
    pub variant_id: String,
    pub quantity: i64,
    pub metadata: Option<Map<String, Value>>,
}

impl AddLineItem {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = ADD_ITEM.read(body)?;
        #[allow(clippy::cast_possible_truncation)]
        let quantity = body.number("quantity").map_or(0, |n| n as i64);
        Ok(Self {
            variant_id: body.string("variant_id").unwrap_or_default(),
            quantity,
            metadata: body.object("metadata"),
        })
    }
}

static UPDATE_ITEM: Class = Class::new(&[Field::required("quantity", &[Rule::Number])]);

/// `POST /admin/order-edits/{id}/items/{item_id}` (`AdminPostOrderEditsEditLineItemsLineItemReq`).
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateLineItem {
    pub quantity: i64,
}

impl UpdateLineItem {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = UPDATE_ITEM.read(body)?;
        #[allow(clippy::cast_possible_truncation)]
        let quantity = body.number("quantity").map_or(0, |n| n as i64);
        Ok(Self { quantity })
    }
}

static REQUEST: Class = Class::new(&[Field::optional(
    "payment_collection_description",
    &[Rule::String],
)]);

/// `POST /admin/order-edits/{id}/request` (`AdminPostOrderEditsRequestConfirmationReq`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RequestConfirmation {
    pub payment_collection_description: Option<String>,
}

impl RequestConfirmation {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = REQUEST.read(body)?;
        Ok(Self {
            payment_collection_description: body.string("payment_collection_description"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn bodies_are_checked_with_medusas_messages() {
        let err = CreateOrderEdit::from_body(json!({"x": 1})).unwrap_err();
        assert_eq!(
            err.to_string(),
            "property x should not exist, order_id must be a string"
        );
        let err = AddLineItem::from_body(json!({"variant_id": "v", "quantity": 1.5})).unwrap_err();
        assert_eq!(err.to_string(), "quantity must be an integer number");
        let err = UpdateLineItem::from_body(json!({})).unwrap_err();
        assert!(err.to_string().contains("quantity must be a number"));
        let ok =
            AddLineItem::from_body(json!({"variant_id": "v", "quantity": 2, "metadata": {"a": 1}}))
                .unwrap();
        assert_eq!(ok.quantity, 2);
        assert_eq!(ok.metadata.unwrap()["a"], 1);
    }
}
