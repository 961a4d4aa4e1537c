//! The switch that gives a database Medusa's inventory and stock-location modules
//! (`medusa-admin migrate --inventory`), recorded in this server's own
//! [`MODULE_VERSION_TABLE`], apart from the migrations every database gets.
//!
//! It creates the five module tables exactly as the modules' own migrations do
//! (`sql/*/inventory-modules.sql`), leaving any that exist alone. On PostgreSQL it also records
//! the modules' four migrations in Medusa's `migrations` table when that table lacks them, as
//! `medusa migrations run` with the modules would: Medusa started with the modules then sees
//! its schema complete instead of re-creating tables that exist.

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use sea_orm_migration::prelude::*;

/// The table recording the optional module migrations this server has run.
pub const MODULE_VERSION_TABLE: &str = "medusa_admin_module_migrations";

/// The tables the two modules own; a database holding all of them is served with inventory on.
pub const INVENTORY_TABLES: [&str; 5] = [
    "inventory_item",
    "inventory_level",
    "reservation_item",
    "stock_location",
    "stock_location_address",
];

/// The modules' migrations as Medusa records them (`name`, `timestamp`).
const MEDUSA_MODULE_MIGRATIONS: [(&str, i64); 4] = [
    ("inventorySetup1665748086258", 1665748086258),
    ("setup1665749860179", 1665749860179),
    ("addReservationType1675761451145", 1675761451145),
    ("itemDescriptionsAndThumbnail1682927363119", 1682927363119),
];

const POSTGRES_TABLES: &str = include_str!("../sql/postgres/inventory-modules.sql");
const SQLITE_TABLES: &str = include_str!("../sql/sqlite/inventory-modules.sql");

/// The optional module migrations (today only the inventory modules).
pub struct ModuleMigrator;

#[async_trait::async_trait]
impl MigratorTrait for ModuleMigrator {
    fn migration_table_name() -> DynIden {
        Alias::new(MODULE_VERSION_TABLE).into_iden()
    }

    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![Box::new(InventoryModules)]
    }
}

struct InventoryModules;

impl MigrationName for InventoryModules {
    fn name(&self) -> &str {
        "m0001_inventory_modules"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for InventoryModules {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                db.execute_unprepared(POSTGRES_TABLES).await?;
                if manager.has_table("migrations").await? {
                    record_medusa_migrations(db).await?;
                }
            }
            _ => {
                db.execute_unprepared(SQLITE_TABLES).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "the inventory tables are Medusa's; they are never dropped".to_owned(),
        ))
    }
}

async fn record_medusa_migrations<C: ConnectionTrait>(db: &C) -> Result<(), DbErr> {
    for (name, timestamp) in MEDUSA_MODULE_MIGRATIONS {
        db.execute(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "INSERT INTO migrations (\"timestamp\", name) SELECT $1, $2 \
             WHERE NOT EXISTS (SELECT 1 FROM migrations WHERE name = $2)",
            [timestamp.into(), name.into()],
        ))
        .await?;
    }
    Ok(())
}

/// Gives the database the inventory and stock-location modules' tables; a database that has
/// them (ours or Medusa's) is left as it is. Runs in one transaction on PostgreSQL.
pub async fn migrate_inventory(db: &DatabaseConnection) -> Result<(), DbErr> {
    let pending = ModuleMigrator::get_pending_migrations(db).await?;
    if pending.is_empty() {
        tracing::info!("the inventory modules' tables are in place");
        return Ok(());
    }
    ModuleMigrator::up(db, None).await?;
    tracing::info!("created the inventory modules' tables");
    Ok(())
}

/// Whether the database has every table of the inventory and stock-location modules (made by
/// [`migrate_inventory`] or by Medusa's own migrations with the modules).
pub async fn has_inventory_tables(db: &DatabaseConnection) -> Result<bool, DbErr> {
    let manager = SchemaManager::new(db);
    for table in INVENTORY_TABLES {
        if !manager.has_table(table).await? {
            return Ok(false);
        }
    }
    Ok(true)
}
