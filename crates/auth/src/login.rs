//! Logging in with e-mail and password, with throttling of repeated failures.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use medusa_core::{Error, Result};
use medusa_entity::user;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::password::{hash_password, verify_password, PasswordCheck, PasswordPolicy};

/// Checking e-mail and password.
#[async_trait]
pub trait LoginService: Send + Sync {
    /// The user whose (case-insensitive) e-mail and password these are. Every failure, unknown
    /// e-mail or wrong password alike, is the same `401 Unauthorized`, and counts towards
    /// throttling; a throttled caller gets `429` without the password being checked.
    /// `client` is the caller's address, throttled separately from the e-mail.
    async fn login(&self, email: &str, password: &str, client: Option<&str>)
        -> Result<user::Model>;
}

/// How many failures within which window block further attempts (`max_failures: 0` turns
/// the limit off).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottleLimit {
    pub max_failures: usize,
    pub window: Duration,
}

/// Limits per account tried from one address (`per_email`: the e-mail with the client
/// address) and per client address across accounts. The address limit is looser because many
/// people may share one address (an office behind NAT).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottlePolicy {
    pub per_email: ThrottleLimit,
    pub per_client: ThrottleLimit,
}

impl Default for ThrottlePolicy {
    fn default() -> Self {
        let window = Duration::from_secs(15 * 60);
        Self {
            per_email: ThrottleLimit {
                max_failures: 5,
                window,
            },
            per_client: ThrottleLimit {
                max_failures: 20,
                window,
            },
        }
    }
}

/// What failures are counted against: an account tried from one address, and an address
/// across accounts. Never an account alone: failures from anywhere would then lock its owner
/// out everywhere, a lock anyone could turn.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum ThrottleKey {
    Account { email: String, client: String },
    Client(String),
}

fn account(email: &str, client: Option<&str>) -> ThrottleKey {
    ThrottleKey::Account {
        email: email.to_owned(),
        client: client.unwrap_or_default().to_owned(),
    }
}

/// In-memory record of recent login failures (per process: each instance behind a load
/// balancer counts on its own, which still bounds guessing to a small multiple).
///
/// A sliding window: a key is blocked while it has `max_failures` failures younger than
/// `window`, until the oldest of them ages out.
#[derive(Debug)]
pub struct LoginThrottle {
    policy: ThrottlePolicy,
    failures: Mutex<HashMap<ThrottleKey, VecDeque<Instant>>>,
}

/// Past this many tracked keys, keys whose failures all aged out are dropped.
const PRUNE_THRESHOLD: usize = 10_000;

impl LoginThrottle {
    pub fn new(policy: ThrottlePolicy) -> Self {
        Self {
            policy,
            failures: Mutex::new(HashMap::new()),
        }
    }

    /// How long the caller must wait before trying again, if blocked.
    pub fn retry_after(&self, email: &str, client: Option<&str>) -> Option<Duration> {
        self.retry_after_at(email, client, Instant::now())
    }

    pub fn record_failure(&self, email: &str, client: Option<&str>) {
        self.record_failure_at(email, client, Instant::now());
    }

    /// A successful login clears the account's failures from that address, not the
    /// address's: otherwise one valid account would let an address keep guessing at others.
    pub fn record_success(&self, email: &str, client: Option<&str>) {
        self.lock().remove(&account(email, client));
    }

