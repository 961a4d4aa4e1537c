//! The events shipping options and profiles record, as Medusa names them.

use serde::Serialize;

medusa_events::events! {
    ShippingOptionCreated = "shipping_option.created" { id: String }
    ShippingOptionUpdated = "shipping_option.updated" { id: String }
    ShippingOptionDeleted = "shipping_option.deleted" { id: String }
    /// A profile took a product over: Medusa's product service records `product.updated`
    /// with the product's new profile.
    ProductProfileChanged = "product.updated" { id: String, profiles: Vec<ProfileRef> }
}

/// `{ "id": profile_id }` in [`ProductProfileChanged`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProfileRef {
    pub id: String,
}
