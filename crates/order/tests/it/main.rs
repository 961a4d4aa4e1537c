//! Service tests of medusa-order, each on SQLite and on PostgreSQL: the typed rows handed to
//! the totals seam, and the read's plan.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod plans;
mod rows;
mod totals_input;
