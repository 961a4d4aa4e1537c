//! The request classes of `/admin/order-edits`, read with Medusa's messages.

use medusa_core::body::{Body, Rule};
use serde_json::{Map, Value};

#[allow(clippy::cast_possible_truncation)]
fn quantity(body: &Body, name: &str) -> i64 {
    body.number(name).map_or(0, |n| n as i64)
}

medusa_core::request! {
    /// `POST /admin/order-edits` (`AdminPostOrderEditsReq`). `created_by` is accepted and
    /// ignored: the edit is created by the caller.
    #[derive(Debug, Clone, PartialEq)]
    pub struct CreateOrderEdit in CREATE {
        pub order_id: String = required[Rule::String],
        pub internal_note: Option<String> = optional[Rule::String],
        check "created_by" = optional[Rule::String],
    }
}

medusa_core::request! {
    /// `POST /admin/order-edits/{id}` (`AdminPostOrderEditsOrderEditReq`).
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct UpdateOrderEdit in UPDATE {
        pub internal_note: Option<String> = optional[Rule::String],
    }
}

medusa_core::request! {
    /// `POST /admin/order-edits/{id}/items` (`AdminPostOrderEditsEditLineItemsReq`).
    #[derive(Debug, Clone, PartialEq)]
    pub struct AddLineItem in ADD_ITEM {
        pub variant_id: String = required[Rule::String],
        pub quantity: i64 = required[Rule::Int] => quantity,
        pub metadata: Option<Map<String, Value>> = optional[],
    }
}

medusa_core::request! {
    /// `POST /admin/order-edits/{id}/items/{item_id}`
    /// (`AdminPostOrderEditsEditLineItemsLineItemReq`).
    #[derive(Debug, Clone, PartialEq)]
    pub struct UpdateLineItem in UPDATE_ITEM {
        pub quantity: i64 = required[Rule::Number] => quantity,
    }
}

medusa_core::request! {
    /// `POST /admin/order-edits/{id}/request` (`AdminPostOrderEditsRequestConfirmationReq`).
    #[derive(Debug, Clone, PartialEq, Default)]
    pub struct RequestConfirmation in REQUEST {
        pub payment_collection_description: Option<String> = optional[Rule::String],
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
