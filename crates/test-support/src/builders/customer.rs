//! Customers and customer groups.

use medusa_core::new_row::stamped;
use medusa_core::time::Timestamp;
use medusa_entity::{customer, customer_group, customer_group_customers};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use serde_json::Value;

/// A customer; by default a guest (no account, no password) with no name, phone, metadata or
/// groups.
#[must_use]
pub struct CustomerBuilder {
    id: String,
    email: String,
    first_name: Option<String>,
    last_name: Option<String>,
    phone: Option<String>,
    password_hash: Option<String>,
    metadata: Option<Value>,
    created_at: Timestamp,
    groups: Vec<String>,
}

impl CustomerBuilder {
    common_overrides!(id, metadata, created_at);

    pub fn new(email: &str) -> Self {
        Self {
            id: medusa_core::generate_id("cus"),
            email: email.to_owned(),
            first_name: None,
            last_name: None,
            phone: None,
            password_hash: None,
            metadata: None,
            created_at: super::now(),
            groups: Vec::new(),
        }
    }

    pub fn name(mut self, first: &str, last: &str) -> Self {
        self.first_name = Some(first.to_owned());
        self.last_name = Some(last.to_owned());
        self
    }

    pub fn phone(mut self, phone: &str) -> Self {
        self.phone = Some(phone.to_owned());
        self
    }

    /// A registered customer: `has_account`, with this password hash.
    pub fn account(mut self, password_hash: &str) -> Self {
        self.password_hash = Some(password_hash.to_owned());
        self
    }

    /// Makes the customer a member of the group with this id.
    pub fn group(mut self, group_id: &str) -> Self {
        self.groups.push(group_id.to_owned());
        self
    }

    pub async fn insert<C: ConnectionTrait>(self, db: &C) -> customer::Model {
        let row = customer::ActiveModel {
            id: Set(self.id.clone()),
            email: Set(self.email),
            first_name: Set(self.first_name),
            last_name: Set(self.last_name),
            billing_address_id: Set(None),
            has_account: Set(self.password_hash.is_some()),
            password_hash: Set(self.password_hash),
            phone: Set(self.phone),
            metadata: Set(self.metadata),
            ..stamped(self.created_at)
        }
        .insert(db)
        .await
        .unwrap_or_else(|e| panic!("inserting customer {}: {e}", self.id));
        for group_id in self.groups {
            customer_group_customers::Entity::insert(customer_group_customers::ActiveModel {
                customer_group_id: Set(group_id.clone()),
                customer_id: Set(row.id.clone()),
            })
            .exec_without_returning(db)
            .await
            .unwrap_or_else(|e| panic!("adding {} to group {group_id}: {e}", row.id));
        }
        row
    }
}

/// A customer group; by default without metadata.
#[must_use]
pub struct CustomerGroupBuilder {
    id: String,
    name: String,
    metadata: Option<Value>,
    created_at: Timestamp,
}

impl CustomerGroupBuilder {
    common_overrides!(id, metadata, created_at);

    pub fn new(name: &str) -> Self {
        Self {
            id: medusa_core::generate_id("cgrp"),
            name: name.to_owned(),
            metadata: None,
            created_at: super::now(),
        }
    }

    pub async fn insert<C: ConnectionTrait>(self, db: &C) -> customer_group::Model {
        customer_group::ActiveModel {
            id: Set(self.id.clone()),
            name: Set(self.name),
            metadata: Set(self.metadata),
            ..stamped(self.created_at)
        }
        .insert(db)
        .await
        .unwrap_or_else(|e| panic!("inserting customer group {}: {e}", self.id))
    }
}
