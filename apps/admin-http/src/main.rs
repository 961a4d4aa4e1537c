//! `medusa-admin`: serve the admin API, migrate, create users, load a store description, import
//! and export CSV files in Medusa's formats.

use clap::{Parser, Subcommand};
use medusa_admin_http::{
    bootstrap,
    config::{DatabaseConfig, ServerConfig},
    server, AppState, Tuning,
};
use medusa_auth::{users::CreateUser, Email, UserRole};

// A page of products is some tens of thousands of short-lived allocations (decoded rows,
// their strings); mimalloc serves them markedly faster than glibc's malloc under load.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "medusa-admin",
    version,
    about = "A fast, drop-in Medusa 1.20 admin API"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

// Parsed once at start: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum Command {
    /// Migrate the database, then serve the admin API.
    Serve(ServerConfig),
    /// Create Medusa's schema, or adopt an existing Medusa database, and add this server's tables.
    Migrate {
        /// Also add the tables of Medusa's inventory and stock-location modules (the server then
        /// answers the inventory, stock-location and reservation routes). Idempotent; the
        /// database stays usable by Medusa started with those modules.
        #[arg(long)]
        inventory: bool,
        #[command(flatten)]
        config: DatabaseConfig,
    },
    /// Manage admin users.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Load a store description (like Medusa's seed.json); the demo store by default.
    Seed {
        /// The JSON file to load; the bundled demo store when omitted.
        file: Option<std::path::PathBuf>,
        #[command(flatten)]
        config: DatabaseConfig,
    },
    /// Import a CSV in Medusa's format (as the dashboard's import does), in one transaction.
    Import {
        #[arg(value_parser = ["products"])]
        what: String,
        file: std::path::PathBuf,
        #[command(flatten)]
        config: DatabaseConfig,
    },
    /// Export to a CSV in Medusa's format (as the dashboard's export does).
    Export {
        #[arg(value_parser = ["products", "orders"])]
        what: String,
        file: std::path::PathBuf,
        #[command(flatten)]
        config: DatabaseConfig,
    },
}

/// Progress on standard error when it is a terminal: `label done/total`, rewritten in place.
fn progress(label: &'static str) -> impl Fn(u64, u64) {
    use std::io::{IsTerminal, Write};
    let terminal = std::io::stderr().is_terminal();
    move |done, total| {
        if terminal {
            let mut err = std::io::stderr();
            let _ = write!(err, "\r{label} {done}/{total}");
            if done >= total {
                let _ = writeln!(err);
            }
            let _ = err.flush();
        }
    }
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create a user.
    Create {
        #[arg(long)]
        email: String,
        /// The password; when omitted it is read from `MEDUSA_ADMIN_PASSWORD`, or else from the
        /// first line of standard input (so it stays out of the shell history).
        #[arg(long)]
        password: Option<String>,
        #[arg(long, value_parser = ["admin", "member", "developer"], default_value = "admin")]
        role: String,
        #[command(flatten)]
        config: DatabaseConfig,
    },
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    init_logs();
    match run(Cli::parse()).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!("{}", describe(&err));
            std::process::ExitCode::FAILURE
        }
    }
}

/// An error's causes once each: sqlx and sea-orm repeat their cause inside their own message
/// ("unable to open database file: unable to open database file: ..."), which says nothing
/// more the second time. A database that cannot be reached gets a hint.
fn describe(err: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        for part in cause.to_string().split(": ") {
            let part = part.trim();
            let said = parts.iter().any(|p| p.contains(part));
            if !part.is_empty() && !said {
                parts.push(part.to_owned());
            }
        }
    }
    let text = parts.join(": ");
    let unreachable = [
        "unable to open database file",
        "Connection refused",
        "pool timed out",
        "password authentication failed",
    ];
    match unreachable.iter().find(|needle| text.contains(*needle)) {
        Some(_) => format!("{text} (check DATABASE_URL: for SQLite e.g. sqlite://medusa.db?mode=rwc, for PostgreSQL postgres://user:password@host:5432/db)"),
        None => text,
    }
}

