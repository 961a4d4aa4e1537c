//! Fresh migrated databases for each test, and a subscriber that records what it is handed.

use std::sync::Mutex;

use async_trait::async_trait;
use medusa_events::{OutboxEvent, Subscriber};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};

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

/// A new migrated database on the `TEST_DATABASE_URL` server; `None` when none is configured.
pub async fn postgres() -> Option<DatabaseConnection> {
    let Ok(server) = std::env::var("TEST_DATABASE_URL") else {
        eprintln!("TEST_DATABASE_URL is not set; skipping the PostgreSQL run");
        return None;
    };
    let name = format!(
        "events_test_{}",
        ulid::Ulid::new().to_string().to_lowercase()
    );
    let admin = Database::connect(&server).await.unwrap();
    admin
        .execute_unprepared(&format!(r#"CREATE DATABASE "{name}""#))
        .await
        .unwrap();
    admin.close().await.unwrap();
    let (base, query) = match server.split_once('?') {
        Some((base, query)) => (base, format!("?{query}")),
        None => (server.as_str(), String::new()),
    };
    let base = base.rsplit_once('/').map_or(base, |(root, _)| root);
    let mut options = ConnectOptions::new(format!("{base}/{name}{query}"));
    options.max_connections(8).sqlx_logging(false);
    let db = Database::connect(options).await.unwrap();
    medusa_migration::migrate(&db).await.unwrap();
    Some(db)
}

/// Remembers every event it handles; fails the first `failures` deliveries of events whose
/// resource is `failing_resource`.
pub struct Recorder {
    pub name: &'static str,
    pub wanted: &'static [&'static str],
    pub failing_resource: Option<&'static str>,
    pub failures: Mutex<u32>,
    pub handled: Mutex<Vec<OutboxEvent>>,
    pub delay: std::time::Duration,
}

impl Recorder {
    pub fn new(name: &'static str, wanted: &'static [&'static str]) -> Self {
        Self {
            name,
            wanted,
            failing_resource: None,
            failures: Mutex::new(0),
            handled: Mutex::new(Vec::new()),
            delay: std::time::Duration::ZERO,
        }
    }

    pub fn failing(mut self, resource: &'static str, times: u32) -> Self {
        self.failing_resource = Some(resource);
        self.failures = Mutex::new(times);
        self
    }

    pub fn handled_ids(&self) -> Vec<String> {
        self.handled
            .lock()
            .unwrap()
            .iter()
            .map(|event| event.id.clone())
            .collect()
    }

    pub fn handled_names(&self) -> Vec<String> {
        self.handled
            .lock()
            .unwrap()
            .iter()
            .map(|event| event.name.clone())
            .collect()
    }
}

#[async_trait]
impl Subscriber for Recorder {
    fn name(&self) -> &str {
        self.name
    }

    fn wants(&self, event: &str) -> bool {
        self.wanted.contains(&event)
    }

    async fn handle(&self, event: &OutboxEvent) -> medusa_core::Result<()> {
        if !self.delay.is_zero() {
            tokio::time::sleep(self.delay).await;
        }
        if event.resource_id.as_deref() == self.failing_resource {
            let mut failures = self.failures.lock().unwrap();
            if *failures > 0 {
                *failures -= 1;
                return Err(medusa_core::Error::UnexpectedState(format!(
                    "{} is down",
                    self.name
                )));
            }
        }
        self.handled.lock().unwrap().push(event.clone());
        Ok(())
    }
}
