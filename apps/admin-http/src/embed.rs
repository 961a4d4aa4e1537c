//! The library entry point: the admin API built from typed settings (no environment, no
//! command line), mounted by a host app under any path, with its background work as a handle
//! the host starts and stops.
//!
//! ```no_run
//! use actix_web::{web, App, HttpServer};
//! use medusa_admin_http::{AdminApi, Secrets};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let db = medusa_admin_http::database::connect("sqlite://./shop.db?mode=rwc").await?;
//! let api = AdminApi::builder(db)
//!     .secrets(Secrets::new("a jwt secret of at least 32 chars!", "a cookie secret"))
//!     .migrate(true)
//!     .build()
//!     .await?;
//! let background = api.start_background().await?;
//! let mounted = api.clone();
//! HttpServer::new(move || {
//!     App::new().service(web::scope("/shop").configure(mounted.configure()))
//! })
//! .bind(("127.0.0.1", 8080))?
//! .run()
//! .await?;
//! background.stop().await;
//! # Ok(())
//! # }
//! ```

use std::path::PathBuf;
use std::sync::Arc;

use actix_web::web;
use medusa_core::FeatureFlags;
use medusa_providers::ProviderRegistry;
use sea_orm::DatabaseConnection;

use crate::background::{self, Background};
use crate::client_address::TrustProxy;
use crate::{bootstrap, database, AllowedOrigins, AppState, Secrets, Setup, Tuning};

/// Why the admin API could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The database refused a connection or a statement.
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
    /// A boot step broke one of the services' rules.
    #[error("{0}")]
    Domain(#[from] medusa_core::Error),
    /// A file or folder could not be made.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// A setting is not usable (an upload policy, a store description entry).
    #[error("{0}")]
    Settings(String),
}

impl From<medusa_query_dsl::QueryError> for StartError {
    fn from(err: medusa_query_dsl::QueryError) -> Self {
        Self::Domain(err.into())
    }
}

/// Where uploaded files are kept and served from. The names follow `@medusajs/file-local`'s
/// options.
#[derive(Debug, Clone)]
pub struct Uploads {
    /// The folder files are written to; protected uploads go to its `.protected` folder.
    pub dir: PathBuf,
    /// The public address file URLs start with: where the host serves the mounted API
    /// (`https://shop.example.com/shop` when it mounts it under `/shop`).
    pub public_url: String,
    /// Which files are accepted.
    pub policy: medusa_file::UploadPolicy,
    /// How long a protected file's download URL stays valid, in seconds.
    pub download_url_ttl_secs: i64,
}

impl Uploads {
    /// Files in `dir`, served under `public_url`, with the default accept policy.
    pub fn new(dir: impl Into<PathBuf>, public_url: impl Into<String>) -> Self {
        Self {
            dir: dir.into(),
            public_url: public_url.into(),
            policy: medusa_file::UploadPolicy::default(),
            download_url_ttl_secs: 3600,
        }
    }
}

/// The admin API, ready to mount: cheap to clone (every service is shared).
#[derive(Clone)]
pub struct AdminApi {
    state: AppState,
    db: DatabaseConnection,
}

impl AdminApi {
    /// Starts describing an admin API over `db` (see [`database::connect`]).
    pub fn builder(db: DatabaseConnection) -> AdminApiBuilder {
        AdminApiBuilder {
            db,
            secrets: None,
            setup: Setup::default(),
            tuning: Tuning::default(),
            uploads: None,
            cors: AllowedOrigins::default(),
            trust_proxy: TrustProxy::default(),
            migrate: false,
        }
    }

    /// Mounts the API where the host calls it: `App::new().configure(api.configure())` gives
    /// `/admin/...`, inside `web::scope("/shop")` it gives `/shop/admin/...`. What it installs
    /// (error shapes, sessions, CORS, authentication) stays inside its own scopes.
    pub fn configure(&self) -> impl FnOnce(&mut web::ServiceConfig) {
        crate::configure(self.state.clone())
    }

    /// Starts delivering events and the hourly clean-up on the current tokio runtime; the
    /// host stops them with [`Background::stop`] when it shuts down.
    pub async fn start_background(&self) -> Result<Background, StartError> {
        Ok(background::start(&self.state, &self.db).await?)
    }

    /// The services behind the routes, for a host that calls them without HTTP.
    pub fn state(&self) -> &AppState {
        &self.state
    }
}

/// Settings for [`AdminApi`]; only the secrets are required.
pub struct AdminApiBuilder {
    db: DatabaseConnection,
    secrets: Option<Secrets>,
    setup: Setup,
    tuning: Tuning,
    uploads: Option<Uploads>,
    cors: AllowedOrigins,
    trust_proxy: TrustProxy,
    migrate: bool,
}

impl AdminApiBuilder {
    /// Signs admin JWTs and session cookies.
    pub fn secrets(mut self, secrets: Secrets) -> Self {
        self.secrets = Some(secrets);
        self
    }

    /// Medusa's feature flags (`Default` is Medusa 1.20's defaults).
    pub fn flags(mut self, flags: FeatureFlags) -> Self {
        self.setup.flags = flags;
        self
    }

    /// The payment and fulfillment providers (Medusa's plugins); the manual ones by default.
    pub fn providers(mut self, providers: ProviderRegistry) -> Self {
        self.setup.providers = providers;
        self
    }

    /// Password hashing cost and login throttling.
    pub fn tuning(mut self, tuning: Tuning) -> Self {
        self.tuning = tuning;
        self
    }

    /// Where uploads go; without it the API keeps the standalone server's default storage.
    pub fn uploads(mut self, uploads: Uploads) -> Self {
        self.uploads = Some(uploads);
        self
    }

    /// Browser origins allowed to call the API (none by default).
    pub fn cors(mut self, origins: AllowedOrigins) -> Self {
        self.cors = origins;
        self
    }

    /// Which proxies may tell the client's address (none by default).
    pub fn trust_proxy(mut self, trust: TrustProxy) -> Self {
        self.trust_proxy = trust;
        self
    }

    /// Brings the schema up to date when built (this crate's migrations, recorded in their
    /// own table `medusa_admin_migrations`, so a host's own migration table is untouched).
    pub fn migrate(mut self, migrate: bool) -> Self {
        self.migrate = migrate;
        self
    }

    /// Runs the migrations when asked, builds the services and runs Medusa's boot steps (the
    /// store row, the default shipping profiles, the providers recorded as installed).
    pub async fn build(self) -> Result<AdminApi, StartError> {
        let secrets = self
            .secrets
            .ok_or_else(|| StartError::Settings("the admin API needs its secrets".into()))?;
        if self.migrate {
            database::migrate(&self.db, self.setup.flags).await?;
        }
        let mut state =
            AppState::with_setup(self.db.clone(), secrets.clone(), self.tuning, self.setup)
                .with_cors(self.cors)
                .with_trusted_proxies(self.trust_proxy);
        if let Some(uploads) = self.uploads {
            let signer = medusa_file::DownloadSigner::new(
                secrets.jwt_secret.as_bytes(),
                uploads.download_url_ttl_secs,
            );
            let storage =
                medusa_file::LocalFileStorage::new(&uploads.dir, &uploads.public_url, signer);
            state = state.with_uploads(Arc::new(storage), uploads.policy);
        }
        bootstrap::prepare(&state).await?;
        Ok(AdminApi { state, db: self.db })
    }
}
