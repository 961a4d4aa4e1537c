//! What happens once at start: the store singleton and providers exist, and a database with
//! no admin gets one (from `MEDUSA_ADMIN_EMAIL`/`MEDUSA_ADMIN_PASSWORD`, or, on the demo
//! database only, the demo store with its demo login).

use medusa_auth::{users::CreateUser, Email, UserRole};
use medusa_store::seed;
use sea_orm::DatabaseConnection;

use crate::{config::ServerConfig, state::AppState};

/// The demo store description loaded on first run of the demo database.
pub const DEMO_STORE: &str = include_str!("../../../fixtures/demo-store.json");

/// The demo login, created only on the demo database (never on one named by `DATABASE_URL`).
pub const DEMO_ADMIN_EMAIL: &str = "admin@medusa-test.com";
pub const DEMO_ADMIN_PASSWORD: &str = "supersecret";

pub async fn boot(
    state: &AppState,
    db: &DatabaseConnection,
    config: &ServerConfig,
) -> anyhow::Result<()> {
    state.store.ensure_store().await?;
    state.shipping_profiles.ensure_default_profiles().await?;
    // As Medusa's boot: the loaded providers are recorded as installed; the built-in `system`
    // payment provider is not recorded.
    state
        .store
        .register_providers(
            &state.providers.installed_payment_ids(),
            &state.providers.fulfillment_ids(),
        )
        .await?;
    if state.users.count().await? > 0 {
        return Ok(());
    }
    match (&config.admin_email, &config.admin_password) {
        (Some(email), Some(password)) => {
            create_admin(state, email, password).await?;
            tracing::info!("created the first admin, {email}, from MEDUSA_ADMIN_EMAIL");
        }
        _ if config.database.is_demo() => {
            load_seed(state, db, DEMO_STORE).await?;
            create_admin(state, DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD).await?;
            tracing::info!(
                "demo store ready: log in as {DEMO_ADMIN_EMAIL} / {DEMO_ADMIN_PASSWORD} \
                 (POST /admin/auth) on http://{}:{}",
                config.host,
                config.port
            );
        }
        _ => tracing::warn!(
            "no admin user exists: create one with `medusa-admin user create --email <email> \
             --password <password>`, or start with MEDUSA_ADMIN_EMAIL and MEDUSA_ADMIN_PASSWORD set"
        ),
    }
    Ok(())
}

async fn create_admin(state: &AppState, email: &str, password: &str) -> anyhow::Result<()> {
    state
        .users
        .create(CreateUser {
            email: Email::parse(email)?,
            password: password.to_owned(),
            first_name: None,
            last_name: None,
            role: Some(UserRole::Admin),
        })
        .await?;
    Ok(())
}

/// Loads a store description: store settings and regions through the store crate, users
/// through the user service (existing emails are left alone).
pub async fn load_seed(
    state: &AppState,
    db: &DatabaseConnection,
    text: &str,
) -> anyhow::Result<()> {
    let file = seed::parse(text)?;
    let report = seed::apply_store_seed(db, &file).await?;
    tracing::info!(?report, "store description applied");
    for user in &file.users {
        let created = state
            .users
            .create(CreateUser {
                email: Email::parse(&user.email)?,
                password: user.password.clone(),
                first_name: user.first_name.clone(),
                last_name: user.last_name.clone(),
                role: user.role.clone().map(UserRole::from),
            })
            .await;
        match created {
            Ok(user) => tracing::info!("seeded user {}", user.email),
            Err(medusa_core::Error::InvalidData(message)) => {
                tracing::info!("user {} not seeded: {message}", user.email)
            }
            Err(err) => return Err(err.into()),
        }
    }
    Ok(())
}
