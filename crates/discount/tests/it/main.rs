//! Integration tests of `medusa-discount` (one binary, as the house does): the services over
//! a fresh database per test, on SQLite and on PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod discounts;
mod gift_cards;

use medusa_query_dsl::{RawQuery, ResourceSpec, Selection};

/// The selection a route gives when the query names no `fields` or `expand`.
pub fn defaults(spec: &ResourceSpec) -> Selection {
    medusa_query_dsl::plan_retrieve(spec, &RawQuery::default()).unwrap()
}
