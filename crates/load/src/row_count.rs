//! Exact row counts PostgreSQL keeps for large tables (`medusa_admin_row_count`, kept by the
//! triggers of the migration `m0008_row_counts`): read for an unfiltered list's `count`, and
//! kept small and right by [`maintain`], which the server runs every minute.

use medusa_core::{Error, Result};
use sea_orm::sqlx::pool::PoolConnection;
use sea_orm::sqlx::postgres::Postgres;
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, Statement,
    TransactionTrait,
};

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

/// What one [`maintain`] did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Maintained {
    /// Rows folded away: each counted table is left with one.
    pub folded: u64,
    /// Tables whose kept count differed from their rows and was set right: their rows were
    /// written with the triggers off (a replica applying changes, a data-only restore).
    pub corrected: Vec<String>,
}

/// Folds each counted table's rows into one (their sum), then sets right any count that
/// differs from its table's rows. Each is one statement, so it sees one snapshot: rows that
/// transactions still running append are not visible to it and stay, and every count stays
/// exact in every snapshot. One instance at a time (an advisory lock), so two servers on one
/// database never both correct the same difference. Nothing on SQLite.
pub async fn maintain(db: &DatabaseConnection) -> Result<Maintained> {
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(Maintained::default());
    }
    let txn = db.begin().await?;
    txn.execute(Statement::from_string(
        DbBackend::Postgres,
        "SELECT pg_advisory_xact_lock(hashtext('medusa_admin_row_count'))",
    ))
    .await?;
    let folded = count(
        &txn,
        "WITH folded AS (DELETE FROM medusa_admin_row_count RETURNING table_name, delta), \
         summed AS (INSERT INTO medusa_admin_row_count (table_name, delta) \
             SELECT table_name, sum(delta) FROM folded GROUP BY table_name RETURNING 1) \
         SELECT (SELECT count(*) FROM folded) - (SELECT count(*) FROM summed)",
    )
    .await?;
    let tables = txn
        .query_all(Statement::from_string(
            DbBackend::Postgres,
            "SELECT DISTINCT table_name FROM medusa_admin_row_count ORDER BY table_name",
        ))
        .await?;
    let mut corrected = Vec::new();
    for row in tables {
        let table: String = row.try_get_by_index(0)?;
        if correct(&txn, &table).await? {
            corrected.push(table);
        }
    }
    txn.commit().await?;
    Ok(Maintained {
        folded: u64::try_from(folded).unwrap_or(0),
        corrected,
    })
}

/// Appends the difference between `table`'s rows and its kept count, when there is one.
async fn correct(txn: &DatabaseTransaction, table: &str) -> Result<bool> {
    // The name comes from our own table; only a plain identifier becomes SQL.
    if table.is_empty() || !table.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
        return Err(Error::UnexpectedState(format!(
            "medusa_admin_row_count names an unexpected table: {table}"
        )));
    }
    let appended = txn
        .execute(Statement::from_sql_and_values(
            DbBackend::Postgres,
            format!(
                "INSERT INTO medusa_admin_row_count (table_name, delta) \
                 SELECT $1, difference FROM (SELECT (SELECT count(*) FROM \"{table}\") \
                 - (SELECT sum(delta) FROM medusa_admin_row_count WHERE table_name = $1) \
                 AS difference) AS drift WHERE difference <> 0"
            ),
            [table.into()],
        ))
        .await?;
    Ok(appended.rows_affected() > 0)
}

async fn count(txn: &DatabaseTransaction, sql: &str) -> Result<i64> {
    let row = txn
        .query_one(Statement::from_string(DbBackend::Postgres, sql))
        .await?
        .ok_or_else(|| Error::UnexpectedState(format!("no row from {sql}")))?;
    Ok(row.try_get_by_index(0)?)
}
