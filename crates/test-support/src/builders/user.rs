//! Admin users (without a password: tests that log in go through the auth service).

use medusa_core::new_row::stamped;
use medusa_core::time::Timestamp;
use medusa_entity::user;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use serde_json::Value;

/// An admin user; by default named after its e-mail, role `admin`.
#[must_use]
pub struct UserBuilder {
    id: String,
    email: String,
    metadata: Option<Value>,
    created_at: Timestamp,
}

impl UserBuilder {
    common_overrides!(id, metadata, created_at);

    pub fn new(email: &str) -> Self {
        Self {
            id: medusa_core::generate_id("usr"),
            email: email.to_owned(),
            metadata: None,
            created_at: super::now(),
        }
    }

    pub async fn insert<C: ConnectionTrait>(self, db: &C) -> user::Model {
        user::ActiveModel {
            id: Set(self.id.clone()),
            email: Set(self.email),
            first_name: Set(None),
            last_name: Set(None),
            password_hash: Set(None),
            api_token: Set(None),
            metadata: Set(self.metadata),
            role: Set(Some(
                medusa_entity::sea_orm_active_enums::UserRoleEnum::Admin,
            )),
            ..stamped(self.created_at)
        }
        .insert(db)
        .await
        .unwrap_or_else(|e| panic!("inserting user {}: {e}", self.id))
    }
}
