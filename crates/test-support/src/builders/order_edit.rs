//! Order edits at any step of their life: created, requested, confirmed, declined, canceled.

use medusa_core::new_row::stamped;
use medusa_core::time::Timestamp;
use medusa_entity::order_edit;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

/// An order edit of `order_id`, created by an admin; each step stamps its time.
#[must_use]
pub struct OrderEditBuilder {
    id: String,
    order_id: String,
    created_at: Timestamp,
    requested_at: Option<Timestamp>,
    confirmed_at: Option<Timestamp>,
    declined_at: Option<Timestamp>,
    canceled_at: Option<Timestamp>,
}

impl OrderEditBuilder {
    pub fn new(order_id: &str) -> Self {
        Self {
            id: medusa_core::generate_id("oe"),
            order_id: order_id.to_owned(),
            created_at: super::now(),
            requested_at: None,
            confirmed_at: None,
            declined_at: None,
            canceled_at: None,
        }
    }

    common_overrides!(id, created_at);

    pub fn requested(mut self) -> Self {
        self.requested_at = Some(self.created_at);
        self
    }

    pub fn confirmed(mut self) -> Self {
        self.confirmed_at = Some(self.created_at);
        self
    }

    pub fn declined(mut self) -> Self {
        self.declined_at = Some(self.created_at);
        self
    }

    pub fn canceled(mut self) -> Self {
        self.canceled_at = Some(self.created_at);
        self
    }

    pub async fn insert<C: ConnectionTrait>(self, db: &C) -> order_edit::Model {
        let by = |at: &Option<Timestamp>| at.map(|_| "admin_user".to_owned());
        order_edit::ActiveModel {
            id: Set(self.id),
            order_id: Set(self.order_id),
            internal_note: Set(None),
            created_by: Set("admin_user".to_owned()),
            requested_by: Set(by(&self.requested_at)),
            requested_at: Set(self.requested_at),
            confirmed_by: Set(by(&self.confirmed_at)),
            confirmed_at: Set(self.confirmed_at),
            declined_by: Set(by(&self.declined_at)),
            declined_reason: Set(None),
            declined_at: Set(self.declined_at),
            canceled_by: Set(by(&self.canceled_at)),
            canceled_at: Set(self.canceled_at),
            payment_collection_id: Set(None),
            ..stamped(self.created_at)
        }
        .insert(db)
        .await
        .expect("insert order edit")
    }
}
