//! What medusa-store's tests share beyond `medusa-test-support`.

use sea_orm::{DatabaseConnection, EntityTrait};

/// Rows in a table, for "nothing else changed" checks.
pub async fn count<E>(db: &DatabaseConnection) -> u64
where
    E: EntityTrait,
    E::Model: Sync,
{
    use sea_orm::PaginatorTrait;
    E::find().count(db).await.unwrap()
}
