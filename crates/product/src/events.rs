//! The events products and variants record, as Medusa names them.

use serde_json::Value;

medusa_events::events! {
    ProductCreated = "product.created" { id: String }
    /// `fields`, the body's keys, when the update came from a body.
    ProductUpdated = "product.updated" {
        id: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        fields: Option<Vec<String>>,
    }
    ProductDeleted = "product.deleted" { id: String }
    VariantCreated = "product-variant.created" { id: String, product_id: String }
    VariantUpdated = "product-variant.updated" { id: String, product_id: String, fields: Vec<String> }
    VariantDeleted = "product-variant.deleted" { id: String, product_id: String, metadata: Option<Value> }
}
