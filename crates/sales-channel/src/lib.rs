//! Sales channels and the publishable API keys that scope storefront requests to them.
//!
//! `medusa-sales-channel` owns sales channels (their lifecycle, the products sold in each, the
//! stock locations linked to each) and publishable API keys (create, rename, revoke, delete,
//! and the set of channels each key is scoped to). It knows no HTTP; the admin-http app maps
//! requests onto [`SalesChannelService`] and [`PublishableApiKeyService`]. Writes record
//! Medusa's domain events in their own transaction.

// Tests may unwrap: a panic there is the failure report.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod events;
pub mod input;
pub mod publishable_api_keys;
pub mod sales_channels;

pub use input::{
    location_id_from_body, product_ids_from_body, sales_channel_ids_from_body, CreateSalesChannel,
    KeyTitle, UpdateSalesChannel,
};
pub use publishable_api_keys::{
    sales_channel_search, PublishableApiKeyService, SeaPublishableApiKeyService,
    PUBLISHABLE_API_KEY_LIST,
};
pub use sales_channels::{SalesChannelService, SeaSalesChannelService, SALES_CHANNEL_LIST};
