//! Collection and product category request bodies, declared as Medusa's request classes
//! declare them (`AdminPostCollectionsReq`, `AdminPostProductCategoriesReq`, ...) so a bad body
//! gets Medusa's messages in Medusa's order.

use medusa_core::body::{Body, Class, Field, Rule};
use medusa_core::Result;
use serde_json::Value;

use crate::{CreateCollection, CreateProductCategory, UpdateCollection, UpdateProductCategory};

static CREATE_COLLECTION: Class = Class::new(&[
    Field::required("title", &[Rule::NotEmpty, Rule::String]),
    Field::optional("handle", &[Rule::String]),
    Field::optional("metadata", &[Rule::Object]),
]);

impl CreateCollection {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = CREATE_COLLECTION.read(body)?;
        Ok(Self {
            title: body.string("title").unwrap_or_default(),
            handle: body.string("handle"),
            metadata: body.object("metadata"),
        })
    }
}

static UPDATE_COLLECTION: Class = Class::new(&[
    Field::optional("title", &[Rule::String]),
    Field::optional("handle", &[Rule::String]),
    Field::optional("metadata", &[Rule::Object]),
]);

impl UpdateCollection {
    /// Every key given is written, `null` included.
    pub fn from_body(body: Value) -> Result<Self> {
        let body = UPDATE_COLLECTION.read(body)?;
        Ok(Self {
            title: body.patch("title", Body::string),
            handle: body.patch("handle", Body::string),
            metadata: body.object("metadata"),
        })
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

static CREATE_CATEGORY: Class = Class::new(&[
    Field::required("name", &[Rule::NotEmpty, Rule::String]),
    Field::optional("metadata", &[Rule::Object]),
    Field::optional("description", &[Rule::String]),
    Field::optional("handle", &[Rule::String]),
    Field::optional("is_internal", &[Rule::Boolean]),
    Field::optional("is_active", &[Rule::Boolean]),
    Field::optional("parent_category_id", &[Rule::String]),
]);

impl CreateProductCategory {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = CREATE_CATEGORY.read(body)?;
        Ok(Self {
            name: body.string("name").unwrap_or_default(),
            handle: body.string("handle"),
            description: null_word(&body, "description"),
            is_internal: body.boolean("is_internal"),
            is_active: body.boolean("is_active"),
            parent_category_id: null_word(&body, "parent_category_id"),
            metadata: body.object("metadata"),
        })
    }
}

static UPDATE_CATEGORY: Class = Class::new(&[
    Field::optional("name", &[Rule::String]),
    Field::optional("handle", &[Rule::NotEmpty, Rule::String]),
    Field::optional("rank", &[Rule::Min(0.0), Rule::NotEmpty, Rule::Int]),
    Field::optional("metadata", &[Rule::Object]),
    Field::optional("description", &[Rule::String]),
    Field::optional("is_internal", &[Rule::Boolean]),
    Field::optional("is_active", &[Rule::Boolean]),
    Field::optional("parent_category_id", &[Rule::String]),
]);

impl UpdateProductCategory {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = UPDATE_CATEGORY.read(body)?;
        Ok(Self {
            name: body.patch("name", Body::string),
            handle: body.patch("handle", Body::string),
            description: null_word(&body, "description"),
            is_internal: body.patch("is_internal", Body::boolean),
            is_active: body.patch("is_active", Body::boolean),
            parent_category_id: null_word(&body, "parent_category_id"),
            rank: body.number("rank").map(|rank| rank as i64),
            metadata: body.object("metadata"),
        })
    }
}

/// A present key: `Some(None)` for `null` or the string `"null"` (Medusa's `@Transform`).
fn null_word(body: &Body, name: &str) -> Option<Option<String>> {
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
