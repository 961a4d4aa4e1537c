//! Publishable API keys and the sales channels they scope (sales channels themselves come with
//! the catalog).
//!
//! `medusa-sales-channel` owns publishable API keys: their lifecycle (create, rename, revoke,
//! delete) and the set of sales channels each key is scoped to. It knows no HTTP; the
//! admin-http app maps requests onto [`PublishableApiKeyService`]. Writes record Medusa's
//! domain events in their own transaction.

// Tests may unwrap: a panic there is the failure report.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod publishable_api_keys;

pub use publishable_api_keys::{
    sales_channel_search, PublishableApiKeyService, SeaPublishableApiKeyService,
    PUBLISHABLE_API_KEY_LIST,
};
