//! Typed events: a payload type that carries its name.
//!
//! Each domain crate declares the events it records in its own `events` module, one type per
//! Medusa event name, and records them with [`record_event`]. The name and the payload's shape
//! are checked where they are declared, once, instead of at every call site.

use medusa_core::{Error, Result};
use sea_orm::ConnectionTrait;
use serde::Serialize;

/// An event payload that knows Medusa's name for it. Its serialized form is the payload
/// written to `event_outbox.data` (and its `id`, when it has one, the resource it orders by).
pub trait Event: Serialize {
    /// Medusa's event name, e.g. `customer.created`.
    const NAME: &'static str;
}

/// Records `event` on `conn`, normally the transaction of the write it describes, so it
/// commits or rolls back with that write.
pub async fn record_event<C: ConnectionTrait, E: Event>(conn: &C, event: &E) -> Result<()> {
    let data = serde_json::to_value(event)
        .map_err(|err| Error::UnexpectedState(format!("event payload: {err}")))?;
    crate::record(conn, E::NAME, data).await
}

/// Typed events collected for one [`Events::record`]: a write that records many events (a
/// bulk import) inserts them together, in the order they were pushed.
#[derive(Debug, Default)]
pub struct Events(Vec<(&'static str, serde_json::Value)>);

impl Events {
    pub fn push<E: Event>(&mut self, event: &E) -> Result<()> {
        let data = serde_json::to_value(event)
            .map_err(|err| Error::UnexpectedState(format!("event payload: {err}")))?;
        self.0.push((E::NAME, data));
        Ok(())
    }

    /// Records every pushed event on `conn`, normally the write's transaction.
    pub async fn record<C: ConnectionTrait>(self, conn: &C) -> Result<()> {
        crate::outbox::record_many(conn, self.0).await
    }
}

/// Declares event types: each a `pub struct` of owned fields, serialized as the payload, with
/// its name. Fields keep their attributes (`#[serde(skip_serializing_if = ...)]`).
///
/// ```ignore
/// medusa_events::events! {
///     /// A customer group was created.
///     GroupCreated = "customer_group.created" { id: String }
/// }
/// ```
///
/// The declaring crate depends on `serde` (the derive names it).
#[macro_export]
macro_rules! events {
    ($(
        $(#[$meta:meta])*
        $ty:ident = $name:literal { $( $(#[$fmeta:meta])* $field:ident : $fty:ty ),* $(,)? }
    )*) => {$(
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, ::serde::Serialize)]
        pub struct $ty { $( $(#[$fmeta])* pub $field: $fty, )* }

        impl $crate::Event for $ty {
            const NAME: &'static str = $name;
        }
    )*};
}

/// Declares event types that carry the same fields, one field list for each group: Medusa's
/// claim and swap events, for one, all send `{id, no_notification}`. Each type is declared
/// as [`events!`] declares it.
///
/// ```ignore
/// medusa_events::events_with_fields! {
///     { id: String, no_notification: Option<bool> } for
///         /// A claim was created.
///         ClaimCreated = "claim.created",
///         /// A claim was canceled.
///         ClaimCanceled = "claim.canceled";
/// }
/// ```
#[macro_export]
macro_rules! events_with_fields {
    ($(
        $fields:tt for $( $(#[$meta:meta])* $ty:ident = $name:literal ),+ ;
    )*) => {
        $crate::events! { $($( $(#[$meta])* $ty = $name $fields )+)* }
    };
}

/// Declares events whose payload is one row as the API shows it: each type borrows the row
/// and serializes as it.
///
/// ```ignore
/// medusa_events::row_events! {
///     for payment_collection::Model:
///         /// The collection after the change.
///         PaymentCollectionUpdated = "payment-collection.updated",
/// }
/// ```
#[macro_export]
macro_rules! row_events {
    (for $row:ty : $( $(#[$meta:meta])* $ty:ident = $name:literal ),+ $(,)?) => {$(
        $(#[$meta])*
        #[derive(Clone, Debug, ::serde::Serialize)]
        #[serde(transparent)]
        pub struct $ty<'a>(pub &'a $row);

        impl $crate::Event for $ty<'_> {
            const NAME: &'static str = $name;
        }
    )+};
}
