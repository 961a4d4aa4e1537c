//! Throttling repeated login failures, counted in the database (`login_failure`) so that every
//! instance of the server on one database counts the same failures.
//!
//! Failures count against an account tried from one address, and against an address across
//! accounts; never against an account alone, which would let anyone lock its owner out
//! everywhere. A key is blocked while it has `max_failures` failures younger than `window`,
//! until the oldest of them ages out (a sliding window).

use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use medusa_core::{generate_id, time, Result};
use medusa_entity::login_failure;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

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

/// The login throttle: the policy, applied to the failures recorded in the database.
#[derive(Debug, Clone)]
pub struct LoginThrottle {
    policy: ThrottlePolicy,
}

impl LoginThrottle {
    pub fn new(policy: ThrottlePolicy) -> Self {
        Self { policy }
    }

    /// How long the caller must wait before trying again, if blocked.
    pub async fn retry_after(
        &self,
        db: &impl ConnectionTrait,
        email: &str,
        client: Option<&str>,
    ) -> Result<Option<Duration>> {
        let now = time::now();
        let mut longest = None;
        for (key, limit) in self.keys(email, client) {
            if limit.max_failures == 0 {
                continue;
            }
            let since = now - chrono::Duration::from_std(limit.window).unwrap_or_default();
            let newest_first: Vec<DateTime<FixedOffset>> = login_failure::Entity::find()
                .select_only()
                .column(login_failure::Column::FailedAt)
                .filter(login_failure::Column::ThrottleKey.eq(key))
                .filter(login_failure::Column::FailedAt.gt(since))
                .order_by_desc(login_failure::Column::FailedAt)
                .limit(limit.max_failures as u64)
                .into_tuple()
                .all(db)
                .await?;
            longest = longest.max(wait(&newest_first, limit, now));
        }
        Ok(longest)
    }

    pub async fn record_failure(
        &self,
        db: &impl ConnectionTrait,
        email: &str,
        client: Option<&str>,
    ) -> Result<()> {
        let now = time::now();
        let rows = self
            .keys(email, client)
            .map(|(key, _)| login_failure::ActiveModel {
                id: Set(generate_id("lgf")),
                throttle_key: Set(key),
                failed_at: Set(now),
            });
        login_failure::Entity::insert_many(rows).exec(db).await?;
        Ok(())
    }

    /// A successful login clears the account's failures from that address, not the
    /// address's: otherwise one valid account would let an address keep guessing at others.
    pub async fn record_success(
        &self,
        db: &impl ConnectionTrait,
        email: &str,
        client: Option<&str>,
    ) -> Result<()> {
        login_failure::Entity::delete_many()
            .filter(login_failure::Column::ThrottleKey.eq(account_key(email, client)))
            .exec(db)
            .await?;
        Ok(())
    }

    /// Removes failures too old to count under any limit (run hourly by the server).
    pub async fn purge(&self, db: &impl ConnectionTrait) -> Result<u64> {
        let longest = self
            .policy
            .per_email
            .window
            .max(self.policy.per_client.window);
        let before = time::now() - chrono::Duration::from_std(longest).unwrap_or_default();
        let deleted = login_failure::Entity::delete_many()
            .filter(login_failure::Column::FailedAt.lte(before))
            .exec(db)
            .await?;
        Ok(deleted.rows_affected)
    }

    fn keys(
        &self,
        email: &str,
        client: Option<&str>,
    ) -> impl Iterator<Item = (String, ThrottleLimit)> {
        let account = Some((account_key(email, client), self.policy.per_email));
        let client = client.map(|c| (format!("client {c}"), self.policy.per_client));
        account.into_iter().chain(client)
    }
}

fn account_key(email: &str, client: Option<&str>) -> String {
    format!("account {} {email}", client.unwrap_or_default())
}

/// How long a key with these recent failures (newest first, all within the window) stays
/// blocked: until enough of them age out to drop below the limit.
fn wait(
    newest_first: &[DateTime<FixedOffset>],
    limit: ThrottleLimit,
    now: DateTime<FixedOffset>,
) -> Option<Duration> {
    if limit.max_failures == 0 || newest_first.len() < limit.max_failures {
        return None;
    }
    let unblocking = newest_first[limit.max_failures - 1];
    let aged = (now - unblocking).to_std().unwrap_or_default();
    Some(limit.window.saturating_sub(aged))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_blocked_until_its_oldest_counted_failure_ages_out() {
        let t0 = time::now();
        let at = |secs: i64| t0 + chrono::Duration::seconds(secs);
        let limit = |max_failures| ThrottleLimit {
            max_failures,
            window: Duration::from_secs(60),
        };
        let cases: [(&[i64], usize, i64, Option<u64>); 5] = [
            (&[], 3, 0, None),
            (&[20, 10], 3, 25, None),
            // The oldest of the three (t0) ages out at t0 + 60.
            (&[20, 10, 0], 3, 25, Some(35)),
            // Only the newest `max_failures` count.
            (&[30, 20, 10, 0], 3, 30, Some(40)),
            (&[20, 10, 0], 0, 25, None),
        ];
        for (failures, max, now, expected) in cases {
            let newest_first: Vec<_> = failures.iter().map(|s| at(*s)).collect();
            assert_eq!(
                wait(&newest_first, limit(max), at(now)),
                expected.map(Duration::from_secs),
                "{failures:?} max {max} at {now}"
            );
        }
    }

    #[test]
    fn accounts_are_counted_per_address_and_addresses_across_accounts() {
        let throttle = LoginThrottle::new(ThrottlePolicy::default());
        let keys: Vec<String> = throttle
            .keys("a@b.co", Some("10.0.0.1"))
            .map(|(k, _)| k)
            .collect();
        assert_eq!(keys, ["account 10.0.0.1 a@b.co", "client 10.0.0.1"]);
        let keys: Vec<String> = throttle.keys("a@b.co", None).map(|(k, _)| k).collect();
        assert_eq!(keys, ["account  a@b.co"]);
    }
}
