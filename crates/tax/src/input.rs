//! Tax rate request bodies, declared as Medusa's request classes declare them
//! (`AdminPostTaxRatesReq`, ...) so a bad body gets Medusa's messages in Medusa's order.

use medusa_core::body::{Class, Field, Rule, STRING_ITEMS};
use medusa_core::Result;
use serde_json::Value;

use crate::{CreateTaxRate, LinkKind, UpdateTaxRate};

static CREATE_TAX_RATE: Class = Class::new(&[
    Field::required("code", &[Rule::String]),
    Field::required("name", &[Rule::String]),
    Field::required("region_id", &[Rule::String]),
    Field::optional("rate", &[Rule::Number]),
    Field::optional("products", &[Rule::Array, STRING_ITEMS]),
    Field::optional("shipping_options", &[Rule::Array, STRING_ITEMS]),
    Field::optional("product_types", &[Rule::Array, STRING_ITEMS]),
]);

impl CreateTaxRate {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = CREATE_TAX_RATE.read(body)?;
        Ok(Self {
            code: body.string("code").unwrap_or_default(),
            name: body.string("name").unwrap_or_default(),
            region_id: body.string("region_id").unwrap_or_default(),
            rate: body.number("rate"),
            products: body.strings("products"),
            product_types: body.strings("product_types"),
            shipping_options: body.strings("shipping_options"),
        })
    }
}

static UPDATE_TAX_RATE: Class = Class::new(&[
    Field::optional("code", &[Rule::String]),
    Field::optional("name", &[Rule::String]),
    Field::optional("region_id", &[Rule::String]),
    Field::optional("rate", &[Rule::Number]),
    Field::optional("products", &[Rule::Array, STRING_ITEMS]),
    Field::optional("shipping_options", &[Rule::Array, STRING_ITEMS]),
    Field::optional("product_types", &[Rule::Array, STRING_ITEMS]),
]);

impl UpdateTaxRate {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = UPDATE_TAX_RATE.read(body)?;
        Ok(Self {
            code: body.string("code"),
            name: body.string("name"),
            region_id: body.string("region_id"),
            rate: body.number("rate"),
            products: body.strings("products"),
            product_types: body.strings("product_types"),
            shipping_options: body.strings("shipping_options"),
        })
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
