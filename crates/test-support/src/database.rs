//! Fresh databases, one per test: SQLite files opened as the server opens them, and
//! PostgreSQL databases cloned from a template migrated once per test binary.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};
use tokio::sync::OnceCell;

/// The panic message of a PostgreSQL run without a server to run on.
pub const MISSING_POSTGRES: &str = "TEST_DATABASE_URL is not set, so this test cannot run on \
PostgreSQL. Every database test runs on SQLite and on PostgreSQL; run them with a throwaway \
server:\n\n    scripts/with-postgres.sh cargo test -p <crate>\n    scripts/test.sh            \
(the whole workspace)\n\nor set TEST_DATABASE_URL to a PostgreSQL server on which you may \
create databases, e.g. postgres://postgres@127.0.0.1:5432/postgres";

/// The two databases the server runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub const ALL: [Backend; 2] = [Backend::Sqlite, Backend::Postgres];

    /// `sqlite` or `postgres`, for assertion messages.
    pub fn label(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// A database made for one test, removed when dropped (the SQLite file, or the PostgreSQL
/// database).
pub struct TestDb {
    pub backend: Backend,
    pub db: DatabaseConnection,
    url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    SqliteFile(PathBuf),
    PostgresDatabase { server: String, name: String },
}

impl TestDb {
    /// A fresh database with the schema `medusa_migration::migrate` makes: Medusa's tables
    /// with their reference rows (currencies, countries) and ours.
    pub async fn new(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => {
                let test = Self::sqlite_file().await;
                medusa_migration::migrate(&test.db)
                    .await
                    .unwrap_or_else(|e| panic!("migrating {}: {e}", test.url));
                test
            }
            Backend::Postgres => {
                let template = postgres_template().await;
                Self::postgres_database(Some(template)).await
            }
        }
    }

    /// A fresh database with no tables at all, for tests that build their own schema or
    /// test the migrations themselves.
    pub async fn empty(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => Self::sqlite_file().await,
            Backend::Postgres => Self::postgres_database(None).await,
        }
    }

    /// A fresh migrated SQLite database.
    pub async fn sqlite() -> Self {
        Self::new(Backend::Sqlite).await
    }

    /// A fresh migrated PostgreSQL database; panics with [`MISSING_POSTGRES`] when
    /// `TEST_DATABASE_URL` is not set.
    pub async fn postgres() -> Self {
        Self::new(Backend::Postgres).await
    }

    /// A fresh migrated database on each backend, SQLite first, for tests that loop over
    /// both themselves.
    pub async fn both() -> Vec<Self> {
        vec![Self::sqlite().await, Self::postgres().await]
    }

    /// The connection URL, for a test that opens connections of its own.
    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn label(&self) -> &'static str {
        self.backend.label()
    }

    /// A new file in the temporary directory, opened as the server opens SQLite
    /// (`medusa_admin_http::server::connect`): one connection, since two write transactions
    /// on two connections deadlock; no ping before each checkout.
    async fn sqlite_file() -> Self {
        let path = std::env::temp_dir().join(format!("{}.db", unique_name("medusa_test")));
        let url = format!("sqlite://{}?mode=rwc", path.display());
        let mut options = ConnectOptions::new(url.clone());
        options
            .max_connections(1)
            .sqlx_logging(false)
            .test_before_acquire(false);
        let db = Database::connect(options)
            .await
            .unwrap_or_else(|e| panic!("opening {url}: {e}"));
        TestDb {
            backend: Backend::Sqlite,
            db,
            url,
            cleanup: Cleanup::SqliteFile(path),
        }
    }

    /// A new database on the `TEST_DATABASE_URL` server, a copy of `template` when given.
    async fn postgres_database(template: Option<&str>) -> Self {
        let server = server_url();
        let name = unique_name("medusa_test");
        let create = match template {
            Some(template) => format!(r#"CREATE DATABASE "{name}" TEMPLATE "{template}""#),
            None => format!(r#"CREATE DATABASE "{name}""#),
        };
        execute_on_server(&server, &create).await;
        let url = with_database(&server, &name);
        // sqlx's statement log stays on: it goes to `tracing`, where a test may count the
        // statements a request runs (admin-http's `statements_per_product_page_do_not_grow`).
        let mut options = ConnectOptions::new(url.clone());
        options.max_connections(10).test_before_acquire(false);
        // The server's session settings, so tests run the plans the server runs.
        medusa_core::connect::with_session_settings(&mut options);
        let db = Database::connect(options)
            .await
            .unwrap_or_else(|e| panic!("connecting to {url}: {e}"));
        TestDb {
            backend: Backend::Postgres,
            db,
            url,
            cleanup: Cleanup::PostgresDatabase { server, name },
        }
    }
}

impl std::ops::Deref for TestDb {
    type Target = DatabaseConnection;

    fn deref(&self) -> &DatabaseConnection {
        &self.db
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::SqliteFile(path) => {
                for suffix in ["", "-wal", "-shm", "-journal"] {
                    let mut file = path.clone().into_os_string();
                    file.push(suffix);
                    let _ = std::fs::remove_file(file);
                }
            }
            Cleanup::PostgresDatabase { server, name } => {
                // Drop runs inside the test's runtime, which cannot block on a future: the
                // database is dropped from a thread with a runtime of its own. FORCE ends
                // the connections the test still holds.
                let (server, sql) = (
                    server.clone(),
                    format!(r#"DROP DATABASE IF EXISTS "{name}" WITH (FORCE)"#),
                );
                let dropped = std::thread::spawn(move || {
                    crate::block_on(async move {
                        let admin = Database::connect(server.as_str()).await?;
                        admin.execute_unprepared(&sql).await?;
                        admin.close().await
                    })
                })
                .join();
                if let Ok(Err(e)) = dropped {
                    eprintln!("could not drop the test database {name}: {e}");
                }
            }
        }
    }
}

/// The `TEST_DATABASE_URL` server, or the loud failure.
fn server_url() -> String {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => url,
        _ => panic!("{MISSING_POSTGRES}"),
    }
}

