//! The database schema: this crate owns every table's DDL and the reference rows Medusa's own
//! migrations insert.
//!
//! Five migrations, tracked by sea-orm-migration in its own `seaql_migrations` table:
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
//!
//! Medusa's feature-flagged migrations are not among them: Medusa runs each only while its flag
//! is on, so the server runs them at start when it is ([`migrate_tax_inclusive_pricing`]).
//!
//! The SQL files are regenerated with `tools/derive-postgres-sql.py` then
//! `tools/pg-to-sqlite.py`; the generated files are checked in and embedded at compile time.

mod admin_tables;
mod event_outbox;
mod feature_flags;
mod login_failures;
mod medusa_schema;
mod read_indexes;

use std::time::Instant;

use sea_orm::DatabaseConnection;
use sea_orm_migration::prelude::*;

pub use feature_flags::{migrate_tax_inclusive_pricing, TAX_INCLUSIVE_PRICING_MIGRATION};
pub use medusa_schema::MEDUSA_LAST_MIGRATION;
pub use read_indexes::READ_INDEXES;

/// Every migration of this server, in the order they apply.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(medusa_schema::MedusaSchema),
            Box::new(admin_tables::AdminTables),
            Box::new(event_outbox::EventOutboxTable),
            Box::new(read_indexes::ReadIndexes),
            Box::new(login_failures::LoginFailures),
        ]
    }
}

/// Applies every pending migration; a database already up to date is left alone.
///
/// On PostgreSQL all pending migrations run in one transaction, so a failure leaves the
/// schema as it was.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    let started = Instant::now();
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
