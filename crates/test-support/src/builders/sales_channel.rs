//! Sales channels.

use medusa_core::new_row::stamped;
use medusa_core::time::Timestamp;
use medusa_entity::sales_channel;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use serde_json::Value;

/// A sales channel; by default enabled, without description or metadata.
#[must_use]
pub struct SalesChannelBuilder {
    id: String,
    name: String,
    description: Option<String>,
    is_disabled: bool,
    metadata: Option<Value>,
    created_at: Timestamp,
}

impl SalesChannelBuilder {
    common_overrides!(id, metadata, created_at);

    pub fn new(name: &str) -> Self {
        Self {
            id: medusa_core::generate_id("sc"),
            name: name.to_owned(),
            description: None,
            is_disabled: false,
            metadata: None,
            created_at: super::now(),
        }
    }

    pub fn description(mut self, description: &str) -> Self {
        self.description = Some(description.to_owned());
        self
    }

    pub fn disabled(mut self) -> Self {
        self.is_disabled = true;
        self
    }

    pub async fn insert<C: ConnectionTrait>(self, db: &C) -> sales_channel::Model {
        sales_channel::ActiveModel {
            id: Set(self.id.clone()),
            name: Set(self.name),
            description: Set(self.description),
            is_disabled: Set(self.is_disabled),
            metadata: Set(self.metadata),
            ..stamped(self.created_at)
        }
        .insert(db)
        .await
        .unwrap_or_else(|e| panic!("inserting sales channel {}: {e}", self.id))
    }
}
