//! Service tests for medusa-store, on SQLite and, when `TEST_DATABASE_URL` is set, on
//! PostgreSQL too. The reference answers of the real Medusa 1.20.10 are in `../reference`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod currency;
mod reference;
mod seed;
mod store;
mod support;
