//! The reference files the tests compare against, and connections of their own.

use std::path::PathBuf;

use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};

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

/// Runs a SQL script on a connection of its own, so session settings the script makes
/// (pg_dump's `search_path = ''`) cannot leak into later queries.
pub async fn run_script(url: &str, sql: &str) {
    let mut options = ConnectOptions::new(url.to_owned());
    options.max_connections(1).sqlx_logging(false);
    let db = Database::connect(options).await.unwrap();
    db.execute_unprepared(sql).await.unwrap();
    db.close().await.unwrap();
}
