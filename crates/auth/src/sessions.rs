//! Server-side sessions behind the `connect.sid` cookie, kept in the database so that several
//! instances behind a load balancer share them.
//!
//! The cookie carries a random session key (32 bytes, hex). The table stores only the key's
//! SHA-256, so a leaked copy of the table does not let anyone take over a session.

use medusa_core::new_row::stamped;
use std::collections::HashMap;
use std::time::Duration;

use async_trait::async_trait;
use chrono::TimeDelta;
use medusa_core::time::Timestamp;
use medusa_core::{Error, Result};
use medusa_entity::admin_session;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set, UpdateMany,
};
use sha2::{Digest, Sha256};

use crate::{hex, random_hex};

/// A session's state: string keys to (JSON-encoded) string values, as actix-session keeps it.
pub type SessionState = HashMap<String, String>;

/// Storage of session states by session key.
#[async_trait]
pub trait SessionRepository: Send + Sync {
    /// The state of a live session; `None` when the key is unknown or the session expired.
    async fn load(&self, session_key: &str) -> Result<Option<SessionState>>;
    /// Stores a new session and returns its freshly generated key.
    async fn save(&self, state: &SessionState, ttl: Duration) -> Result<String>;
    /// Replaces a session's state and extends it by `ttl`. When the session no longer exists
    /// (expired or deleted meanwhile) it is stored as a new session; the key returned is the
    /// one the cookie must carry from now on.
    async fn update(
        &self,
        session_key: &str,
        state: &SessionState,
        ttl: Duration,
    ) -> Result<String>;
    /// Extends a live session by `ttl` without changing its state.
    async fn update_ttl(&self, session_key: &str, ttl: Duration) -> Result<()>;
    async fn delete(&self, session_key: &str) -> Result<()>;
    /// Deletes expired sessions and returns how many there were.
    async fn purge_expired(&self) -> Result<u64>;
}

/// [`SessionRepository`] over the `admin_session` table.
#[derive(Debug, Clone)]
pub struct SeaSessionRepository {
    db: DatabaseConnection,
}

/// Bytes of randomness in a session key.
const SESSION_KEY_BYTES: usize = 32;

impl SeaSessionRepository {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

fn stored_id(session_key: &str) -> String {
    hex(&Sha256::digest(session_key.as_bytes()))
}

fn encode(state: &SessionState) -> Result<String> {
    serde_json::to_string(state)
        .map_err(|err| Error::UnexpectedState(format!("could not encode a session: {err}")))
}

fn expiry(now: Timestamp, ttl: Duration) -> Result<Timestamp> {
    TimeDelta::from_std(ttl)
        .ok()
        .and_then(|ttl| now.checked_add_signed(ttl))
        .ok_or_else(|| Error::invalid_data("session lifetime out of range"))
}

/// The update that gives a live (unexpired) session `ttl` more from now; a caller may set more
/// columns before running it.
fn prolong(session_key: &str, ttl: Duration) -> Result<UpdateMany<admin_session::Entity>> {
    let now = medusa_core::time::now();
    Ok(admin_session::Entity::update_many()
        .col_expr(
            admin_session::Column::ExpiresAt,
            Expr::value(expiry(now, ttl)?),
        )
        .col_expr(admin_session::Column::UpdatedAt, Expr::value(now))
        .filter(admin_session::Column::Id.eq(stored_id(session_key)))
        .filter(admin_session::Column::ExpiresAt.gt(now)))
}

#[async_trait]
impl SessionRepository for SeaSessionRepository {
    async fn load(&self, session_key: &str) -> Result<Option<SessionState>> {
        let found = admin_session::Entity::find_by_id(stored_id(session_key))
            .filter(admin_session::Column::ExpiresAt.gt(medusa_core::time::now()))
            .one(&self.db)
            .await?;
        let Some(session) = found else {
            return Ok(None);
        };
        match serde_json::from_str(&session.data) {
            Ok(state) => Ok(Some(state)),
            Err(err) => {
                // A row we cannot read is treated as no session: the client gets a fresh one.
                tracing::warn!(error = %err, "unreadable session state; ignoring it");
                Ok(None)
            }
        }
    }

    async fn save(&self, state: &SessionState, ttl: Duration) -> Result<String> {
        let session_key = random_hex(SESSION_KEY_BYTES);
        let now = medusa_core::time::now();
        admin_session::ActiveModel {
            id: Set(stored_id(&session_key)),
            data: Set(encode(state)?),
            expires_at: Set(expiry(now, ttl)?),
            ..stamped(now)
        }
        .insert(&self.db)
        .await?;
        Ok(session_key)
    }

    async fn update(
        &self,
        session_key: &str,
        state: &SessionState,
        ttl: Duration,
    ) -> Result<String> {
        let updated = prolong(session_key, ttl)?
            .col_expr(admin_session::Column::Data, Expr::value(encode(state)?))
            .exec(&self.db)
            .await?;
        if updated.rows_affected == 0 {
            return self.save(state, ttl).await;
        }
        Ok(session_key.to_owned())
    }

    async fn update_ttl(&self, session_key: &str, ttl: Duration) -> Result<()> {
        prolong(session_key, ttl)?.exec(&self.db).await?;
        Ok(())
    }

    async fn delete(&self, session_key: &str) -> Result<()> {
        admin_session::Entity::delete_by_id(stored_id(session_key))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    async fn purge_expired(&self) -> Result<u64> {
        let purged = admin_session::Entity::delete_many()
            .filter(admin_session::Column::ExpiresAt.lte(medusa_core::time::now()))
            .exec(&self.db)
            .await?;
        Ok(purged.rows_affected)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_id_is_a_digest_of_the_key() {
        let key = "a".repeat(64);
        let id = stored_id(&key);
        assert_eq!(id.len(), 64);
        assert_ne!(id, key);
        assert_eq!(id, stored_id(&key));
    }

    #[test]
    fn expiry_rejects_absurd_lifetimes() {
        let now = medusa_core::time::now();
        assert!(expiry(now, Duration::from_secs(u64::MAX)).is_err());
        assert_eq!(
            expiry(now, Duration::from_secs(60)).unwrap() - now,
            TimeDelta::seconds(60)
        );
    }
}
