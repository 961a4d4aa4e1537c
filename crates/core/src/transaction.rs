//! One write in one transaction: the step every service's write route repeats.

use sea_orm::{DatabaseConnection, DatabaseTransaction, TransactionTrait};

use crate::Result;

/// Runs `write` on a new transaction of `db` and commits it when `write` succeeds; on an
/// error the transaction is dropped, so nothing of it is kept.
pub async fn in_transaction<T>(
    db: &DatabaseConnection,
    write: impl AsyncFnOnce(&DatabaseTransaction) -> Result<T>,
) -> Result<T> {
    let txn = db.begin().await?;
    let written = write(&txn).await?;
    txn.commit().await?;
    Ok(written)
}
