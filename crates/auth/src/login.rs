//! Logging in with e-mail and password, with throttling of repeated failures (`throttle`).

use std::sync::{Arc, OnceLock};

use async_trait::async_trait;
use medusa_core::{Error, Result};
use medusa_entity::user;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::password::{hash_password, verify_password, PasswordCheck, PasswordPolicy};
use crate::throttle::LoginThrottle;

/// Checking e-mail and password.
#[async_trait]
pub trait LoginService: Send + Sync {
    /// The user whose (case-insensitive) e-mail and password these are. Every failure, unknown
    /// e-mail or wrong password alike, is the same `401 Unauthorized`, and counts towards
    /// throttling; a throttled caller gets `429` without the password being checked.
    /// `client` is the caller's address, throttled separately from the e-mail.
    async fn login(&self, email: &str, password: &str, client: Option<&str>)
        -> Result<user::Model>;

    /// Removes failures too old to count any more; how many.
    async fn forget_old_failures(&self) -> Result<u64>;
}

/// [`LoginService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaLoginService {
    db: DatabaseConnection,
    policy: PasswordPolicy,
    throttle: Arc<LoginThrottle>,
    /// A hash checked when the e-mail is unknown, so that the answer takes as long as for a
    /// known e-mail and timing does not reveal which accounts exist.
    decoy_hash: Arc<OnceLock<String>>,
}

const LOGIN_FAILED: &str = "Unauthorized";

impl SeaLoginService {
    pub fn new(
        db: DatabaseConnection,
        policy: PasswordPolicy,
        throttle: Arc<LoginThrottle>,
    ) -> Self {
        Self {
            db,
            policy,
            throttle,
            decoy_hash: Arc::new(OnceLock::new()),
        }
    }

    async fn check_password(
        &self,
        password: &str,
        stored: Option<String>,
    ) -> Result<PasswordCheck> {
        let password = password.to_owned();
        let policy = self.policy;
        let decoy = Arc::clone(&self.decoy_hash);
        tokio::task::spawn_blocking(move || {
            let decoy =
                || decoy.get_or_init(|| hash_password("decoy", &policy).unwrap_or_default());
            match stored {
                // A bcrypt check is what an unknown e-mail costs (the decoy below).
                Some(stored) if stored.starts_with("$2") => verify_password(&password, &stored),
                // Medusa's scrypt hashes verify in a few milliseconds: the decoy is checked
                // as well, so an adopted account answers as slowly as an unknown e-mail.
                Some(stored) => {
                    let _ = verify_password(&password, decoy());
                    verify_password(&password, &stored)
                }
                None => {
                    // Whatever the outcome, an unknown e-mail never logs in.
                    let _ = verify_password(&password, decoy());
                    PasswordCheck::Invalid
                }
            }
        })
        .await
        .map_err(|err| Error::UnexpectedState(format!("password check task failed: {err}")))
    }

    /// Replaces a Medusa scrypt hash with bcrypt. `updated_at` is left alone: the user did
    /// not change, and Medusa-compatible responses must not drift after a login. A failure is
    /// only logged; the login itself succeeded.
    async fn upgrade_hash(&self, user: &mut user::Model, password: &str) {
        let new_hash = match crate::password::hash_password_blocking(
            password.to_owned(),
            self.policy,
        )
        .await
        {
            Ok(hash) => hash,
            Err(err) => {
                tracing::warn!(user_id = %user.id, error = %err, "could not rehash the password");
                return;
            }
        };
        let updated = user::Entity::update_many()
            .col_expr(user::Column::PasswordHash, Expr::value(new_hash.clone()))
            .filter(user::Column::Id.eq(user.id.as_str()))
            .exec(&self.db)
            .await;
        match updated {
            Ok(_) => {
                tracing::info!(user_id = %user.id, "password hash upgraded from scrypt to bcrypt");
                user.password_hash = Some(new_hash);
            }
            Err(err) => {
                tracing::warn!(user_id = %user.id, error = %err, "could not store the rehashed password")
            }
        }
    }
}

#[async_trait]
impl LoginService for SeaLoginService {
    async fn login(
        &self,
        email: &str,
        password: &str,
        client: Option<&str>,
    ) -> Result<user::Model> {
        let email = email.to_lowercase();
        if let Some(wait) = self.throttle.retry_after(&self.db, &email, client).await? {
            let seconds = wait.as_secs().max(1);
            return Err(Error::TooManyRequests {
                message: format!("Too many failed login attempts. Try again in {seconds} seconds."),
                retry_after: seconds,
            });
        }
        let found = user::Entity::find()
            .filter(user::Column::Email.eq(email.as_str()))
            .filter(user::Column::DeletedAt.is_null())
            .one(&self.db)
            .await?;
        let stored = found.as_ref().and_then(|user| user.password_hash.clone());
        let check = self.check_password(password, stored).await?;
        match (found, check) {
            (Some(mut user), PasswordCheck::Valid { needs_rehash }) => {
                self.throttle
                    .record_success(&self.db, &email, client)
                    .await?;
                if needs_rehash {
                    self.upgrade_hash(&mut user, password).await;
                }
                Ok(user)
            }
            _ => {
                self.throttle
                    .record_failure(&self.db, &email, client)
                    .await?;
                Err(Error::unauthorized(LOGIN_FAILED))
            }
        }
    }

    async fn forget_old_failures(&self) -> Result<u64> {
        self.throttle.purge(&self.db).await
    }
}
