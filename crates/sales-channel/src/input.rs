//! Sales channel and publishable API key request bodies, declared as Medusa's request classes
//! declare them (`AdminPostSalesChannelsReq`, `AdminPostPublishableApiKeysReq`, ...) so a bad
//! body gets Medusa's messages in Medusa's order.

use medusa_core::body::{Class, Field, Rule};
use medusa_core::patch::Patch;
use medusa_core::Result;
use serde_json::Value;

medusa_core::request! {
    /// A new sales channel.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct CreateSalesChannel in CREATE_SALES_CHANNEL {
        pub name: String = required[Rule::String],
        pub description: Option<String> = optional[Rule::String],
        /// `None`: enabled, the column's default.
        pub is_disabled: Option<bool> = optional[Rule::Boolean],
    }
}

medusa_core::request! {
    /// Changes to a sales channel. `None` leaves a field alone; `Some(None)` sets it to null (as an
    /// explicit JSON `null` does in Medusa, which the database refuses for `name`).
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct UpdateSalesChannel in UPDATE_SALES_CHANNEL {
        pub name: Patch<String> = optional[Rule::String],
        pub description: Patch<String> = optional[Rule::String],
        pub is_disabled: Patch<bool> = optional[Rule::Boolean],
    }
}

/// `{ id }`: a product or a sales channel named in a batch.
static ID_REF: Class = Class::new(&[Field::required("id", &[Rule::String])]);

static PRODUCT_IDS: Class = Class::new(&[Field::required(
    "product_ids",
    &[Rule::Array, Rule::EachNested(&ID_REF)],
)]);

/// Reads the `{product_ids: [{id}]}` body of the product batch routes.
pub fn product_ids_from_body(body: Value) -> Result<Vec<String>> {
    Ok(PRODUCT_IDS
        .read(body)?
        .ids("product_ids")
        .unwrap_or_default())
}

static LOCATION_ID: Class = Class::new(&[Field::required("location_id", &[Rule::String])]);

/// Reads the `{location_id}` body of the stock-location routes.
pub fn location_id_from_body(body: Value) -> Result<String> {
    Ok(LOCATION_ID
        .read(body)?
        .string("location_id")
        .unwrap_or_default())
}

static SALES_CHANNEL_IDS: Class = Class::new(&[Field::required(
    "sales_channel_ids",
    &[Rule::Array, Rule::EachNested(&ID_REF)],
)]);

/// Reads the `{sales_channel_ids: [{id}]}` body of the publishable key batch routes.
pub fn sales_channel_ids_from_body(body: Value) -> Result<Vec<String>> {
    Ok(SALES_CHANNEL_IDS
        .read(body)?
        .ids("sales_channel_ids")
        .unwrap_or_default())
}

/// The title of a publishable API key; `None` (update only) leaves it alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyTitle(pub Option<String>);

static CREATE_KEY: Class = Class::new(&[Field::required("title", &[Rule::String])]);
static UPDATE_KEY: Class = Class::new(&[Field::optional("title", &[Rule::String])]);

impl KeyTitle {
    pub fn from_create_body(body: Value) -> Result<Self> {
        Ok(Self(CREATE_KEY.read(body)?.string("title")))
    }

    pub fn from_update_body(body: Value) -> Result<Self> {
        Ok(Self(UPDATE_KEY.read(body)?.string("title")))
    }
}
