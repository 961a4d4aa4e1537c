//! Tests of medusa-load's write idioms against real databases, on SQLite and on PostgreSQL.

// Tests may unwrap: a panic there is the failure report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod checks;
mod join_many;
mod joined;
mod links;
