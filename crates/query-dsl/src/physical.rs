//! Row order for the reads Medusa runs without `ORDER BY`.
//!
//! PostgreSQL then returns rows in physical order, which on small, rarely rewritten tables is
//! the order they were inserted. Ordering by `ctid` (PostgreSQL) or `rowid` (SQLite) states
//! that order, so answers match Medusa's on the same database and stay deterministic on
//! SQLite, where an index would otherwise decide.

use sea_orm::sea_query::Expr;
use sea_orm::{DbBackend, Order, QueryOrder};

/// `query` in physical row order. For single-table queries: the column is not qualified.
pub fn in_insertion_order<Q: QueryOrder>(query: Q, backend: DbBackend) -> Q {
    match physical_column(backend) {
        Some(column) => query.order_by(Expr::cust(column), Order::Asc),
        None => query,
    }
}

/// `query` in the physical row order of `table`, for queries that join other tables.
pub fn in_insertion_order_of<Q: QueryOrder>(query: Q, backend: DbBackend, table: &str) -> Q {
    match physical_column(backend) {
        Some(column) => query.order_by(Expr::cust(format!("{table}.{column}")), Order::Asc),
        None => query,
    }
}

fn physical_column(backend: DbBackend) -> Option<&'static str> {
    match backend {
        DbBackend::Postgres => Some("ctid"),
        DbBackend::Sqlite => Some("rowid"),
        DbBackend::MySql => None,
    }
}

/// The expression giving the physical row order of `table` (a table or its alias in a
/// statement), for ordering by it after other keys; `None` where the backend has none.
pub fn insertion_key_of(backend: DbBackend, table: &str) -> Option<String> {
    physical_column(backend).map(|column| format!("\"{table}\".{column}"))
}
