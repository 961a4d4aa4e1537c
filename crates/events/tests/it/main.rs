//! Tests of medusa-events against real databases (SQLite always, PostgreSQL when
//! `TEST_DATABASE_URL` is set).

// Tests may unwrap: a panic there is the failure report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

mod dispatcher;
mod outbox;
