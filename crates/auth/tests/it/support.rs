//! Fresh databases for each test, migrated by `medusa-migration` as the server migrates them: an
//! in-memory SQLite one always, and a PostgreSQL one when `TEST_DATABASE_URL` names a server we
//! may create databases on.

use medusa_auth::{password::hash_password, PasswordPolicy};
use medusa_entity::user;
use sea_orm::{
    ActiveModelTrait, ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, Set,
};
use tokio::sync::OnceCell;

/// Cheap hashes keep the suite fast; the cost does not change any behaviour under test.
pub const POLICY: PasswordPolicy = PasswordPolicy { bcrypt_cost: 4 };

/// Medusa's own scrypt-kdf hash of "supersecret", as its seeded admin has.
pub const MEDUSA_SUPERSECRET: &str = "c2NyeXB0AAEAAAABAAAAARYRPwnkim/W5XsCV7qdqfFH3wwqKX7jhK6pFArNd22Ph17/exXbWaV45nx7/+aGLbrUfJfx1nduwlOXwBhosQgZxUpS0OsAJOFu8XlQge8M";

/// Runs each listed test function (an `async fn(DatabaseConnection)`) on SQLite and on
/// PostgreSQL.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                super::$name($crate::support::sqlite().await).await
            }

            #[tokio::test]
            async fn postgres() {
                if let Some(db) = $crate::support::postgres().await {
                    super::$name(db).await
                }
            }
        }
    )*};
}

pub async fn sqlite() -> DatabaseConnection {
    // One connection: every connection to `sqlite::memory:` would be its own database.
    let mut options = ConnectOptions::new("sqlite::memory:");
    options
        .max_connections(1)
        .min_connections(1)
        .sqlx_logging(false);
    let db = Database::connect(options).await.unwrap();
    medusa_migration::migrate(&db).await.unwrap();
    db
}

/// A new database on the `TEST_DATABASE_URL` server, cloned from a migrated template. `None`
/// (with a note) when no server is configured.
pub async fn postgres() -> Option<DatabaseConnection> {
    let Ok(server) = std::env::var("TEST_DATABASE_URL") else {
        eprintln!("TEST_DATABASE_URL is not set; skipping the PostgreSQL run");
        return None;
    };
    let template = TEMPLATE.get_or_init(|| create_template(&server)).await;
    let name = format!("auth_test_{}", ulid::Ulid::new().to_string().to_lowercase());
    let admin = Database::connect(&server).await.unwrap();
    admin
        .execute_unprepared(&format!(
            r#"CREATE DATABASE "{name}" TEMPLATE "{template}""#
        ))
        .await
        .unwrap();
    admin.close().await.unwrap();
    let mut options = ConnectOptions::new(database_url(&server, &name));
    options.max_connections(4).sqlx_logging(false);
    Some(Database::connect(options).await.unwrap())
}

static TEMPLATE: OnceCell<String> = OnceCell::const_new();

async fn create_template(server: &str) -> String {
    let name = format!("auth_tmpl_{}", ulid::Ulid::new().to_string().to_lowercase());
    let admin = Database::connect(server).await.unwrap();
    admin
        .execute_unprepared(&format!(r#"CREATE DATABASE "{name}""#))
        .await
        .unwrap();
    admin.close().await.unwrap();
    let db = Database::connect(database_url(server, &name))
        .await
        .unwrap();
    medusa_migration::migrate(&db).await.unwrap();
    // A template must have no open connections when it is copied.
    db.close().await.unwrap();
    name
}

fn database_url(server: &str, name: &str) -> String {
    let (base, query) = match server.split_once('?') {
        Some((base, query)) => (base, format!("?{query}")),
        None => (server, String::new()),
    };
    let base = base.rsplit_once('/').map_or(base, |(root, _)| root);
    format!("{base}/{name}{query}")
}

/// Inserts an admin user directly (no service) with the given password hash, if any.
pub async fn insert_user(
    db: &DatabaseConnection,
    email: &str,
    password_hash: Option<String>,
) -> user::Model {
    let now = medusa_core::time::now();
    user::ActiveModel {
        id: Set(medusa_core::generate_id("usr")),
        email: Set(email.to_owned()),
        first_name: Set(None),
        last_name: Set(None),
        password_hash: Set(password_hash),
        api_token: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        deleted_at: Set(None),
        metadata: Set(None),
        role: Set(Some(
            medusa_entity::sea_orm_active_enums::UserRoleEnum::Admin,
        )),
    }
    .insert(db)
    .await
    .unwrap()
}

pub fn bcrypt(password: &str) -> Option<String> {
    Some(hash_password(password, &POLICY).unwrap())
}

pub fn is_sqlite(db: &DatabaseConnection) -> bool {
    db.get_database_backend() == DbBackend::Sqlite
}
