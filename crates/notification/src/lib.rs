//! Notes and notifications.
//!
//! `medusa-notification` owns notes on any resource (`/admin/notes`), the notifications that
//! notification providers produce from domain events (`/admin/notifications`, with resends),
//! the [`NotificationProvider`] trait that plugs providers in, the event subscriber that
//! connects providers to the `medusa-events` dispatcher, and the `log` provider shipped by
//! default.

pub mod events;
pub mod input;
pub mod notes;
pub mod notifications;
pub mod provider;
mod subscriber;

pub use input::{NoteValue, ResendNotification};
pub use notes::{CreateNote, NoteService, NoteView, SeaNoteService, NOTE_LIST};
pub use notifications::{
    NotificationList, NotificationService, NotificationView, SeaNotificationService,
    NOTIFICATION_LIST,
};
pub use provider::{default_providers, LogProvider, NotificationProvider, Sent};
pub use subscriber::{register_providers, subscribers, ProviderSubscriber};
