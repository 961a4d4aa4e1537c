//! Fresh databases with the real schema: Medusa 1.20's tables and the currency and country
//! rows `medusa_migration::migrate` inserts.

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, EntityTrait};

/// A database for one test; [`TestDb::finish`] drops it when it was a PostgreSQL one.
pub struct TestDb {
    pub db: DatabaseConnection,
    pub label: &'static str,
    postgres: Option<(String, String)>,
}

impl TestDb {
    pub async fn finish(self) {
        self.db.close().await.unwrap();
        if let Some((admin_url, name)) = self.postgres {
            let admin = Database::connect(admin_url).await.unwrap();
            admin
                .execute_unprepared(&format!("DROP DATABASE \"{name}\" WITH (FORCE)"))
                .await
                .unwrap();
            admin.close().await.unwrap();
        }
    }
}

/// An in-memory SQLite database, plus a new PostgreSQL database when `TEST_DATABASE_URL`
/// points at a server; both migrated: they hold the currency and country rows, no store.
pub async fn databases() -> Vec<TestDb> {
    let mut all = vec![sqlite().await];
    if let Ok(url) = std::env::var("TEST_DATABASE_URL") {
        all.push(postgres(&url).await);
    }
    all
}

async fn sqlite() -> TestDb {
    // One connection: every connection to `:memory:` would open a database of its own.
    let mut options = ConnectOptions::new("sqlite::memory:");
    options
        .max_connections(1)
        .min_connections(1)
        .sqlx_logging(false);
    let db = Database::connect(options).await.unwrap();
    medusa_migration::migrate(&db).await.unwrap();
    TestDb {
        db,
        label: "sqlite",
        postgres: None,
    }
}

async fn postgres(admin_url: &str) -> TestDb {
    let name = medusa_core::generate_id("medusa_store_test").to_lowercase();
    let admin = Database::connect(admin_url).await.unwrap();
    admin
        .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
        .await
        .unwrap();
    admin.close().await.unwrap();
    let (base, query) = match admin_url.split_once('?') {
        Some((base, query)) => (base, format!("?{query}")),
        None => (admin_url, String::new()),
    };
    let server = &base[..base.rfind('/').unwrap()];
    let mut options = ConnectOptions::new(format!("{server}/{name}{query}"));
    options.max_connections(4).sqlx_logging(false);
    let db = Database::connect(options).await.unwrap();
    medusa_migration::migrate(&db).await.unwrap();
    TestDb {
        db,
        label: "postgres",
        postgres: Some((admin_url.to_owned(), name)),
    }
}

/// Rows in a table, for "nothing else changed" checks.
pub async fn count<E>(db: &DatabaseConnection) -> u64
where
    E: EntityTrait,
    E::Model: Sync,
{
    use sea_orm::PaginatorTrait;
    E::find().count(db).await.unwrap()
}
