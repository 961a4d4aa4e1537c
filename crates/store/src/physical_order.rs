//! Row order for queries Medusa runs without `ORDER BY`.
//!
//! Medusa reads a store's currencies, the provider lists and an unordered currency list
//! with no `ORDER BY`; PostgreSQL then returns rows in physical order, which for these small,
//! rarely updated tables is the order they were inserted. Ordering by `ctid` (PostgreSQL)
//! or `rowid` (SQLite) states that order explicitly, so our answers match Medusa's on the
//! same database and stay deterministic on SQLite, where an index would otherwise decide.

use sea_orm::sea_query::Expr;
use sea_orm::{ConnectionTrait, DbBackend, Order, QueryOrder};

/// `query` ordered by physical row position. Use on single-table queries only: the
/// column is not qualified.
pub(crate) fn in_insertion_order<Q: QueryOrder, C: ConnectionTrait>(query: Q, conn: &C) -> Q {
    match conn.get_database_backend() {
        DbBackend::Postgres => query.order_by(Expr::cust("ctid"), Order::Asc),
        DbBackend::Sqlite => query.order_by(Expr::cust("rowid"), Order::Asc),
        DbBackend::MySql => query,
    }
}
