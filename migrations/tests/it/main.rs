//! Integration tests of the migrations. PostgreSQL tests read `TEST_DATABASE_URL` (run them
//! with `scripts/with-postgres.sh cargo test -p medusa-migration`) and create their own
//! databases; SQLite tests use fresh files in the temporary directory.

// A failed step should stop the test with its error; that is what unwrap says here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod admin;
mod catalog;
mod postgres;
mod sqlite;
mod support;
