//! How products are organized: collections and product categories.
//!
//! `medusa-catalog` owns the `product_collection` table (and which collection a product is
//! in), and the `product_category` tree with its product links: their services, their list and
//! retrieve query specs, and Medusa 1.20's rules for handles, soft and hard deletes, and the
//! re-ranking of sibling categories.

pub mod categories;
pub mod collections;
pub mod events;
pub mod input;

pub use categories::{
    ParentFilter, ProductCategoryService, ProductCategoryView, SeaProductCategoryService,
    PRODUCT_CATEGORY_LIST, PRODUCT_CATEGORY_RETRIEVE,
};
pub use collections::{
    CollectionListItem, CollectionProduct, CollectionService, CollectionView, SeaCollectionService,
    COLLECTION_LIST,
};
pub use input::{
    category_product_ids_from_body, collection_product_ids_from_body, CreateCollection,
    CreateProductCategory, UpdateCollection, UpdateProductCategory,
};
