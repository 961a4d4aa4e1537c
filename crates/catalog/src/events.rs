//! The events collections and categories record, as Medusa names them.

use medusa_entity::{product, product_collection};
use serde::Serialize;

medusa_events::events! {
    CollectionCreated = "product-collection.created" { id: String }
    CollectionUpdated = "product-collection.updated" { id: String }
    CollectionDeleted = "product-collection.deleted" { id: String }
    CategoryCreated = "product-category.created" { id: String }
    CategoryUpdated = "product-category.updated" { id: String }
    CategoryDeleted = "product-category.deleted" { id: String }
}

/// `product-collection.products_added`: the collection as it is after the change (with its
/// live products, newest first) and the ids the request named.
#[derive(Clone, Debug, Serialize)]
pub struct CollectionProductsAdded<'a>(pub CollectionBatch<'a>);

/// `product-collection.products_removed`, the same payload as [`CollectionProductsAdded`].
#[derive(Clone, Debug, Serialize)]
pub struct CollectionProductsRemoved<'a>(pub CollectionBatch<'a>);

impl medusa_events::Event for CollectionProductsAdded<'_> {
    const NAME: &'static str = "product-collection.products_added";
}

impl medusa_events::Event for CollectionProductsRemoved<'_> {
    const NAME: &'static str = "product-collection.products_removed";
}

/// Medusa's payload of a collection's batch event.
#[derive(Clone, Debug, Serialize)]
pub struct CollectionBatch<'a> {
    #[serde(rename = "productCollection")]
    pub product_collection: CollectionWithProducts<'a>,
    #[serde(rename = "productIds")]
    pub product_ids: &'a [String],
}

/// The collection row with its `products`.
#[derive(Clone, Debug, Serialize)]
pub struct CollectionWithProducts<'a> {
    #[serde(flatten)]
    pub collection: &'a product_collection::Model,
    pub products: Vec<product::Model>,
}
