//! Regions (countries, currencies, tax settings, payment and fulfillment providers) and the
//! provider plug points.
//!
//! `medusa-region` owns the `region` table with its `region_payment_providers` /
//! `region_fulfillment_providers` links and the countries' `region_id`, and the
//! [`ProviderRegistry`] of payment and fulfillment providers this server ships. It knows no
//! HTTP framework: the admin app reads bodies with the `from_body` constructors (Medusa's
//! validation messages, in Medusa's order) and calls [`RegionService`].

pub mod events;
pub mod input;
pub mod regions;
pub mod tax_inclusive;

pub use input::CreateRegion;
/// The provider plug points regions offer (their own crate, `medusa-providers`).
pub use medusa_providers as providers;
pub use medusa_providers::{FulfillmentProvider, PaymentProvider, ProviderRegistry};
pub use regions::{
    create_region_in, FulfillmentOptions, Pinned, RegionService, RegionView, SeaRegionService,
    UpdateRegion, REGION_LIST, REGION_RETRIEVE,
};
pub use tax_inclusive::{region_list_spec, region_retrieve_spec};
