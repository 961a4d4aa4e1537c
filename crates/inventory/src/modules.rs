//! Whether the inventory and stock-location modules are on: a fact of the database, read
//! once (the tables' presence) and kept for the server's life.

use medusa_core::{Error, Result};
use sea_orm::DatabaseConnection;
use tokio::sync::OnceCell;

/// What Medusa says (in its log, with a 500) when a route needs the inventory module.
pub const INVENTORY_DISABLED: &str =
    "Inventory is not enabled. Please add an Inventory module to enable this functionality.";

/// What Medusa says when a route needs the stock-location module.
pub const STOCK_LOCATIONS_DISABLED: &str =
    "Stock Locations are not enabled. Please add a Stock Location module to enable this functionality.";

/// The modules' switch for one database. Cheap to clone; every clone shares the answer.
#[derive(Debug, Clone)]
pub struct Modules {
    db: DatabaseConnection,
    on: std::sync::Arc<OnceCell<bool>>,
}

impl Modules {
    /// Reads the database on first use: on when it has all five module tables.
    pub fn new(db: DatabaseConnection) -> Self {
        Self {
            db,
            on: std::sync::Arc::new(OnceCell::new()),
        }
    }

    /// A switch already decided (tests; an embedder that knows).
    pub fn fixed(db: DatabaseConnection, on: bool) -> Self {
        Self {
            db,
            on: std::sync::Arc::new(OnceCell::new_with(Some(on))),
        }
    }

    /// The connection the services share.
    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    /// Whether the modules' tables are there.
    pub async fn enabled(&self) -> Result<bool> {
        let on = self
            .on
            .get_or_try_init(|| async {
                medusa_migration::has_inventory_tables(&self.db)
                    .await
                    .map_err(Error::from)
            })
            .await?;
        Ok(*on)
    }

    /// `Ok` with the modules on; else the error Medusa's route guard raises (as a 404: the
    /// resource does not exist on this server).
    pub async fn require_inventory(&self) -> Result<()> {
        self.require(INVENTORY_DISABLED).await
    }

    /// As [`Modules::require_inventory`], for the stock-location routes.
    pub async fn require_stock_locations(&self) -> Result<()> {
        self.require(STOCK_LOCATIONS_DISABLED).await
    }

    async fn require(&self, message: &str) -> Result<()> {
        if self.enabled().await? {
            Ok(())
        } else {
            Err(Error::not_found(message))
        }
    }
}
