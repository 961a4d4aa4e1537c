//! Products with their variants, options, images, tags and types, and the variants' base prices.
//!
//! `medusa-product` owns the product catalog's rows and how the admin API reads them: the query
//! specs of the product, variant, tag and type lists (`query`), the read model that loads a
//! page of products with its relations in a fixed number of statements (`read`), and the JSON
//! shape Medusa answers with, pricing decoration included (`view`); and the product mutations
//! with Medusa's rules (`write`, bodies read in `write_input`) and the variants' money amounts
//! (`prices`, shared with price lists).

pub mod events;
mod query;
mod read;
mod rows;
mod view;

pub mod prices;
pub mod write;
pub mod write_input;

pub use query::{
    products_priced_in, ProductQuery, ProductSpecs, PRODUCT_DEFAULT_RELATIONS_WITH_CATEGORIES,
    PRODUCT_LIST, PRODUCT_RETRIEVE, PRODUCT_STATUS, PRODUCT_TAG_LIST, PRODUCT_TYPE_LIST,
    PRODUCT_VARIANT_LIST, VARIANT_LIST, VARIANT_RETRIEVE,
};
pub use read::{
    list_products, retrieve_product, ProductService, SeaProductService, TagUsage, VariantPage,
};
pub use view::{ProductView, VariantView, PRICE_DECORATION_KEYS};
pub use write::{
    create_product_in, create_variant_in, update_product_in, update_variant_in, NewVariantsHook,
    ProductWriteService, SeaProductWriteService,
};
pub use write_input::{CreateProduct, UpdateProduct, VariantInput};
