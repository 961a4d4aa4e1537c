//! Integration tests of `medusa-cart` (one binary): the engine's `*_in` functions over a fresh
//! database per test, on SQLite and on PostgreSQL, and its pure formulas by tables of cases.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod formulas;
mod line_items;