/// Logs for people (colour only on a terminal) or, with `LOG_FORMAT=json`, for machines: one
/// JSON object a line. `RUST_LOG` filters (default `info`, PostgreSQL notices such as "relation
/// already exists, skipping" at `warn`; `/health` requests log at debug).
fn init_logs() {
    use std::io::IsTerminal;
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx::postgres::notice=warn"));
    let logs = tracing_subscriber::fmt().with_env_filter(filter);
    match std::env::var("LOG_FORMAT").as_deref() {
        Ok("json") => logs.json().flatten_event(true).init(),
        _ => logs.with_ansi(std::io::stdout().is_terminal()).init(),
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(config) => server::serve(config).await,
        Command::Migrate { inventory, config } => {
            let db = server::connect(&config).await?;
            medusa_admin_http::database::migrate(&db, medusa_core::FeatureFlags::from_env())
                .await?;
            if inventory {
                medusa_migration::migrate_inventory(&db).await?;
            }
            tracing::info!("database is migrated");
            Ok(())
        }
        Command::User {
            command:
                UserCommand::Create {
                    email,
                    password,
                    role,
                    config,
                },
        } => {
            let password = match password {
                Some(password) => password,
                None => password_from_env_or_stdin()?,
            };
            let (state, _db) = open(&config).await?;
            let role = UserRole::parse_field(&role, "role")?;
            let user = state
                .users
                .create(CreateUser {
                    email: Email::parse(&email)?,
                    password,
                    first_name: None,
                    last_name: None,
                    role: Some(role),
                })
                .await?;
            tracing::info!("created user {} ({})", user.email, user.id);
            Ok(())
        }
        Command::Seed { file, config } => {
            let (state, db) = open(&config).await?;
            let text = match file {
                Some(path) => std::fs::read_to_string(&path)
                    .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?,
                None => bootstrap::DEMO_STORE.to_owned(),
            };
            state.store.ensure_store().await?;
            Ok(bootstrap::load_seed(&state, &db, &text).await?)
        }
        Command::Import { file, config, .. } => {
            let (state, db) = open(&config).await?;
            let ops = medusa_batch::direct::import_products(
                &db,
                &file,
                state.flags,
                progress("operations"),
            )
            .await?;
            tracing::info!(
                products_created = ops.product_create,
                products_updated = ops.product_update,
                variants_created = ops.variant_create,
                variants_updated = ops.variant_update,
                "imported {}",
                file.display()
            );
            Ok(())
        }
        Command::Export { what, file, config } if what == "orders" => {
            let (state, db) = open(&config).await?;
            let (orders, bytes) =
                medusa_batch::direct::export_orders(&db, &file, state.flags, progress("orders"))
                    .await?;
            tracing::info!(orders, bytes, "exported to {}", file.display());
            Ok(())
        }
        Command::Export { file, config, .. } => {
            let (state, db) = open(&config).await?;
            let specs = medusa_product::ProductSpecs::for_flags(state.flags);
            let (products, bytes) = medusa_batch::direct::export_products(
                &db,
                &file,
                state.flags,
                specs,
                progress("products"),
            )
            .await?;
            tracing::info!(products, bytes, "exported to {}", file.display());
            Ok(())
        }
    }
}

/// A migrated database and the services over it, for the one-shot commands.
fn password_from_env_or_stdin() -> anyhow::Result<String> {
    if let Ok(password) = std::env::var("MEDUSA_ADMIN_PASSWORD") {
        return Ok(password);
    }
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    anyhow::ensure!(
        !password.is_empty(),
        "no password: pass --password, set MEDUSA_ADMIN_PASSWORD or write it on standard input"
    );
    Ok(password)
}

/// The services for a one-off command (`user create`, `seed`). Such a command signs no token
/// and no cookie, so its signing keys are random ones nobody else knows: nothing it could sign
/// would be accepted by a server.
async fn open(config: &DatabaseConfig) -> anyhow::Result<(AppState, sea_orm::DatabaseConnection)> {
    let secrets = medusa_admin_http::Secrets {
        jwt_secret: medusa_core::generate_id("unused"),
        cookie_secret: medusa_core::generate_id("unused"),
        cookie_secure: false,
    };
    let db = server::connect(config).await?;
    let flags = medusa_core::FeatureFlags::from_env();
    medusa_admin_http::database::migrate(&db, flags).await?;
    Ok((
        AppState::with_flags(db.clone(), secrets, Tuning::default(), flags),
        db,
    ))
}
