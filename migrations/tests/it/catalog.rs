//! A comparable snapshot of a PostgreSQL database's `public` schema, read from the catalogs.

use std::collections::BTreeMap;
use std::fmt;

use sea_orm::{ConnectionTrait, DbBackend, Statement};

use crate::support::connect;

/// The tables this server adds beside Medusa's (ours and sea-orm-migration's).
pub const OUR_TABLES: [&str; 6] = [
    "admin_session",
    "secret_api_key",
    "event_outbox",
    "login_failure",
    "medusa_admin_migrations",
    "medusa_admin_row_count",
];

/// Every schema object as `"kind name" -> definition`.
#[derive(Debug, PartialEq, Eq)]
pub struct Snapshot(pub BTreeMap<String, String>);

impl Snapshot {
    /// Reads the snapshot on a fresh connection (with the server's default `search_path`),
    /// leaving out the tables named in `excluded` and everything attached to them.
    pub async fn read(url: &str, excluded: &[&str]) -> Self {
        let excluded = excluded
            .iter()
            .map(|t| format!("'{t}'"))
            .chain(std::iter::once("''".to_owned()))
            .collect::<Vec<_>>()
            .join(", ");
        let queries = [
            format!(
                "SELECT 'table ' || table_name, table_type FROM information_schema.tables \
                 WHERE table_schema = 'public' AND table_name NOT IN ({excluded})"
            ),
            format!(
                "SELECT 'column ' || table_name || '.' || column_name, \
                   'position=' || ordinal_position \
                   || ' data_type=' || data_type \
                   || ' udt=' || udt_name \
                   || ' nullable=' || is_nullable \
                   || ' default=' || coalesce(column_default, '-') \
                   || ' max_length=' || coalesce(character_maximum_length::text, '-') \
                   || ' precision=' || coalesce(numeric_precision::text, '-') \
                   || ' scale=' || coalesce(numeric_scale::text, '-') \
                 FROM information_schema.columns \
                 WHERE table_schema = 'public' AND table_name NOT IN ({excluded})"
            ),
            "SELECT 'enum ' || t.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) \
             FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid \
             JOIN pg_namespace n ON n.oid = t.typnamespace \
             WHERE n.nspname = 'public' GROUP BY t.typname"
                .to_owned(),
            format!(
                "SELECT 'index ' || indexname, indexdef FROM pg_indexes \
                 WHERE schemaname = 'public' AND tablename NOT IN ({excluded})"
            ),
            format!(
                "SELECT 'constraint ' || cl.relname || '.' || c.conname, \
                   c.contype::text || ' ' || pg_get_constraintdef(c.oid) \
                 FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid \
                 JOIN pg_namespace n ON n.oid = cl.relnamespace \
                 WHERE n.nspname = 'public' AND cl.relname NOT IN ({excluded})"
            ),
            "SELECT 'sequence ' || sequence_name, data_type || ' start=' || start_value \
               || ' min=' || minimum_value || ' max=' || maximum_value \
               || ' increment=' || increment || ' cycle=' || cycle_option \
             FROM information_schema.sequences WHERE sequence_schema = 'public'"
                .to_owned(),
            "SELECT 'extension ' || e.extname, e.extversion || ' in ' || n.nspname \
             FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
                .to_owned(),
        ];
        let db = connect(url).await;
        let mut objects = BTreeMap::new();
        for sql in queries {
            let rows = db
                .query_all(Statement::from_string(DbBackend::Postgres, sql.clone()))
                .await
                .unwrap_or_else(|e| panic!("{sql}: {e}"));
            for row in rows {
                let key: String = row.try_get_by_index(0).unwrap();
                let definition: String = row.try_get_by_index(1).unwrap();
                assert!(
                    objects.insert(key.clone(), definition).is_none(),
                    "duplicate catalog key {key}"
                );
            }
        }
        db.close().await.unwrap();
        Snapshot(objects)
    }

    /// The snapshot without the read-path indexes our migration adds to Medusa's tables,
    /// checked on their own by `read_indexes_are_added_beside_medusas`.
    pub fn without_read_indexes(mut self) -> Self {
        for name in medusa_migration::READ_INDEXES {
            self.0.remove(&format!("index {name}"));
        }
        self
    }

    /// The definitions of the read-path indexes present.
    pub fn read_indexes(&self) -> Vec<String> {
        medusa_migration::READ_INDEXES
            .iter()
            .filter_map(|name| self.0.get(&format!("index {name}")).cloned())
            .collect()
    }

    pub fn count(&self, kind: &str) -> usize {
        let prefix = format!("{kind} ");
        self.0.keys().filter(|k| k.starts_with(&prefix)).count()
    }

    /// The differences from `self` (labelled `left`) to `other` (labelled `right`).
    pub fn diff(&self, left: &str, other: &Snapshot, right: &str) -> Diff {
        let mut lines = Vec::new();
        for (key, definition) in &self.0 {
            match other.0.get(key) {
                None => lines.push(format!("only in {left}: {key} => {definition}")),
                Some(theirs) if theirs != definition => lines.push(format!(
                    "differs: {key}\n      {left}: {definition}\n      {right}: {theirs}"
                )),
                Some(_) => {}
            }
        }
        for (key, definition) in &other.0 {
            if !self.0.contains_key(key) {
                lines.push(format!("only in {right}: {key} => {definition}"));
            }
        }
        Diff { lines }
    }
}

pub struct Diff {
    lines: Vec<String>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

impl fmt::Display for Diff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} difference(s):", self.lines.len())?;
        for line in &self.lines {
            writeln!(f, "  {line}")?;
        }
        Ok(())
    }
}
