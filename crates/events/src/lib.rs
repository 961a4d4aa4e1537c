//! Domain events, delivered reliably.
//!
//! `medusa-events` owns the transactional outbox and its delivery: every write records Medusa's
//! event (`customer.created`, `region.updated`, ...) with [`record`] inside the write's own
//! transaction, so an event exists exactly when its change was committed; a [`Dispatcher`]
//! later hands each recorded event to the [`Subscriber`]s that want it (notification providers,
//! webhooks) at least once, in order per resource, retrying failures with backoff.

mod dispatcher;
mod outbox;

pub use dispatcher::{Dispatcher, DispatcherHandle, RetryBackoff, Subscriber};
pub use outbox::{purge_delivered, record, OutboxEvent};
