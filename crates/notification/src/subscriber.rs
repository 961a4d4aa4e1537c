//! Connecting notification providers to the event dispatcher.

use medusa_core::new_row::stamped;
use std::sync::Arc;

use async_trait::async_trait;
use medusa_core::{generate_id, Result};
use medusa_entity::{notification, notification_provider};
use medusa_events::{OutboxEvent, Subscriber};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{DatabaseConnection, EntityTrait, Set, TransactionTrait};
use serde_json::Value;

use crate::provider::NotificationProvider;

/// One provider as an event subscriber: for each event it handles it sends the notification
/// and stores the `notification` row, as Medusa's `NotificationService.send` does. Each
/// provider is its own subscriber, so a provider that fails is retried alone.
pub struct ProviderSubscriber {
    db: DatabaseConnection,
    provider: Arc<dyn NotificationProvider>,
    name: String,
}

impl ProviderSubscriber {
    pub fn new(db: DatabaseConnection, provider: Arc<dyn NotificationProvider>) -> Self {
        let name = format!("notification:{}", provider.id());
        Self { db, provider, name }
    }
}

/// The dispatcher subscribers for `providers`.
pub fn subscribers(
    db: &DatabaseConnection,
    providers: &[Arc<dyn NotificationProvider>],
) -> Vec<Arc<dyn Subscriber>> {
    providers
        .iter()
        .map(|provider| {
            Arc::new(ProviderSubscriber::new(db.clone(), provider.clone())) as Arc<dyn Subscriber>
        })
        .collect()
}

fn text(data: &Value, key: &str) -> Option<String> {
    match data.get(key)? {
        Value::String(text) => Some(text.clone()),
        Value::Null => None,
        other => Some(other.to_string()),
    }
}

#[async_trait]
impl Subscriber for ProviderSubscriber {
    fn name(&self) -> &str {
        &self.name
    }

    fn wants(&self, event: &str) -> bool {
        self.provider.handles(event)
    }

    async fn handle(&self, event: &OutboxEvent) -> Result<()> {
        // Medusa's opt-out: an event flagged `no_notification` notifies no one.
        if event.data.get("no_notification") == Some(&Value::Bool(true)) {
            return Ok(());
        }
        let Some(sent) = self.provider.send(&event.name, &event.data).await? else {
            return Ok(());
        };
        let now = medusa_core::time::now();
        let resource_type = event
            .name
            .split('.')
            .next()
            .unwrap_or(&event.name)
            .to_owned();
        notification::Entity::insert(notification::ActiveModel {
            id: Set(generate_id("noti")),
            event_name: Set(Some(event.name.clone())),
            resource_type: Set(resource_type),
            // Medusa requires the payload's `id` here and fails to store the notification of
            // an event without one (`user.password_reset`); we store it with an empty id.
            resource_id: Set(text(&event.data, "id").unwrap_or_default()),
            customer_id: Set(text(&event.data, "customer_id")),
            to: Set(sent.to),
            data: Set(sent.data),
            parent_id: Set(None),
            provider_id: Set(Some(self.provider.id().to_owned())),
            ..stamped(now)
        })
        .exec_without_returning(&self.db)
        .await?;
        Ok(())
    }
}

/// Marks exactly `providers` as the installed notification providers, as Medusa does at
/// startup: every known row is first marked not installed, then each provider is upserted.
pub async fn register_providers(
    db: &DatabaseConnection,
    providers: &[Arc<dyn NotificationProvider>],
) -> Result<()> {
    let txn = db.begin().await?;
    notification_provider::Entity::update_many()
        .col_expr(
            notification_provider::Column::IsInstalled,
            Expr::value(false),
        )
        .exec(&txn)
        .await?;
    for provider in providers {
        notification_provider::Entity::insert(notification_provider::ActiveModel {
            id: Set(provider.id().to_owned()),
            is_installed: Set(true),
        })
        .on_conflict(
            OnConflict::column(notification_provider::Column::Id)
                .update_column(notification_provider::Column::IsInstalled)
                .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(())
}
