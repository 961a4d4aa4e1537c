//! Notification providers: what turns a domain event into a message to someone.

use std::sync::Arc;

use async_trait::async_trait;
use medusa_core::Result;
use medusa_entity::notification;
use serde_json::Value;

/// What a provider reports having sent: the recipient and the data it used, stored on the
/// notification row.
#[derive(Debug, Clone, PartialEq)]
pub struct Sent {
    pub to: String,
    pub data: Value,
}

/// A channel notifications go out through (e-mail, SMS, the log). Medusa's
/// `AbstractNotificationService`, plus the set of events the provider subscribes to.
#[async_trait]
pub trait NotificationProvider: Send + Sync {
    /// The provider's id, its row in `notification_provider` and `notification.provider_id`.
    fn id(&self) -> &'static str;
    /// Whether the provider sends something for events named `event`.
    fn handles(&self, event: &str) -> bool;
    /// Sends the notification for one event. `None`: nothing was sent and nothing is stored.
    async fn send(&self, event: &str, data: &Value) -> Result<Option<Sent>>;
    /// Sends a stored notification again, to `to` when given, else to its recipient.
    async fn resend(&self, notification: &notification::Model, to: Option<String>) -> Result<Sent>;
}

/// Writes each notification to the log (target `notifications`): a provider for development
/// and for deployments that forward logs. It handles a configurable set of events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogProvider {
    events: Vec<String>,
}

/// The events the log provider handles unless configured otherwise: the two an admin needs
/// delivered to onboard and recover accounts.
pub const LOG_PROVIDER_DEFAULT_EVENTS: &[&str] = &["invite.created", "user.password_reset"];

impl LogProvider {
    pub fn new(events: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self {
            events: events.into_iter().map(Into::into).collect(),
        }
    }
}

impl Default for LogProvider {
    fn default() -> Self {
        Self::new(LOG_PROVIDER_DEFAULT_EVENTS.iter().copied())
    }
}

/// The recipient named by an event's payload (`user_email` of invites, `email` of password
/// resets and customers).
fn recipient(data: &Value) -> Option<&str> {
    ["to", "email", "user_email"]
        .iter()
        .find_map(|key| data.get(*key).and_then(Value::as_str))
}

/// The payload as stored on the notification: tokens are credentials, so they go out in the
/// message but are not kept where the admin API can read them.
fn stored_data(data: &Value) -> Value {
    match data {
        Value::Object(fields) => Value::Object(
            fields
                .iter()
                .filter(|(key, _)| key.as_str() != "token")
                .map(|(key, value)| (key.clone(), value.clone()))
                .collect(),
        ),
        other => other.clone(),
    }
}

#[async_trait]
impl NotificationProvider for LogProvider {
    fn id(&self) -> &'static str {
        "log"
    }

    fn handles(&self, event: &str) -> bool {
        self.events.iter().any(|handled| handled == event)
    }

    async fn send(&self, event: &str, data: &Value) -> Result<Option<Sent>> {
        let Some(to) = recipient(data) else {
            tracing::warn!(target: "notifications", event, "no recipient in the event; nothing sent");
            return Ok(None);
        };
        tracing::info!(target: "notifications", provider = "log", event, to, data = %data, "notification");
        Ok(Some(Sent {
            to: to.to_owned(),
            data: stored_data(data),
        }))
    }

    async fn resend(&self, notification: &notification::Model, to: Option<String>) -> Result<Sent> {
        let to = to.unwrap_or_else(|| notification.to.clone());
        tracing::info!(
            target: "notifications",
            provider = "log",
            event = notification.event_name.as_deref().unwrap_or_default(),
            to,
            data = %notification.data,
            resend_of = notification.id,
            "notification"
        );
        Ok(Sent {
            to,
            data: notification.data.clone(),
        })
    }
}

/// The providers this server ships: `log` with its default events.
pub fn default_providers() -> Vec<Arc<dyn NotificationProvider>> {
    vec![Arc::new(LogProvider::default())]
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[tokio::test]
    async fn log_provider_sends_to_the_payloads_recipient_without_tokens() {
        let log = LogProvider::default();
        assert!(log.handles("invite.created") && log.handles("user.password_reset"));
        assert!(!log.handles("customer.created"));
        let sent = log
            .send(
                "invite.created",
                &json!({"id": "invite_1", "token": "secret", "user_email": "a@b.c"}),
            )
            .await
            .unwrap();
        assert_eq!(
            sent,
            Some(Sent {
                to: "a@b.c".into(),
                data: json!({"id": "invite_1", "user_email": "a@b.c"})
            })
        );
        let reset = log
            .send(
                "user.password_reset",
                &json!({"email": "x@y.z", "token": "t"}),
            )
            .await
            .unwrap();
        assert_eq!(
            reset.map(|s| (s.to, s.data)),
            Some(("x@y.z".into(), json!({"email": "x@y.z"})))
        );
        assert_eq!(
            log.send("invite.created", &json!({"id": "i"}))
                .await
                .unwrap(),
            None
        );
        let custom = LogProvider::new(["customer.created"]);
        assert!(custom.handles("customer.created") && !custom.handles("invite.created"));
    }
}
