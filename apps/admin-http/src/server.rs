//! Running the server: database connection, boot tasks, the actix server and its logs.

use actix_web::HttpServer;
use sea_orm::DatabaseConnection;

use crate::database::migrate;
use crate::{
    app, bootstrap,
    config::{DatabaseConfig, ServerConfig},
    AppState, Tuning,
};

/// Connects to the configured database (see [`crate::database::connect`]).
pub async fn connect(config: &DatabaseConfig) -> anyhow::Result<DatabaseConnection> {
    Ok(crate::database::connect(&config.database_url).await?)
}

/// `medusa-admin serve`: migrate, boot, and answer until SIGINT/SIGTERM, then finish the
/// requests in flight before exiting.
pub async fn serve(config: ServerConfig) -> anyhow::Result<()> {
    let secrets = config.secrets().map_err(|e| anyhow::anyhow!(e))?;
    let setup = config.setup().map_err(|e| anyhow::anyhow!(e))?;
    let db = connect(&config.database).await?;
    migrate(&db, setup.flags).await?;
    let upload_policy = config.uploads.policy().map_err(|e| anyhow::anyhow!(e))?;
    let files = config
        .uploads
        .storage(&config.host, config.port, &secrets.jwt_secret);
    let state = AppState::with_setup(db.clone(), secrets, Tuning::default(), setup)
        .with_uploads(std::sync::Arc::new(files), upload_policy)
        .with_cors(config.cors_origins())
        .with_trusted_proxies(config.trust_proxy.clone().unwrap_or_default());
    bootstrap::boot(&state, &db, &config).await?;

    let background = crate::background::start(&state, &db).await?;

    let addr = (config.host.clone(), config.port);
    let mut server = HttpServer::new(move || app(state.clone())).shutdown_timeout(30);
    if let Some(workers) = config.workers {
        server = server.workers(workers);
    }
    let server = server
        .bind(addr)
        .map_err(|e| anyhow::anyhow!("cannot listen on {}:{}: {e}", config.host, config.port))?;
    tracing::info!(
        "admin API listening on http://{}:{}",
        config.host,
        config.port
    );
    let served = server.run().await;
    // Events committed by the last requests are delivered by the next start if not now.
    background.stop().await;
    served?;
    tracing::info!("server stopped");
    Ok(())
}
