//! actix-session's storage interface over the database-backed session repository, so that
//! every instance behind a load balancer sees the same sessions.

use std::collections::HashMap;
use std::sync::Arc;

use actix_session::storage::{LoadError, SaveError, SessionKey, SessionStore, UpdateError};
use actix_web::cookie::time::Duration;
use medusa_auth::sessions::SessionRepository;

#[derive(Clone)]
pub struct DbSessionStore {
    sessions: Arc<dyn SessionRepository>,
}

impl DbSessionStore {
    pub fn new(sessions: Arc<dyn SessionRepository>) -> Self {
        Self { sessions }
    }
}

fn ttl(duration: &Duration) -> std::time::Duration {
    std::time::Duration::from_secs(duration.whole_seconds().max(0) as u64)
}

fn key(id: String) -> Result<SessionKey, anyhow::Error> {
    SessionKey::try_from(id).map_err(|e| anyhow::anyhow!("invalid session key: {e}"))
}

impl SessionStore for DbSessionStore {
    async fn load(
        &self,
        session_key: &SessionKey,
    ) -> Result<Option<HashMap<String, String>>, LoadError> {
        self.sessions
            .load(session_key.as_ref())
            .await
            .map_err(|e| LoadError::Other(anyhow::anyhow!(e)))
    }

    async fn save(
        &self,
        session_state: HashMap<String, String>,
        duration: &Duration,
    ) -> Result<SessionKey, SaveError> {
        let id = self
            .sessions
            .save(&session_state, ttl(duration))
            .await
            .map_err(|e| SaveError::Other(anyhow::anyhow!(e)))?;
        key(id).map_err(SaveError::Other)
    }

    async fn update(
        &self,
        session_key: SessionKey,
        session_state: HashMap<String, String>,
        duration: &Duration,
    ) -> Result<SessionKey, UpdateError> {
        self.sessions
            .update(session_key.as_ref(), &session_state, ttl(duration))
            .await
            .map_err(|e| UpdateError::Other(anyhow::anyhow!(e)))?;
        Ok(session_key)
    }

    async fn update_ttl(
        &self,
        session_key: &SessionKey,
        duration: &Duration,
    ) -> Result<(), anyhow::Error> {
        self.sessions
            .update_ttl(session_key.as_ref(), ttl(duration))
            .await
            .map_err(|e| anyhow::anyhow!(e))
    }

    async fn delete(&self, session_key: &SessionKey) -> Result<(), anyhow::Error> {
        self.sessions
            .delete(session_key.as_ref())
            .await
            .map_err(|e| anyhow::anyhow!(e))
    }
}
