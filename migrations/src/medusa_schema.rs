//! Medusa 1.20's own schema: created from the embedded SQL files, or adopted as it is.

use std::time::Instant;

use sea_orm::{DbBackend, Statement, TransactionTrait};
use sea_orm_migration::prelude::*;

/// The last migration Medusa 1.20 records in its `migrations` table; a database holding it
/// has Medusa 1.20's complete schema.
pub const MEDUSA_LAST_MIGRATION: &str = "AlterCustomerUniqueConstraint1709888477798";

const POSTGRES_SCHEMA: &str = include_str!("../sql/postgres/medusa-1.20.sql");
const POSTGRES_DATA: &str = include_str!("../sql/postgres/medusa-1.20-data.sql");
const SQLITE_SCHEMA: &str = include_str!("../sql/sqlite/medusa-1.20.sql");
const SQLITE_DATA: &str = include_str!("../sql/sqlite/medusa-1.20-data.sql");

pub(crate) struct MedusaSchema;

impl MigrationName for MedusaSchema {
    fn name(&self) -> &str {
        "m0001_medusa_schema"
    }
}

/// What a PostgreSQL database holds of Medusa before this migration runs.
enum MedusaState {
    Absent,
    Complete { migrations: i64 },
    Incomplete { migrations: i64 },
}

#[async_trait::async_trait]
impl MigrationTrait for MedusaSchema {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DbBackend::Postgres => match medusa_state(db).await? {
                MedusaState::Absent => {
                    let started = Instant::now();
                    db.execute_unprepared(POSTGRES_SCHEMA).await?;
                    db.execute_unprepared(POSTGRES_DATA).await?;
                    tracing::info!(
                        elapsed_ms = started.elapsed().as_millis() as u64,
                        "created Medusa 1.20's schema, currencies and countries on PostgreSQL"
                    );
                    Ok(())
                }
                MedusaState::Complete { migrations } => {
                    tracing::info!(
                        medusa_migrations = migrations,
                        "adopted an existing Medusa 1.20 database; its schema is left untouched"
                    );
                    Ok(())
                }
                MedusaState::Incomplete { migrations } => Err(DbErr::Migration(format!(
                    "this database has Medusa's `migrations` table with {migrations} migrations, \
                     but not Medusa 1.20's last one ({MEDUSA_LAST_MIGRATION}). Run Medusa 1.20's \
                     own migrations first (`medusa migrations run`), then start this server again."
                ))),
            },
            DbBackend::Sqlite => {
                let started = Instant::now();
                // sea-orm-migration runs SQLite migrations outside a transaction; keep the
                // schema all-or-nothing so a failed start can simply be retried.
                let txn = db.begin().await?;
                txn.execute_unprepared(SQLITE_SCHEMA).await?;
                txn.execute_unprepared(SQLITE_DATA).await?;
                txn.commit().await?;
                tracing::info!(
                    elapsed_ms = started.elapsed().as_millis() as u64,
                    "created Medusa 1.20's schema, currencies and countries on SQLite"
                );
                Ok(())
            }
            DbBackend::MySql => Err(DbErr::Migration(
                "MySQL is not supported: use PostgreSQL or SQLite".to_owned(),
            )),
        }
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        // The schema may be an adopted Medusa database full of shop data; dropping it is a
        // decision for a person with a backup, not for a rollback command.
        Err(DbErr::Migration(
            "m0001_medusa_schema cannot be rolled back: it would drop Medusa's tables and data"
                .to_owned(),
        ))
    }
}

async fn medusa_state(db: &SchemaManagerConnection<'_>) -> Result<MedusaState, DbErr> {
    let has_migrations_table = db
        .query_one(Statement::from_string(
            DbBackend::Postgres,
            "SELECT EXISTS (SELECT 1 FROM information_schema.tables \
             WHERE table_schema = 'public' AND table_name = 'migrations') AS present",
        ))
        .await?
        .map(|row| row.try_get::<bool>("", "present"))
        .transpose()?
        .unwrap_or(false);
    if !has_migrations_table {
        return Ok(MedusaState::Absent);
    }
    let counts = db
        .query_one(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT count(*) AS migrations, count(*) FILTER (WHERE name = $1) AS last \
             FROM public.migrations",
            [MEDUSA_LAST_MIGRATION.into()],
        ))
        .await?
        .ok_or_else(|| {
            DbErr::Migration("counting Medusa's migrations returned no row".to_owned())
        })?;
    let migrations: i64 = counts.try_get("", "migrations")?;
    let last: i64 = counts.try_get("", "last")?;
    Ok(if last > 0 {
        MedusaState::Complete { migrations }
    } else {
        MedusaState::Incomplete { migrations }
    })
}
