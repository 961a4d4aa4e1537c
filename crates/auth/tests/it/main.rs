//! Service tests of medusa-auth against real databases (SQLite always, PostgreSQL with
//! Medusa's schema when `TEST_DATABASE_URL` is set).

// Tests may unwrap: a panic there is the failure report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

mod api_keys;
mod credentials;
mod invites;
mod login;
mod sessions;
mod users;
