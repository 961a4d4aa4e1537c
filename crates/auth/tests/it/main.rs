//! Service tests of medusa-auth against real databases with Medusa's schema, each on SQLite
//! and on PostgreSQL.

// Tests may unwrap: a panic there is the failure report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

mod api_keys;
mod credentials;
mod invites;
mod login;
mod sessions;
mod users;
