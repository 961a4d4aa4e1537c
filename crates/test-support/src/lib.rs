//! What every crate's tests share, and nothing else: a fresh migrated database per test on
//! SQLite and on PostgreSQL ([`TestDb`]), [`on_both_backends!`] to run a test on each,
//! [`redact`] for comparing answers across runs and servers, and fixture [`builders`] that
//! insert rows with sensible defaults.
//!
//! Used only as a dev-dependency. It knows no HTTP: a test binary that needs more than a
//! connection (the admin app) wraps [`TestDb`] in its own [`Fixture`].
//!
//! PostgreSQL is not optional. Without `TEST_DATABASE_URL` every PostgreSQL run panics with
//! how to start one (`scripts/with-postgres.sh`), so a missing server can never look like a
//! passing suite.

// Test support: a failed step panics with its error, which is the test's failure report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

pub mod builders;
mod database;
mod fixture;
mod macros;
mod redact;

pub use database::{Backend, TestDb, MISSING_POSTGRES};
pub use fixture::{block_on, Fixture};
pub use redact::redact;
