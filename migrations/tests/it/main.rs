//! Integration tests of the migrations, each in an empty database of its own from
//! `medusa-test-support`: SQLite files, and PostgreSQL databases on the `TEST_DATABASE_URL`
//! server (run them with `scripts/with-postgres.sh cargo test -p medusa-migration`).

// A failed step should stop the test with its error; that is what unwrap says here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod admin;
mod catalog;
mod postgres;
mod sqlite;
mod support;
