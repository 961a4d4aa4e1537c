//! Region request bodies, declared as Medusa's request classes declare them
//! (`AdminPostRegionsReq`, `AdminPostRegionsRegionReq`, ...) so a bad body gets Medusa's
//! messages in Medusa's order. `includes_tax` is Medusa's flagged property, whose rules Medusa
//! registers after the class's own, so it comes last.

use medusa_core::body::{Body, Class, Field, Rule};
use medusa_core::{FeatureFlags, Flag, Result};
use serde_json::{Map, Value};

use crate::UpdateRegion;

const STRINGS: &[Rule] = &[Rule::Each(&Rule::String), Rule::Array];

medusa_core::request! {
    /// A new region (`POST /admin/regions`). Read it with `from_body_with`: `includes_tax` is
    /// accepted only with the tax-inclusive pricing flag on.
    #[derive(Debug, Clone, PartialEq)]
    pub struct CreateRegion in CREATE_REGION {
        pub name: String = required[Rule::String],
        pub currency_code: String = required[Rule::String],
        pub tax_code: Option<String> = optional[Rule::String],
        /// A percentage; Medusa accepts 0 to 100.
        pub tax_rate: f64 = required[Rule::Number],
        pub payment_providers: Vec<String> = required[Rule::Each(&Rule::String), Rule::Array],
        pub fulfillment_providers: Vec<String> = required[Rule::Each(&Rule::String), Rule::Array],
        /// ISO 3166-1 alpha-2 codes, any case.
        pub countries: Vec<String> = required[Rule::Each(&Rule::String), Rule::Array],
        /// Stored as given, minus keys whose value is the empty string.
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
        /// Only with the tax-inclusive pricing flag on.
        pub includes_tax: Option<bool> = flagged(Flag::TaxInclusivePricing)[Rule::Boolean],
    }
}

static UPDATE_REGION: Class = Class::new(&[
    Field::optional("name", &[Rule::String]),
    Field::optional("currency_code", &[Rule::String]),
    Field::optional("tax_code", &[Rule::String]),
    Field::optional("tax_rate", &[Rule::Number]),
    Field::optional("gift_cards_taxable", &[Rule::Boolean]),
    Field::optional("automatic_taxes", &[Rule::Boolean]),
    Field::optional("tax_provider_id", &[Rule::String]),
    Field::optional("payment_providers", STRINGS),
    Field::optional("fulfillment_providers", STRINGS),
    Field::optional("countries", STRINGS),
    Field::optional("metadata", &[Rule::Object]),
    Field::flagged("includes_tax", Flag::TaxInclusivePricing, &[Rule::Boolean]),
]);

impl UpdateRegion {
    /// `includes_tax` is accepted only with the tax-inclusive pricing flag on.
    pub fn from_body(body: Value, flags: FeatureFlags) -> Result<Self> {
        let body = UPDATE_REGION.read_with(body, flags)?;
        // Medusa lists the body's keys in the body's order; a JSON map here keeps no order,
        // so they are listed in the order the request class declares them.
        let fields = UPDATE_REGION
            .known()
            .filter(|name| body.has(name))
            .map(str::to_owned)
            .collect();
        Ok(Self {
            name: body.patch("name", Body::string),
            currency_code: body.string("currency_code"),
            tax_code: body.patch("tax_code", Body::string),
            tax_rate: body.patch("tax_rate", Body::number),
            gift_cards_taxable: body.patch("gift_cards_taxable", Body::boolean),
            automatic_taxes: body.patch("automatic_taxes", Body::boolean),
            tax_provider_id: body.patch("tax_provider_id", Body::string),
            payment_providers: body.strings("payment_providers"),
            fulfillment_providers: body.strings("fulfillment_providers"),
            countries: body.strings("countries"),
            metadata: body.object("metadata"),
            includes_tax: body.boolean("includes_tax"),
            fields,
        })
    }
}

static COUNTRY_CODE: Class = Class::new(&[Field::required("country_code", &[Rule::String])]);

/// Reads the `{country_code}` body of `POST /admin/regions/{id}/countries`.
pub fn country_code_from_body(body: Value) -> Result<String> {
    Ok(COUNTRY_CODE
        .read(body)?
        .string("country_code")
        .unwrap_or_default())
}

static PROVIDER_ID: Class = Class::new(&[Field::required("provider_id", &[Rule::String])]);

/// Reads the `{provider_id}` body of the provider routes.
pub fn provider_id_from_body(body: Value) -> Result<String> {
    Ok(PROVIDER_ID
        .read(body)?
        .string("provider_id")
        .unwrap_or_default())
}
