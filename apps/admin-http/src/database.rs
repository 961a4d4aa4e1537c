//! The database an admin API runs on: connecting to it as the server does, and bringing its
//! schema up to date.

use sea_orm::{ConnectOptions, Database, DatabaseConnection};

use crate::StartError;

/// The database URL as it may be logged: any password replaced by `***`.
pub(crate) fn without_password(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// Connects to the database at `url` (`postgres://...` or `sqlite://path?mode=rwc`) as the
/// server does: the SQLite file's folder created when needed, one connection for SQLite, no
/// ping before each checkout, PostgreSQL sessions with
/// [`medusa_core::connect::POSTGRES_SESSION_SETTINGS`].
pub async fn connect(url: &str) -> Result<DatabaseConnection, StartError> {
    if let Some(path) = url.strip_prefix("sqlite://") {
        let path = path.split('?').next().unwrap_or(path);
        if let Some(parent) = std::path::Path::new(path).parent() {
            if !parent.as_os_str().is_empty() && path != ":memory:" {
                std::fs::create_dir_all(parent)?;
            }
        }
    }
    tracing::info!(database = %without_password(url), "connecting to the database");
    let mut options = ConnectOptions::new(url.to_owned());
    // An unreachable server is reported after 10 s, not after sqlx's silent 30.
    options.connect_timeout(std::time::Duration::from_secs(10));
    // No ping before each checkout: a page reads a dozen statements, each checking a
    // connection out, and the ping doubled their round trips. A connection that died is still
    // dropped by the pool when a statement on it fails.
    options
        .sqlx_logging(false)
        .max_connections(max_connections(url))
        .test_before_acquire(false);
    medusa_core::connect::with_session_settings(&mut options);
    Ok(Database::connect(options).await?)
}

/// SQLite gets one connection: two write transactions on two connections deadlock when both
/// have read and one upgrades its lock, and SQLite answers that at once with "database is
/// locked" (its busy timeout does not apply). SQLite runs one writer at a time anyway.
fn max_connections(url: &str) -> u32 {
    if url.starts_with("sqlite:") {
        1
    } else {
        32
    }
}

/// Brings the schema up to date for a server running with `flags`: this server's migrations,
/// then Medusa's migrations of the flags that are on.
pub async fn migrate(
    db: &DatabaseConnection,
    flags: medusa_core::FeatureFlags,
) -> Result<(), StartError> {
    medusa_migration::migrate(db).await?;
    if flags.is_enabled(medusa_core::Flag::TaxInclusivePricing) {
        medusa_migration::migrate_tax_inclusive_pricing(db).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn logged_urls_carry_no_password() {
        for (url, logged) in [
            (
                "postgres://medusa:s3cret@db:5432/shop",
                "postgres://medusa:***@db:5432/shop",
            ),
            ("postgres://medusa@db/shop", "postgres://medusa@db/shop"),
            ("sqlite://medusa.db?mode=rwc", "sqlite://medusa.db?mode=rwc"),
        ] {
            assert_eq!(super::without_password(url), logged);
        }
    }
}
