//! The events the order crate's newer writes record as types, as Medusa names them.

use medusa_entity::payment_collection;
use serde::Serialize;

/// `payment-collection.updated`: the collection after the change.
#[derive(Clone, Debug, Serialize)]
#[serde(transparent)]
pub struct PaymentCollectionUpdated<'a>(pub &'a payment_collection::Model);

/// `payment-collection.deleted`: the collection as it was.
#[derive(Clone, Debug, Serialize)]
#[serde(transparent)]
pub struct PaymentCollectionDeleted<'a>(pub &'a payment_collection::Model);

/// `payment-collection.payment_authorized`: the collection after it was marked authorized.
#[derive(Clone, Debug, Serialize)]
#[serde(transparent)]
pub struct PaymentCollectionAuthorized<'a>(pub &'a payment_collection::Model);

impl medusa_events::Event for PaymentCollectionUpdated<'_> {
    const NAME: &'static str = "payment-collection.updated";
}

impl medusa_events::Event for PaymentCollectionDeleted<'_> {
    const NAME: &'static str = "payment-collection.deleted";
}

impl medusa_events::Event for PaymentCollectionAuthorized<'_> {
    const NAME: &'static str = "payment-collection.payment_authorized";
}

/// `payment-collection.created`: the new collection.
#[derive(Clone, Debug, Serialize)]
#[serde(transparent)]
pub struct PaymentCollectionCreated<'a>(pub &'a payment_collection::Model);

impl medusa_events::Event for PaymentCollectionCreated<'_> {
    const NAME: &'static str = "payment-collection.created";
}
