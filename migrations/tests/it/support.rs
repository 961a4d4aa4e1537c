//! Fresh databases and the reference files the tests compare against.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A name no other test (or concurrent test run) uses.
fn unique_name(prefix: &str, tag: &str) -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!(
        "{prefix}_{tag}_{}_{}_{nanos}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Medusa 1.20's `pg_dump --schema-only`, kept in `fixtures/reference/` so a clone alone
/// checks parity.
pub fn reference_dump() -> String {
    let path = crate_dir().join("../fixtures/reference/medusa-1.20-schema.sql");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the reference schema {} is required for the parity tests: {e}",
            path.display()
        )
    })
}

/// One of this crate's SQL files, e.g. `sql/postgres/medusa-1.20-data.sql`.
pub fn crate_file(relative: &str) -> String {
    let path = crate_dir().join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The 75 `INSERT INTO public.migrations` statements of the data file, in order.
pub fn medusa_migration_rows() -> Vec<String> {
    let rows: Vec<String> = crate_file("sql/postgres/medusa-1.20-data.sql")
        .lines()
        .filter(|line| line.starts_with("INSERT INTO public.migrations "))
        .map(str::to_owned)
        .collect();
    assert_eq!(rows.len(), 75, "Medusa 1.20 records 75 migrations");
    rows
}

/// The names of the 100 tables Medusa's schema creates, from the PostgreSQL file.
pub fn medusa_table_names() -> Vec<String> {
    let names: Vec<String> = crate_file("sql/postgres/medusa-1.20.sql")
        .lines()
        .filter_map(|line| line.strip_prefix("CREATE TABLE public."))
        .map(|rest| rest.trim_end_matches(" (").trim_matches('"').to_owned())
        .collect();
    assert_eq!(names.len(), 100, "Medusa 1.20 has 100 tables");
    names
}

pub async fn connect(url: &str) -> DatabaseConnection {
    let mut options = ConnectOptions::new(url.to_owned());
    options.max_connections(2).sqlx_logging(false);
    Database::connect(options)
        .await
        .unwrap_or_else(|e| panic!("connecting to {url}: {e}"))
}

/// A PostgreSQL database created for one test on the `TEST_DATABASE_URL` server.
pub struct PgDatabase {
    pub name: String,
    pub url: String,
    admin_url: String,
}

impl PgDatabase {
    pub async fn create(tag: &str) -> Self {
        let admin_url = std::env::var("TEST_DATABASE_URL").expect(
            "TEST_DATABASE_URL must point at a PostgreSQL superuser connection; \
             run `scripts/with-postgres.sh cargo test -p medusa-migration`",
        );
        let name = unique_name("medusa_migration", tag);
        let admin = connect(&admin_url).await;
        admin
            .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
            .await
            .unwrap();
        admin.close().await.unwrap();
        let url = with_database(&admin_url, &name);
        Self {
            name,
            url,
            admin_url,
        }
    }

    /// Runs a SQL script on a connection of its own, so session settings the script makes
    /// (pg_dump's `search_path = ''`) cannot leak into later queries.
    pub async fn run_script(&self, sql: &str) {
        let mut options = ConnectOptions::new(self.url.clone());
        options.max_connections(1).sqlx_logging(false);
        let db = Database::connect(options).await.unwrap();
        db.execute_unprepared(sql).await.unwrap();
        db.close().await.unwrap();
    }

    pub async fn drop(self) {
        let admin = connect(&self.admin_url).await;
        admin
            .execute_unprepared(&format!(
                "DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)",
                self.name
            ))
            .await
            .unwrap();
        admin.close().await.unwrap();
    }
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

/// A fresh SQLite database file in the temporary directory, removed by `remove`.
pub struct SqliteFile {
    pub path: PathBuf,
    pub url: String,
}

impl SqliteFile {
    pub fn new(tag: &str) -> Self {
        let path =
            std::env::temp_dir().join(format!("{}.sqlite", unique_name("medusa_migration", tag)));
        let url = format!("sqlite://{}?mode=rwc", path.display());
        Self { path, url }
    }

    pub fn remove(self) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut path = self.path.clone().into_os_string();
            path.push(suffix);
            let _ = std::fs::remove_file(path);
        }
    }
}

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
