//! Fresh databases with the tables this crate touches.

use medusa_entity::{
    country, currency, fulfillment_provider, payment_provider, region,
    region_fulfillment_providers, region_payment_providers, sales_channel, store, store_currencies,
    tax_provider,
};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, EntityTrait, Schema};

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
/// points at a server; both with empty tables.
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
    create_tables(&db).await;
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
    create_tables(&db).await;
    TestDb {
        db,
        label: "postgres",
        postgres: Some((admin_url.to_owned(), name)),
    }
}

async fn create_tables(db: &DatabaseConnection) {
    let backend = db.get_database_backend();
    let schema = Schema::new(backend);
    macro_rules! create {
        ($($entity:path),* $(,)?) => {$(
            db.execute(backend.build(&schema.create_table_from_entity($entity))).await.unwrap();
        )*};
    }
    // Referenced tables first: the foreign keys are created with them.
    create!(
        currency::Entity,
        tax_provider::Entity,
        payment_provider::Entity,
        fulfillment_provider::Entity,
        sales_channel::Entity,
        store::Entity,
        store_currencies::Entity,
        region::Entity,
        country::Entity,
        region_payment_providers::Entity,
        region_fulfillment_providers::Entity,
    );
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
