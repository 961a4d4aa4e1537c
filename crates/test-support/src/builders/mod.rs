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
//! no events, no validation. A new aggregate adds its file here the same way.
//!
//! ```ignore
//! let (welcome, _) = DiscountBuilder::new("WELCOME10").percentage(10).insert(&db).await;
//! let order = OrderBuilder::new(&eu.id, "eur", &jane.id, &jane.email)
//!     .from_cart()
//!     .shipping_address(AddressFields::new("Jane", "Doe", "Hauptstrasse 1", "Berlin", "de"))
//!     .item(ItemBuilder::new("Shirt", 1950, 2).variant(&variant_id).tax_line(19.0, "VAT", "vat"))
//!     .shipping_method(&option.id, 1000, (19.0, "VAT", "vat"))
//!     .discount(&welcome.id)
//!     .payment(5900, "manual", true)
//!     .insert(&db)
//!     .await;
//! ```

/// The overrides builders share, for the fields they name alike: `id`, `metadata`, and
/// `created_at` (creation and update time).
macro_rules! common_overrides {
    ($($name:ident),*) => { $(common_overrides!(@ $name);)* };
    (@ id) => {
        pub fn id(mut self, id: &str) -> Self {
            self.id = id.to_owned();
            self
        }
    };
    (@ metadata) => {
        pub fn metadata(mut self, metadata: serde_json::Value) -> Self {
            self.metadata = Some(metadata);
            self
        }
    };
    (@ created_at) => {
        /// Creation and update time.
        pub fn created_at(mut self, at: medusa_core::time::Timestamp) -> Self {
            self.created_at = at;
            self
        }
    };
}

mod claim;
mod customer;
mod discount;
mod order;
mod order_parts;
mod payment_collection;
mod price_list;
mod product;
mod region;
mod sales_channel;
mod shipping;
mod user;

pub use claim::{BuiltClaim, ClaimBuilder};
pub use customer::{CustomerBuilder, CustomerGroupBuilder};
pub use discount::{DiscountBuilder, GiftCardBuilder};
pub use order::{BuiltOrder, OrderBuilder};
pub use order_parts::{AddressFields, ItemBuilder};
pub use payment_collection::PaymentCollectionBuilder;
pub use price_list::PriceListBuilder;
pub use product::{BuiltProduct, ProductBuilder, VariantBuilder};
pub use region::RegionBuilder;
pub use sales_channel::SalesChannelBuilder;
pub use shipping::ShippingOptionBuilder;
pub use user::UserBuilder;

use medusa_core::time::Timestamp;

/// The creation time a builder gives its rows unless told otherwise: now, as Medusa sets it.
fn now() -> Timestamp {
    medusa_core::time::now()
}