    fn keys<'a>(
        &'a self,
        email: &str,
        client: Option<&str>,
    ) -> impl Iterator<Item = (ThrottleKey, ThrottleLimit)> + 'a {
        let account = Some((account(email, client), self.policy.per_email));
        let client = client.map(|c| (ThrottleKey::Client(c.to_owned()), self.policy.per_client));
        account.into_iter().chain(client)
    }

    fn retry_after_at(&self, email: &str, client: Option<&str>, now: Instant) -> Option<Duration> {
        let failures = self.lock();
        self.keys(email, client)
            .filter_map(|(key, limit)| {
                if limit.max_failures == 0 {
                    return None;
                }
                let times = failures.get(&key)?;
                let recent: Vec<&Instant> = times
                    .iter()
                    .filter(|t| now.duration_since(**t) < limit.window)
                    .collect();
                if recent.len() < limit.max_failures {
                    return None;
                }
                // Blocked until enough failures age out to drop below the limit.
                let unblocking = recent[recent.len() - limit.max_failures];
                Some(limit.window.saturating_sub(now.duration_since(*unblocking)))
            })
            .max()
    }

    fn record_failure_at(&self, email: &str, client: Option<&str>, now: Instant) {
        let mut failures = self.lock();
        for (key, limit) in self.keys(email, client) {
            let times = failures.entry(key).or_default();
            times.push_back(now);
            while times.len() > limit.max_failures {
                times.pop_front();
            }
        }
        if failures.len() > PRUNE_THRESHOLD {
            let longest = self
                .policy
                .per_email
                .window
                .max(self.policy.per_client.window);
            failures.retain(|_, times| {
                times
                    .back()
                    .is_some_and(|t| now.duration_since(*t) < longest)
            });
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<ThrottleKey, VecDeque<Instant>>> {
        // The map stays consistent even if a holder panicked; keep using it.
        self.failures
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
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
        if let Some(wait) = self.throttle.retry_after(&email, client) {
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
                self.throttle.record_success(&email, client);
                if needs_rehash {
                    self.upgrade_hash(&mut user, password).await;
                }
                Ok(user)
            }
            _ => {
                self.throttle.record_failure(&email, client);
                Err(Error::unauthorized(LOGIN_FAILED))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(max_email: usize, max_client: usize, window_secs: u64) -> ThrottlePolicy {
        let window = Duration::from_secs(window_secs);
        ThrottlePolicy {
            per_email: ThrottleLimit {
                max_failures: max_email,
                window,
            },
            per_client: ThrottleLimit {
                max_failures: max_client,
                window,
            },
        }
    }

    #[test]
    fn a_zero_limit_never_blocks() {
        let throttle = LoginThrottle::new(policy(0, 0, 60));
        let t0 = Instant::now();
        throttle.record_failure_at("a@b.co", Some("ip"), t0);
        assert_eq!(throttle.retry_after_at("a@b.co", Some("ip"), t0), None);
    }

    #[test]
    fn blocks_after_max_failures_until_the_window_passes() {
        let throttle = LoginThrottle::new(policy(3, 100, 60));
        let t0 = Instant::now();
        for i in 0..3 {
            assert_eq!(throttle.retry_after_at("a@b.co", None, t0), None);
            throttle.record_failure_at("a@b.co", None, t0 + Duration::from_secs(i * 10));
        }
        let now = t0 + Duration::from_secs(25);
        // The oldest failure (t0) ages out at t0 + 60.
        assert_eq!(
            throttle.retry_after_at("a@b.co", None, now),
            Some(Duration::from_secs(35))
        );
        assert_eq!(throttle.retry_after_at("other@b.co", None, now), None);
        assert_eq!(
            throttle.retry_after_at("a@b.co", None, t0 + Duration::from_secs(60)),
            None
        );
    }

    #[test]
    fn throttles_a_client_across_emails() {
        let throttle = LoginThrottle::new(policy(100, 2, 60));
        let t0 = Instant::now();
        throttle.record_failure_at("a@b.co", Some("10.0.0.1"), t0);
        throttle.record_failure_at("c@d.co", Some("10.0.0.1"), t0);
        assert!(throttle
            .retry_after_at("e@f.co", Some("10.0.0.1"), t0)
            .is_some());
        assert_eq!(
            throttle.retry_after_at("e@f.co", Some("10.0.0.2"), t0),
            None
        );
        assert_eq!(throttle.retry_after_at("e@f.co", None, t0), None);
    }

    #[test]
    fn success_clears_the_account_but_not_the_client() {
        let throttle = LoginThrottle::new(policy(2, 2, 60));
        let t0 = Instant::now();
        throttle.record_failure_at("a@b.co", Some("ip"), t0);
        throttle.record_failure_at("a@b.co", Some("ip"), t0);
        throttle.record_success("a@b.co", Some("ip"));
        assert_eq!(throttle.retry_after_at("a@b.co", None, t0), None);
        assert!(throttle.retry_after_at("a@b.co", Some("ip"), t0).is_some());
    }

    #[test]
    fn failures_from_one_address_do_not_lock_the_owner_out_elsewhere() {
        let throttle = LoginThrottle::new(policy(5, 20, 900));
        let t0 = Instant::now();
        for _ in 0..5 {
            throttle.record_failure_at("admin@b.co", Some("attacker"), t0);
        }
        assert!(throttle
            .retry_after_at("admin@b.co", Some("attacker"), t0)
            .is_some());
        assert_eq!(
            throttle.retry_after_at("admin@b.co", Some("office"), t0),
            None
        );
    }

    #[test]
    fn forgets_aged_out_keys_when_many_are_tracked() {
        let throttle = LoginThrottle::new(policy(5, 5, 60));
        let t0 = Instant::now();
        for i in 0..=PRUNE_THRESHOLD {
            throttle.record_failure_at(&format!("u{i}@b.co"), None, t0);
        }
        throttle.record_failure_at("late@b.co", None, t0 + Duration::from_secs(61));
        assert_eq!(throttle.lock().len(), 1);
    }
}
