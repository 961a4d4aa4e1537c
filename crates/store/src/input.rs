//! Store and currency request bodies, declared as Medusa's request classes declare them
//! (`AdminPostStoreReq`, `AdminPostCurrenciesCurrencyReq`) so a bad body gets Medusa's
//! messages in Medusa's order.

use medusa_core::body::Rule;
use medusa_core::patch::Patch;
use medusa_core::Flag;
use serde::Deserialize;
use serde_json::{Map, Value};

medusa_core::request! {
    /// The body of `POST /admin/store`. Absent fields are left alone.
    ///
    /// For the nullable template columns `Some(None)` (JSON `null`) clears the value. `name`
    /// is not nullable: `Some(None)` is refused with Medusa's message.
    #[derive(Debug, Clone, Default, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct UpdateStore in UPDATE_STORE {
        #[serde(default, deserialize_with = "medusa_core::patch::present")]
        pub name: Patch<String> = optional[Rule::String],
        #[serde(default, deserialize_with = "medusa_core::patch::present")]
        pub swap_link_template: Patch<String> = optional[Rule::String],
        #[serde(default, deserialize_with = "medusa_core::patch::present")]
        pub payment_link_template: Patch<String> = optional[Rule::String],
        #[serde(default, deserialize_with = "medusa_core::patch::present")]
        pub invite_link_template: Patch<String> = optional[Rule::String],
        /// Must be one of the store's currencies after `currencies` is applied. `null` and the
        /// empty string count as absent, as in Medusa.
        #[serde(default)]
        pub default_currency_code: Option<String> = optional[Rule::String],
        /// Replaces the store's currencies; must include the (new or current) default currency.
        #[serde(default)]
        pub currencies: Option<Vec<String>> = optional[Rule::Each(&Rule::String), Rule::Array],
        /// Merged into the stored metadata (see `medusa_core::metadata`).
        #[serde(default)]
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
    }
}

medusa_core::request! {
    /// The body of `POST /admin/currencies/{code}` (`AdminPostCurrenciesCurrencyReq`). Read it
    /// with `from_body_with`: `includes_tax` is an optional boolean with the tax-inclusive
    /// pricing flag on; with it off, any value of it (even `null`) is refused.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct UpdateCurrency in UPDATE_CURRENCY {
        pub includes_tax: Option<bool> = flagged(Flag::TaxInclusivePricing)[Rule::Boolean],
    }
}
