//! Collection and product category request bodies, declared as Medusa's request classes
//! declare them (`AdminPostCollectionsReq`, `AdminPostProductCategoriesReq`, ...) so a bad body
//! gets Medusa's messages in Medusa's order.

use medusa_core::body::{Body, Class, Field, Rule};
use medusa_core::patch::Patch;
use medusa_core::Result;
use serde_json::{Map, Value};

medusa_core::request! {
    /// A new collection. An absent or empty handle is made from the title.
    #[derive(Debug, Clone, PartialEq)]
    pub struct CreateCollection in CREATE_COLLECTION {
        pub title: String = required[Rule::NotEmpty, Rule::String],
        pub handle: Option<String> = optional[Rule::String],
        /// Stored as given (Medusa does not merge on create).
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
    }
}

medusa_core::request! {
    /// Changes to a collection: `None` leaves a field alone, `Some(None)` writes `null` (Medusa
    /// assigns every key the body has). Metadata is merged.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct UpdateCollection in UPDATE_COLLECTION {
        pub title: Patch<String> = optional[Rule::String],
        pub handle: Patch<String> = optional[Rule::String],
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
    }
}

static COLLECTION_PRODUCTS: Class = Class::new(&[Field::required(
    "product_ids",
    &[Rule::Each(&Rule::String), Rule::ArrayNotEmpty],
)]);

/// `{product_ids: string[]}` of the collection batch routes.
pub fn collection_product_ids_from_body(body: Value) -> Result<Vec<String>> {
    Ok(COLLECTION_PRODUCTS
        .read(body)?
        .strings("product_ids")
        .unwrap_or_default())
}

// Medusa's category classes extend `AdminProductCategoriesReqBase`; class-validator checks the
// class's own properties before the inherited ones, so those come last here.

medusa_core::request! {
    /// A new category. Its rank is always "after the siblings" as Medusa counts them.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct CreateProductCategory in CREATE_CATEGORY {
        pub name: String = required[Rule::NotEmpty, Rule::String],
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
        /// `Some(None)`: an explicit `null`, which the column refuses.
        pub description: Patch<String> = optional[Rule::String] => null_word,
        /// `None` or empty: made from the name.
        pub handle: Option<String> = optional[Rule::String],
        pub is_internal: Option<bool> = optional[Rule::Boolean],
        pub is_active: Option<bool> = optional[Rule::Boolean],
        /// `None`: absent; `Some(None)`: a root, given as `null`.
        pub parent_category_id: Patch<String> = optional[Rule::String] => null_word,
    }
}

medusa_core::request! {
    /// Changes to a category: `None` leaves a field alone, `Some(None)` writes `null`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct UpdateProductCategory in UPDATE_CATEGORY {
        pub name: Patch<String> = optional[Rule::String],
        pub handle: Patch<String> = optional[Rule::NotEmpty, Rule::String],
        pub rank: Option<i64> = optional[Rule::Min(0.0), Rule::NotEmpty, Rule::Int]
            => |body, name| body.number(name).map(|rank| rank as i64),
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
        pub description: Patch<String> = optional[Rule::String] => null_word,
        pub is_internal: Patch<bool> = optional[Rule::Boolean],
        pub is_active: Patch<bool> = optional[Rule::Boolean],
        pub parent_category_id: Patch<String> = optional[Rule::String] => null_word,
    }
}

/// A present key: `Some(None)` for `null` or the string `"null"` (Medusa's `@Transform`).
fn null_word(body: &Body, name: &str) -> Patch<String> {
    body.patch(name, Body::string)
        .map(|text| text.filter(|text| text != "null"))
}

static ID_REF: Class = Class::new(&[Field::required("id", &[Rule::String])]);

static CATEGORY_PRODUCTS: Class = Class::new(&[Field::required(
    "product_ids",
    &[Rule::Array, Rule::EachNested(&ID_REF)],
)]);

/// `{product_ids: [{id}]}` of the category batch routes.
pub fn category_product_ids_from_body(body: Value) -> Result<Vec<String>> {
    Ok(CATEGORY_PRODUCTS
        .read(body)?
        .each("product_ids")
        .unwrap_or_default()
        .iter()
        .filter_map(|item| item.string("id"))
        .collect())
}
