//! Fixture builders: rows inserted through sea-orm with sensible defaults, each default
//! overridable by a chained call, so a test names only what it is about.
//!
//! ```ignore
//! let eu = RegionBuilder::new("EU").currency("eur").countries(["de", "fr"]).insert(&db).await;
//! let vip = CustomerGroupBuilder::new("VIP").insert(&db).await;
//! let jane = CustomerBuilder::new("jane@example.com").name("Jane", "Doe").group(&vip.id).insert(&db).await;
//! let web = SalesChannelBuilder::new("Web").insert(&db).await;
//! let shirt = ProductBuilder::new("Shirt")
//!     .sales_channel(&web.id)
//!     .variant(VariantBuilder::new("S").sku("SHIRT-S").price("eur", 1000).region_price(&eu, 900))
//!     .insert(&db)
//!     .await;
//! ```
//!
//! One file per aggregate. Each builder owns its defaults in `new`, takes overrides as
//! `self -> Self` methods, and inserts the aggregate's rows (links included) in `insert`,
//! returning the models a test needs. Builders insert rows as they are, without a service:
//! no events, no validation. A new aggregate adds its file here the same way: orders next
//! (`OrderBuilder::new(&region).customer(&jane).item(&shirt.variants[0], 2).paid()` in
//! `order.rs`).

mod customer;
mod discount;
mod product;
mod region;
mod sales_channel;

pub use customer::{CustomerBuilder, CustomerGroupBuilder};
pub use discount::{DiscountBuilder, GiftCardBuilder};
pub use product::{BuiltProduct, ProductBuilder, VariantBuilder};
pub use region::RegionBuilder;
pub use sales_channel::SalesChannelBuilder;

use medusa_core::time::Timestamp;

/// The creation time a builder gives its rows unless told otherwise: now, as Medusa sets it.
fn now() -> Timestamp {
    medusa_core::time::now()
}
