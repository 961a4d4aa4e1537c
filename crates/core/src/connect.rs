//! How this server's connections talk to PostgreSQL: the session settings every pooled
//! connection starts with. The server and the test harness both apply them, so tests run the
//! plans the server runs.

use sea_orm::ConnectOptions;

/// Settings sent in every PostgreSQL connection's startup packet (no extra round trip).
///
/// - `plan_cache_mode = force_generic_plan`: every statement this server sends is prepared
///   once per connection and looked up by key or ordered by an index. With the default
///   (`auto`), PostgreSQL re-plans a statement with a bound key array (`= ANY($1)`) on every
///   execution whenever its generic plan's estimate (ten keys) costs more than one key's
///   custom plan; planning was then a third of PostgreSQL's time on an order page.
/// - `max_parallel_workers_per_gather = 0`: a generic plan does not know a page's `LIMIT`, and
///   starting parallel workers for one page of an API read costs more than it saves; the
///   server's concurrency comes from its many requests, not from one query's workers.
pub const POSTGRES_SESSION_SETTINGS: [(&str, &str); 2] = [
    ("plan_cache_mode", "force_generic_plan"),
    ("max_parallel_workers_per_gather", "0"),
];

/// `options` with [`POSTGRES_SESSION_SETTINGS`] for every PostgreSQL connection it opens
/// (other backends ignore them).
pub fn with_session_settings(options: &mut ConnectOptions) -> &mut ConnectOptions {
    options.map_sqlx_postgres_opts(|pg| pg.options(POSTGRES_SESSION_SETTINGS))
}
