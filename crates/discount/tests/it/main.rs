//! Service-level tests of medusa-discount, each run on SQLite and on PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]
