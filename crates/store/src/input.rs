//! Store and currency request bodies, declared as Medusa's request classes declare them
//! (`AdminPostStoreReq`, `AdminPostCurrenciesCurrencyReq`) so a bad body gets Medusa's
//! messages in Medusa's order.

use medusa_core::body::{Body, Class, Field, Rule};
use medusa_core::{FeatureFlags, Flag, Result};
use serde_json::Value;

use crate::{UpdateCurrency, UpdateStore};

static UPDATE_STORE: Class = Class::new(&[
    Field::optional("name", &[Rule::String]),
    Field::optional("swap_link_template", &[Rule::String]),
    Field::optional("payment_link_template", &[Rule::String]),
    Field::optional("invite_link_template", &[Rule::String]),
    Field::optional("default_currency_code", &[Rule::String]),
    Field::optional("currencies", &[Rule::Each(&Rule::String), Rule::Array]),
    Field::optional("metadata", &[Rule::Object]),
]);

impl UpdateStore {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = UPDATE_STORE.read(body)?;
        Ok(Self {
            name: body.patch("name", Body::string),
            swap_link_template: body.patch("swap_link_template", Body::string),
            payment_link_template: body.patch("payment_link_template", Body::string),
            invite_link_template: body.patch("invite_link_template", Body::string),
            default_currency_code: body.string("default_currency_code"),
            currencies: body.strings("currencies"),
            metadata: body.object("metadata"),
        })
    }
}

static UPDATE_CURRENCY: Class = Class::new(&[Field::flagged(
    "includes_tax",
    Flag::TaxInclusivePricing,
    &[Rule::Boolean],
)]);

impl UpdateCurrency {
    /// `includes_tax` is an optional boolean with the tax-inclusive pricing flag on; with it
    /// off, any value of it (even `null`) is refused.
    pub fn from_body(body: Value, flags: FeatureFlags) -> Result<Self> {
        let body = UPDATE_CURRENCY.read_with(body, flags)?;
        Ok(Self {
            includes_tax: body.boolean("includes_tax"),
        })
    }
}
