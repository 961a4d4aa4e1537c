//! The database schema: this crate owns every table's DDL and the reference rows Medusa's own
//! migrations insert.
//!
//! Eight migrations, recorded in this server's own version table, [`VERSION_TABLE`]
//! (`medusa_admin_migrations`), so that a host application embedding the crates keeps
//! sea-orm's default `seaql_migrations` for its own migrations. Databases migrated before the
//! table had its own name get their rows moved over on the next migrate
//! ([`migrate`]); any other rows of `seaql_migrations` are left to their owner.
//!
//! 1. `m0001_medusa_schema` gives the database Medusa 1.20's schema.
//!    - PostgreSQL without Medusa's `migrations` table: runs `sql/postgres/medusa-1.20.sql`
//!      (Medusa's `pg_dump --schema-only`, minus session settings and comments) and
//!      `sql/postgres/medusa-1.20-data.sql` (currencies, countries, and Medusa's 75
//!      `migrations` rows, so Medusa itself sees the database as migrated).
//!    - PostgreSQL with a complete Medusa 1.20 `migrations` table: adopts the database and
//!      touches none of Medusa's objects. With an incomplete one it fails, asking the operator
//!      to finish Medusa's own migrations first.
//!    - SQLite: runs `sql/sqlite/*.sql`, generated from the PostgreSQL files by
//!      `tools/pg-to-sqlite.py`, whose documentation lists how each PostgreSQL feature maps.
//! 2. `m0002_admin_tables` adds this server's own tables (`admin_session`, `secret_api_key`),
//!    on every backend and on adopted databases alike.
//! 3. `m0003_event_outbox` adds `event_outbox`, the domain events' transactional outbox, likewise.
//! 4. `m0004_read_indexes` adds two indexes to Medusa's tables that the admin read paths need
//!    and Medusa's schema lacks ([`READ_INDEXES`]); Medusa ignores them.
//! 5. `m0005_login_failures` adds `login_failure`, the login throttle's counts, shared by every
//!    instance on the database.
//! 6. `m0006_order_read_index` adds the order list's index to Medusa's `order` table (one of
//!    [`READ_INDEXES`]).
//! 7. `m0007_image_url_index` adds an index on live images' URLs, which the product import
//!    looks up (one of [`READ_INDEXES`]).
//! 8. `m0008_row_counts` (PostgreSQL) adds `medusa_admin_row_count` and the triggers that keep
//!    exact row counts of [`COUNTED_TABLES`] in it, for unfiltered lists' `count`.
//!
//! The inventory and stock-location modules' tables are not among them either: a database gets
//! them only when asked (`medusa-admin migrate --inventory`, [`migrate_inventory`]), recorded
//! in [`MODULE_VERSION_TABLE`].
//!
//! Medusa's feature-flagged migrations are not among them: Medusa runs each only while its flag
//! is on, so the server runs them at start when it is ([`migrate_tax_inclusive_pricing`]).
//!
//! The SQL files are regenerated with `tools/derive-postgres-sql.py` then
//! `tools/pg-to-sqlite.py`; the generated files are checked in and embedded at compile time.

mod admin_tables;
mod event_outbox;
mod feature_flags;
mod inventory_modules;
mod login_failures;
mod medusa_schema;
mod read_indexes;
mod row_counts;

use std::time::Instant;

use sea_orm::{ConnectionTrait, DatabaseConnection, Statement, TransactionTrait};
use sea_orm_migration::prelude::*;

pub use feature_flags::{migrate_tax_inclusive_pricing, TAX_INCLUSIVE_PRICING_MIGRATION};
pub use inventory_modules::{
    has_inventory_tables, migrate_inventory, ModuleMigrator, INVENTORY_TABLES, MODULE_VERSION_TABLE,
};
pub use medusa_schema::MEDUSA_LAST_MIGRATION;
pub use read_indexes::READ_INDEXES;
pub use row_counts::COUNTED_TABLES;

