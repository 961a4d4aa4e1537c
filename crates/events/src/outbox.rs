//! Recording events into the `event_outbox` table.

use std::sync::Mutex;

use medusa_core::time::Timestamp;
use medusa_core::Result;
use medusa_entity::event_outbox;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::Value;
use ulid::{Generator, Ulid};

/// One recorded event as subscribers receive it.
#[derive(Clone, Debug, PartialEq)]
pub struct OutboxEvent {
    /// `evt_<ULID>`.
    pub id: String,
    /// Medusa's event name, e.g. `customer.created`.
    pub name: String,
    /// The payload's `id`, when it has one.
    pub resource_id: Option<String>,
    /// The payload, as Medusa's `eventBus.emit` would carry it.
    pub data: Value,
    pub created_at: Timestamp,
    /// Failed delivery attempts before this one.
    pub attempts: i32,
}

/// Monotonic ULIDs: two events recorded in the same millisecond still sort in recording order.
static EVENT_IDS: Mutex<Generator> = Mutex::new(Generator::new());

fn next_event_id() -> String {
    let ulid = EVENT_IDS
        .lock()
        .ok()
        .and_then(|mut generator| generator.generate().ok())
        // Only a poisoned lock or 2^80 ids in one millisecond get here.
        .unwrap_or_else(|| Ulid::from_datetime(std::time::SystemTime::now()));
    format!("evt_{ulid}")
}

/// The payload's `id` as text: events sharing it are delivered in recording order.
fn resource_id_of(data: &Value) -> Option<String> {
    match data.get("id")? {
        Value::String(id) => Some(id.clone()),
        Value::Null => None,
        other => Some(other.to_string()),
    }
}

/// Records the event `name` with payload `data` on `conn`, normally the transaction of the
/// write the event describes, so the event commits or rolls back with it.
pub async fn record<C: ConnectionTrait>(conn: &C, name: &str, data: Value) -> Result<()> {
    event_outbox::Entity::insert(outbox_row(name, data))
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

/// Events per multi-row insert: well under both backends' bound-parameter limits.
const EVENTS_PER_INSERT: usize = 2000;

/// [`record`] for many events, in this order, with one insert per [`EVENTS_PER_INSERT`].
pub(crate) async fn record_many<C: ConnectionTrait>(
    conn: &C,
    events: Vec<(&'static str, Value)>,
) -> Result<()> {
    let mut rows: Vec<event_outbox::ActiveModel> = Vec::with_capacity(events.len());
    for (name, data) in events {
        rows.push(outbox_row(name, data));
    }
    while !rows.is_empty() {
        let rest = rows.split_off(rows.len().min(EVENTS_PER_INSERT));
        let batch = std::mem::replace(&mut rows, rest);
        event_outbox::Entity::insert_many(batch)
            .exec_without_returning(conn)
            .await?;
    }
    Ok(())
}

fn outbox_row(name: &str, data: Value) -> event_outbox::ActiveModel {
    let id = next_event_id();
    let resource_id = resource_id_of(&data);
    tracing::debug!(target: "events", event = name, %id, resource_id = ?resource_id, "event recorded");
    event_outbox::ActiveModel {
        id: Set(id),
        name: Set(name.to_owned()),
        resource_id: Set(resource_id),
        data: Set(data.to_string()),
        created_at: Set(medusa_core::time::now()),
        delivered_at: Set(None),
        attempts: Set(0),
        last_error: Set(None),
        next_attempt_at: Set(None),
        delivered_to: Set(None),
    }
}

/// Deletes events delivered before `cutoff`. Undelivered events are never removed, so a
/// purge cannot lose one; delivered ones only keep payloads (some carry tokens) around.
pub async fn purge_delivered<C: ConnectionTrait>(conn: &C, cutoff: Timestamp) -> Result<u64> {
    let deleted = event_outbox::Entity::delete_many()
        .filter(event_outbox::Column::DeliveredAt.is_not_null())
        .filter(event_outbox::Column::DeliveredAt.lt(cutoff))
        .exec(conn)
        .await?;
    Ok(deleted.rows_affected)
}

impl OutboxEvent {
    pub(crate) fn from_row(row: &event_outbox::Model) -> std::result::Result<Self, String> {
        let data = serde_json::from_str(&row.data)
            .map_err(|err| format!("the stored payload is not JSON: {err}"))?;
        Ok(Self {
            id: row.id.clone(),
            name: row.name.clone(),
            resource_id: row.resource_id.clone(),
            data,
            created_at: row.created_at,
            attempts: row.attempts,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ids_sort_in_recording_order() {
        let ids: Vec<String> = (0..1000).map(|_| next_event_id()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
        assert!(ids
            .iter()
            .all(|id| id.starts_with("evt_") && id.len() == 30));
    }

    #[test]
    fn resource_id_is_the_payload_id() {
        assert_eq!(
            resource_id_of(&json!({"id": "cus_1"})),
            Some("cus_1".into())
        );
        assert_eq!(resource_id_of(&json!({"id": 7})), Some("7".into()));
        assert_eq!(resource_id_of(&json!({"id": null})), None);
        assert_eq!(resource_id_of(&json!({"email": "a@b.c"})), None);
        assert_eq!(resource_id_of(&json!(["id"])), None);
    }
}
