//! The events the order crate's newer writes record as types, as Medusa names them.

use medusa_entity::payment_collection;

medusa_events::row_events! {
    for payment_collection::Model:
        /// `payment-collection.created`: the new collection.
        PaymentCollectionCreated = "payment-collection.created",
        /// `payment-collection.updated`: the collection after the change.
        PaymentCollectionUpdated = "payment-collection.updated",
        /// `payment-collection.deleted`: the collection as it was.
        PaymentCollectionDeleted = "payment-collection.deleted",
        /// `payment-collection.payment_authorized`: the collection after it was marked authorized.
        PaymentCollectionAuthorized = "payment-collection.payment_authorized",
}
