//! Exact row counts PostgreSQL keeps for large tables (`medusa_admin_row_count`, kept by the
//! triggers of the migration `m0008_row_counts`): read for an unfiltered list's `count`, and
//! compacted by the housekeeping.

use medusa_core::Result;
use sea_orm::sqlx::pool::PoolConnection;
use sea_orm::sqlx::postgres::Postgres;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};

use crate::reader::query_failed;

/// The count kept for `table`: `None` when the table is not counted (no row names it).
pub(crate) async fn kept(
    connection: &mut PoolConnection<Postgres>,
    table: &str,
) -> Result<Option<u64>> {
    let sum: Option<i64> = sea_orm::sqlx::query_scalar(
        "SELECT sum(delta)::bigint FROM medusa_admin_row_count WHERE table_name = $1",
    )
    .bind(table)
    .fetch_one(&mut **connection)
    .await
    .map_err(query_failed)?;
    // A sum below zero would mean a count gone wrong; the caller counts the rows instead.
    Ok(sum.and_then(|sum| u64::try_from(sum).ok()))
}

/// Folds each counted table's rows into one (their sum), in one statement: rows appended by
/// transactions still running are not visible to it, so they stay, and every count is
/// unchanged in every snapshot. Returns how many rows were folded away. Nothing on SQLite.
pub async fn compact(db: &DatabaseConnection) -> Result<u64> {
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(0);
    }
    let folded = db
        .query_one(Statement::from_string(
            DbBackend::Postgres,
            "WITH folded AS (DELETE FROM medusa_admin_row_count RETURNING table_name, delta), \
             summed AS (INSERT INTO medusa_admin_row_count (table_name, delta) \
                 SELECT table_name, sum(delta) FROM folded GROUP BY table_name RETURNING 1) \
             SELECT (SELECT count(*) FROM folded) - (SELECT count(*) FROM summed)",
        ))
        .await?
        .map(|row| row.try_get_by_index::<i64>(0))
        .transpose()?
        .unwrap_or(0);
    Ok(u64::try_from(folded).unwrap_or(0))
}
