//! Service tests for medusa-store, each on SQLite and on PostgreSQL. The reference answers of the real Medusa 1.20.10 are in `../reference`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod currency;
mod reference;
mod seed;
mod store;
mod support;
