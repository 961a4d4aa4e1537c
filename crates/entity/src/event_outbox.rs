//! `event_outbox`: our own table. Every write records its domain events here inside its own
//! transaction, so an event exists exactly when the change it describes was committed; the
//! dispatcher (`medusa-events`) later delivers each row to the subscribers and marks it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "event_outbox")]
pub struct Model {
    /// `evt_<ULID>`, monotonic within a process, so ordering by id is ordering by recording.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// Medusa's event name (`customer.created`, `region.updated`, ...).
    pub name: String,
    /// The `id` of the event's payload: events of one resource are delivered in order.
    pub resource_id: Option<String>,
    /// The payload as JSON text (text, not `jsonb`, so it reads back byte for byte).
    #[sea_orm(column_type = "Text")]
    pub data: String,
    pub created_at: DateTimeWithTimeZone,
    /// Set once every interested subscriber has handled the event.
    pub delivered_at: Option<DateTimeWithTimeZone>,
    /// Failed delivery attempts so far.
    pub attempts: i32,
    #[sea_orm(column_type = "Text", nullable)]
    pub last_error: Option<String>,
    /// Not retried before this instant (backoff after a failure).
    pub next_attempt_at: Option<DateTimeWithTimeZone>,
    /// JSON array of the subscribers that already handled the event, so a retry after a
    /// partial failure does not hand it again to those that succeeded.
    #[sea_orm(column_type = "Text", nullable)]
    pub delivered_to: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
