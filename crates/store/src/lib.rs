//! Store setup for the admin API.
//!
//! `medusa-store` owns the store singleton (its settings, currencies, default sales channel
//! and the providers installed on this server), the currency list, and loading a store
//! description (a seed file like Medusa's `seed.json`), and the OAuth applications plugins
//! register (`apps`). It knows no HTTP framework: the admin
//! app calls the [`StoreService`] and [`CurrencyService`] traits and serializes what they
//! return.
//!
//! The currency and country rows are not this crate's: `medusa-migration` inserts them into
//! every database it creates, and an adopted Medusa database already has them. This crate
//! only reads them, and sets their `includes_tax` (tax-inclusive pricing flag on).

pub mod apps;
pub mod currency;
pub mod events;
mod input;
pub mod seed;
mod store;

pub use crate::currency::{
    currency_list_spec, CurrencyService, CurrencyView, SeaCurrencyService, CURRENCY_LIST,
    CURRENCY_LIST_TAX_INCLUSIVE,
};
pub use crate::input::{UpdateCurrency, UpdateStore};
pub use crate::seed::{
    apply_store_seed, parse, SeedFile, SeedRegion, SeedReport, SeedUser, SeededRegion,
};
pub use crate::store::{
    LoadedModule, SeaStoreService, StoreService, StoreSetup, StoreView, StoreWithCurrencies,
    MODULES,
};