/// The template every PostgreSQL test database of this test binary is copied from:
/// created and migrated by the first test that needs it.
async fn postgres_template() -> &'static str {
    static TEMPLATE: OnceCell<String> = OnceCell::const_new();
    TEMPLATE
        .get_or_init(|| async {
            let server = server_url();
            let name = unique_name("medusa_template");
            execute_on_server(&server, &format!(r#"CREATE DATABASE "{name}""#)).await;
            let url = with_database(&server, &name);
            let db = Database::connect(url.as_str())
                .await
                .unwrap_or_else(|e| panic!("connecting to {url}: {e}"));
            medusa_migration::migrate(&db)
                .await
                .unwrap_or_else(|e| panic!("migrating the template {name}: {e}"));
            // A template cannot be copied while anyone is connected to it.
            db.close().await.ok();
            name
        })
        .await
}

async fn execute_on_server(server: &str, sql: &str) {
    let admin = Database::connect(server)
        .await
        .unwrap_or_else(|e| panic!("connecting to TEST_DATABASE_URL ({server}): {e}"));
    admin
        .execute_unprepared(sql)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    admin.close().await.ok();
}

/// A name no other test of this run, nor a test binary running beside it, uses.
fn unique_name(prefix: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    format!(
        "{prefix}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// The same server URL with another database name.
fn with_database(url: &str, database: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let authority_end = base
        .find("://")
        .map(|scheme| scheme + 3)
        .and_then(|start| base[start..].find('/').map(|slash| start + slash))
        .unwrap_or(base.len());
    let mut out = format!("{}/{database}", &base[..authority_end]);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_database_replaces_only_the_database_name() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            with_database("postgres://u:p@h:1/db?sslmode=disable", "y"),
            "postgres://u:p@h:1/y?sslmode=disable"
        );
        assert_eq!(with_database("postgres://h", "z"), "postgres://h/z");
    }
}