/// The table recording which of this server's migrations have run.
pub const VERSION_TABLE: &str = "medusa_admin_migrations";

/// Where sea-orm-migration records migrations by default, and where this server recorded its
/// own before [`VERSION_TABLE`].
const SHARED_VERSION_TABLE: &str = "seaql_migrations";

/// Every migration of this server, in the order they apply.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migration_table_name() -> DynIden {
        Alias::new(VERSION_TABLE).into_iden()
    }

    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(medusa_schema::MedusaSchema),
            Box::new(admin_tables::AdminTables),
            Box::new(event_outbox::EventOutboxTable),
            Box::new(read_indexes::ReadIndexes),
            Box::new(login_failures::LoginFailures),
            Box::new(read_indexes::OrderReadIndex),
            Box::new(read_indexes::ImageUrlIndex),
            Box::new(row_counts::RowCounts),
        ]
    }
}

/// Applies every pending migration; a database already up to date is left alone.
///
/// On PostgreSQL all pending migrations run in one transaction, so a failure leaves the
/// schema as it was.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    let started = Instant::now();
    move_rows_from_shared_version_table(db).await?;
    let pending: Vec<String> = Migrator::get_pending_migrations(db)
        .await?
        .iter()
        .map(|migration| migration.name().to_owned())
        .collect();
    if pending.is_empty() {
        tracing::info!("database schema is up to date");
        return Ok(());
    }
    tracing::info!(migrations = ?pending, "applying pending migrations");
    Migrator::up(db, None).await?;
    tracing::info!(
        migrations = ?pending,
        elapsed_ms = started.elapsed().as_millis() as u64,
        "database schema migrated"
    );
    Ok(())
}

/// Moves this server's rows out of `seaql_migrations` (where it recorded them before it had
/// its own table) into [`VERSION_TABLE`], in one transaction; the shared table is dropped when
/// nothing else is left in it. A database without those rows is left alone.
async fn move_rows_from_shared_version_table(db: &DatabaseConnection) -> Result<(), DbErr> {
    let manager = SchemaManager::new(db);
    if !manager.has_table(SHARED_VERSION_TABLE).await? {
        return Ok(());
    }
    let ours: Vec<String> = Migrator::migrations()
        .iter()
        .map(|migration| format!("'{}'", migration.name()))
        .collect();
    let ours = ours.join(", ");
    let backend = db.get_database_backend();
    let count = |sql: String| async move {
        let row = db.query_one(Statement::from_string(backend, sql)).await?;
        Ok::<i64, DbErr>(
            row.map(|r| r.try_get_by_index::<i64>(0))
                .transpose()?
                .unwrap_or(0),
        )
    };
    let found = count(format!(
        "SELECT count(*) FROM {SHARED_VERSION_TABLE} WHERE version IN ({ours})"
    ))
    .await?;
    if found == 0 {
        return Ok(());
    }
    Migrator::install(db).await?;
    let txn = db.begin().await?;
    for sql in [
        format!(
            "INSERT INTO {VERSION_TABLE} (version, applied_at) SELECT version, applied_at \
             FROM {SHARED_VERSION_TABLE} WHERE version IN ({ours}) \
             AND version NOT IN (SELECT version FROM {VERSION_TABLE})"
        ),
        format!("DELETE FROM {SHARED_VERSION_TABLE} WHERE version IN ({ours})"),
    ] {
        txn.execute(Statement::from_string(backend, sql)).await?;
    }
    txn.commit().await?;
    let left = count(format!("SELECT count(*) FROM {SHARED_VERSION_TABLE}")).await?;
    if left == 0 {
        manager
            .drop_table(
                Table::drop()
                    .table(Alias::new(SHARED_VERSION_TABLE))
                    .to_owned(),
            )
            .await?;
    }
    tracing::info!(
        moved = found,
        "this server's migration records moved from {SHARED_VERSION_TABLE} to {VERSION_TABLE}"
    );
    Ok(())
}
