//! Domain events, delivered reliably.
//!
//! `medusa-events` owns the transactional outbox and its delivery: every write records Medusa's
//! event (`customer.created`, `region.updated`, ...) with [`record_event`] inside the write's own
//! transaction, so an event exists exactly when its change was committed; a [`Dispatcher`]
//! later hands each recorded event to the [`Subscriber`]s that want it (notification providers,
//! webhooks) at least once, in order per resource, retrying failures with backoff.
//!
//! Events are typed: a domain crate declares each one as a payload type carrying its name
//! ([`Event`], usually with [`events!`], or [`events_with_fields!`] for events sharing one
//! payload shape) in its `events` module. [`record`], the untyped primitive underneath, takes
//! any name and JSON (the outbox's own tests use it).

mod dispatcher;
mod event;
mod outbox;

pub use event::{record_event, Event, Events};

pub use dispatcher::{Dispatcher, DispatcherHandle, RetryBackoff, Subscriber};
pub use outbox::{purge_delivered, record, OutboxEvent};
