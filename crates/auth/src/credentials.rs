//! Resolving what a request presented (a session's user id, a bearer token, an API token, a
//! secret API key) into the user it acts for.

use async_trait::async_trait;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use chrono::Duration;
use medusa_core::Result;
use medusa_entity::{secret_api_key, user};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::api_keys::hash_api_key_token;
use crate::token::{verify_admin_token, JwtKeys};

/// One credential as the HTTP layer found it. Each variant holds the raw value only: the
/// `Bearer `/`Basic ` scheme word is already removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credential<'a> {
    /// The `user_id` stored in the caller's server-side session.
    SessionUser(&'a str),
    /// `Authorization: Bearer <value>`: an admin JWT, or (as Medusa 1.4 documented) a user's
    /// API token.
    Bearer(&'a str),
    /// `x-medusa-access-token: <value>`: a user's API token.
    AccessToken(&'a str),
    /// `Authorization: Basic <value>`: a secret API key, raw or as base64 of `<token>:`.
    Basic(&'a str),
}

/// How the caller proved who they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthMethod {
    Session,
    Jwt,
    ApiToken,
    SecretApiKey { key_id: String },
}

/// The user a request acts for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthUser {
    pub user_id: String,
    pub method: AuthMethod,
}

/// Turns credentials into users. `Ok(None)` means "not authenticated by this credential"; an
/// error is a failure to check (a database error), never a wrong credential.
#[async_trait]
pub trait Authenticator: Send + Sync {
    async fn authenticate(&self, credential: Credential<'_>) -> Result<Option<AuthUser>>;
}

/// [`Authenticator`] over the database.
///
/// Unlike Medusa, every method also requires the user to still exist (not soft-deleted): a
/// deleted user's unexpired JWT, session or API key no longer works.
#[derive(Debug, Clone)]
pub struct SeaAuthenticator {
    db: DatabaseConnection,
    keys: JwtKeys,
}

/// `last_used_at` of a secret API key is rewritten at most this often, so that a busy key
/// does not turn every request into a write.
const LAST_USED_RESOLUTION_SECONDS: i64 = 60;

impl SeaAuthenticator {
    pub fn new(db: DatabaseConnection, keys: JwtKeys) -> Self {
        Self { db, keys }
    }

    async fn live_user(&self, user_id: &str) -> Result<bool> {
        Ok(self
            .live_user_where(user::Column::Id, user_id)
            .await?
            .is_some())
    }

    /// The id of the live user whose `column` holds `value`. Built with sea-query alone: it
    /// runs on every request, and `Entity::find()` builds every column only for them to be
    /// dropped.
    async fn live_user_where(&self, column: user::Column, value: &str) -> Result<Option<String>> {
        let select = Query::select()
            .column((user::Entity, user::Column::Id))
            .from(user::Entity)
            .and_where(Expr::col((user::Entity, column)).eq(value))
            .and_where(Expr::col((user::Entity, user::Column::DeletedAt)).is_null())
            .limit(1)
            .to_owned();
        let backend = self.db.get_database_backend();
        match self.db.query_one(backend.build(&select)).await? {
            Some(row) => Ok(Some(row.try_get_by_index::<String>(0)?)),
            None => Ok(None),
        }
    }

    async fn by_api_token(&self, token: &str) -> Result<Option<AuthUser>> {
        if token.is_empty() {
            return Ok(None);
        }
        let found = self.live_user_where(user::Column::ApiToken, token).await?;
        Ok(found.map(|user_id| AuthUser {
            user_id,
            method: AuthMethod::ApiToken,
        }))
    }

    async fn by_jwt_or_api_token(&self, value: &str) -> Result<Option<AuthUser>> {
        match verify_admin_token(&self.keys, value) {
            Some(user_id) if self.live_user(&user_id).await? => Ok(Some(AuthUser {
                user_id,
                method: AuthMethod::Jwt,
            })),
            // A valid JWT of a deleted user is not retried as an API token.
            Some(_) => Ok(None),
            None => self.by_api_token(value).await,
        }
    }

    async fn by_secret_key(&self, value: &str) -> Result<Option<AuthUser>> {
        let token = basic_token(value);
        if token.is_empty() {
            return Ok(None);
        }
        let Some(key) = secret_api_key::Entity::find()
            .filter(secret_api_key::Column::TokenHash.eq(hash_api_key_token(&token)))
            .filter(secret_api_key::Column::RevokedAt.is_null())
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        if !self.live_user(&key.created_by).await? {
            return Ok(None);
        }
        self.touch(&key).await;
        Ok(Some(AuthUser {
            user_id: key.created_by,
            method: AuthMethod::SecretApiKey { key_id: key.id },
        }))
    }

    /// Records the key's use. A failure here must not fail the request, so it is only logged.
    async fn touch(&self, key: &secret_api_key::Model) {
        let now = medusa_core::time::now();
        let fresh = key
            .last_used_at
            .is_some_and(|at| now - at < Duration::seconds(LAST_USED_RESOLUTION_SECONDS));
        if fresh {
            return;
        }
        let updated = secret_api_key::Entity::update_many()
            .col_expr(secret_api_key::Column::LastUsedAt, Expr::value(now))
            .filter(secret_api_key::Column::Id.eq(key.id.as_str()))
            .exec(&self.db)
            .await;
        if let Err(err) = updated {
            tracing::warn!(key_id = %key.id, error = %err, "could not record the API key's use");
        }
    }
}

#[async_trait]
impl Authenticator for SeaAuthenticator {
    async fn authenticate(&self, credential: Credential<'_>) -> Result<Option<AuthUser>> {
        match credential {
            Credential::SessionUser(user_id) => {
                Ok(self.live_user(user_id).await?.then(|| AuthUser {
                    user_id: user_id.to_owned(),
                    method: AuthMethod::Session,
                }))
            }
            Credential::Bearer(value) => self.by_jwt_or_api_token(value.trim()).await,
            Credential::AccessToken(value) => self.by_api_token(value).await,
            Credential::Basic(value) => self.by_secret_key(value.trim()).await,
        }
    }
}

/// The secret key token in a Basic credential: clients send either the token itself or, as
/// HTTP Basic auth does, base64 of `<token>:` (the token as user name, no password).
fn basic_token(value: &str) -> String {
    STANDARD
        .decode(value)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|decoded| decoded.strip_suffix(':').map(str::to_owned))
        .unwrap_or_else(|| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_values_raw_or_encoded() {
        let token = "sk_0123456789abcdef";
        assert_eq!(basic_token(token), token);
        assert_eq!(basic_token(&STANDARD.encode(format!("{token}:"))), token);
        // base64 of something without the trailing colon is taken as a raw token.
        let encoded_without_colon = STANDARD.encode(token);
        assert_eq!(basic_token(&encoded_without_colon), encoded_without_colon);
        assert_eq!(basic_token(""), "");
    }
}
