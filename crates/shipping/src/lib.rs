//! Shipping profiles and shipping options with their requirements and prices.
//!
//! Owns the `shipping_profile`, `shipping_option` and `shipping_option_requirement` tables
//! and the `product_shipping_profile` links, the default and gift card profiles Medusa's boot
//! creates, and the shipping option rules (price types, requirements, region and provider
//! checks through `medusa-providers`' fulfillment providers). Option prices with tax, as
//! `GET /admin/shipping-options` shows them, come from the option's tax rates.

pub mod events;
pub mod input;
pub mod options;
pub mod profiles;
pub mod tax_inclusive;

pub use input::{
    CreateShippingOption, CreateShippingProfile, RequirementInput, UpdateRequirement,
    UpdateShippingOption, UpdateShippingProfile,
};
pub use options::{
    OptionView, PricedOption, SeaShippingOptionService, ShippingOptionService, SHIPPING_OPTION_LIST,
};
pub use profiles::{
    ProfileProduct, ProfileView, SeaShippingProfileService, ShippingProfileService,
};
pub use tax_inclusive::shipping_option_list_spec;
