//! Tax rate request bodies, declared as Medusa's request classes declare them
//! (`AdminPostTaxRatesReq`, ...) so a bad body gets Medusa's messages in Medusa's order.

use medusa_core::body::{Class, Field, Rule, STRING_ITEMS};
use medusa_core::Result;
use serde_json::Value;

use crate::LinkKind;

medusa_core::request! {
    /// A new tax rate and its first links.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct CreateTaxRate in CREATE_TAX_RATE {
        pub code: String = required[Rule::String],
        pub name: String = required[Rule::String],
        pub region_id: String = required[Rule::String],
        pub rate: Option<f64> = optional[Rule::Number],
        pub products: Option<Vec<String>> = optional[Rule::Array, STRING_ITEMS],
        pub shipping_options: Option<Vec<String>> = optional[Rule::Array, STRING_ITEMS],
        pub product_types: Option<Vec<String>> = optional[Rule::Array, STRING_ITEMS],
    }
}

medusa_core::request! {
    /// Changes to a tax rate. `None` (and, as in Medusa, a `null` rate) leaves a field alone; a
    /// given link list replaces the current links of that kind.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct UpdateTaxRate in UPDATE_TAX_RATE {
        pub code: Option<String> = optional[Rule::String],
        pub name: Option<String> = optional[Rule::String],
        pub region_id: Option<String> = optional[Rule::String],
        pub rate: Option<f64> = optional[Rule::Number],
        pub products: Option<Vec<String>> = optional[Rule::Array, STRING_ITEMS],
        pub shipping_options: Option<Vec<String>> = optional[Rule::Array, STRING_ITEMS],
        pub product_types: Option<Vec<String>> = optional[Rule::Array, STRING_ITEMS],
    }
}

static PRODUCTS: Class = Class::new(&[Field::required("products", &[Rule::Array, STRING_ITEMS])]);
static PRODUCT_TYPES: Class = Class::new(&[Field::required(
    "product_types",
    &[Rule::Array, STRING_ITEMS],
)]);
static SHIPPING_OPTIONS: Class = Class::new(&[Field::required(
    "shipping_options",
    &[Rule::Array, STRING_ITEMS],
)]);

/// The ids a tax rate batch call links or unlinks (`{products: [...]}` and its siblings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkIds(pub Vec<String>);

impl LinkIds {
    pub fn from_body(body: Value, kind: LinkKind) -> Result<Self> {
        let (class, name) = match kind {
            LinkKind::Products => (&PRODUCTS, "products"),
            LinkKind::ProductTypes => (&PRODUCT_TYPES, "product_types"),
            LinkKind::ShippingOptions => (&SHIPPING_OPTIONS, "shipping_options"),
        };
        Ok(Self(class.read(body)?.strings(name).unwrap_or_default()))
    }
}
