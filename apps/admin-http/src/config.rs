//! Server configuration, read from the environment with Medusa's variable names.

use clap::Args;

use crate::Secrets;

/// Where the server keeps its database when `DATABASE_URL` is not set: the demo store.
pub const DEMO_DATABASE_URL: &str = "sqlite://./data/medusa.db?mode=rwc";

/// Secrets Medusa falls back to outside production; refused in production.
const DEVELOPMENT_SECRET: &str = "supersecret";

/// The database the commands open.
#[derive(Debug, Clone, Args)]
pub struct DatabaseConfig {
    /// PostgreSQL (`postgres://...`) or SQLite (`sqlite://path?mode=rwc`) database.
    #[arg(long, env = "DATABASE_URL", default_value = DEMO_DATABASE_URL, hide_env_values = true)]
    pub database_url: String,
}

impl DatabaseConfig {
    /// Whether this is the demo database, the only one where fixed demo credentials may be
    /// created.
    pub fn is_demo(&self) -> bool {
        self.database_url == DEMO_DATABASE_URL
    }
}

/// `medusa-admin serve`'s settings, read from Medusa's environment variables.
#[derive(Debug, Clone, Args)]
pub struct ServerConfig {
    /// The database.
    #[command(flatten)]
    pub database: DatabaseConfig,
    /// The address to listen on.
    #[arg(long, env = "HOST", default_value = "localhost")]
    pub host: String,
    /// The port to listen on.
    #[arg(long, env = "PORT", default_value_t = 9000)]
    pub port: u16,
    /// Signs admin JWTs. Required in production.
    #[arg(long, env = "JWT_SECRET", hide_env_values = true)]
    pub jwt_secret: Option<String>,
    /// Signs the session cookie. Required in production.
    #[arg(long, env = "COOKIE_SECRET", hide_env_values = true)]
    pub cookie_secret: Option<String>,
    /// `production` turns on the production checks (as Medusa's NODE_ENV does).
    #[arg(long, env = "NODE_ENV", default_value = "development")]
    pub environment: String,
    /// Marks the session cookie `Secure`; on by default in production.
    #[arg(long, env = "COOKIE_SECURE")]
    pub cookie_secure: Option<bool>,
    /// Creates this admin on a database that has no user yet.
    #[arg(long, env = "MEDUSA_ADMIN_EMAIL")]
    pub admin_email: Option<String>,
    /// The password of that first admin.
    #[arg(long, env = "MEDUSA_ADMIN_PASSWORD", hide_env_values = true)]
    pub admin_password: Option<String>,
    /// Origins allowed to call the API from a browser, in Medusa's format: comma-separated,
    /// an entry between slashes is a regular expression. Outside production it defaults to
    /// the dashboard's local origins; in production only what is configured is allowed.
    #[arg(long, env = "ADMIN_CORS")]
    pub admin_cors: Option<String>,
    /// Payment providers to load, by id (Medusa's plugins): `manual`, `test-pay`. The built-in
    /// `system` provider is always loaded.
    #[arg(
        long,
        env = "PAYMENT_PROVIDERS",
        value_delimiter = ',',
        default_value = "manual"
    )]
    pub payment_providers: Vec<String>,
    /// Fulfillment providers to load, by id: `manual`, `test-ful`.
    #[arg(
        long,
        env = "FULFILLMENT_PROVIDERS",
        value_delimiter = ',',
        default_value = "manual"
    )]
    pub fulfillment_providers: Vec<String>,
    /// Which proxies may tell the client's address in `X-Forwarded-For` (Express's `trust
    /// proxy`): `true`, a hop count, or comma-separated proxy addresses (`loopback`). Unset,
    /// the connection's peer is the client. The login throttle counts per client address.
    #[arg(long, env = "TRUST_PROXY", value_parser = crate::client_address::TrustProxy::parse)]
    pub trust_proxy: Option<crate::client_address::TrustProxy>,
    /// Worker threads; defaults to the number of cores.
    #[arg(long, env = "WORKERS")]
    pub workers: Option<usize>,
    /// Where uploads go and which are accepted.
    #[command(flatten)]
    pub uploads: UploadConfig,
}

/// Where uploads are kept and which are accepted. The names follow `@medusajs/file-local`'s
/// options (`upload_dir`, `backend_url`).
#[derive(Debug, Clone, Args)]
pub struct UploadConfig {
    /// Directory of uploaded files; protected uploads go to its `.protected` folder.
    #[arg(long, env = "UPLOAD_DIR", default_value = "uploads")]
    pub upload_dir: std::path::PathBuf,
    /// This server's public address, which file URLs start with; `http://<HOST>:<PORT>` when
    /// unset.
    #[arg(long, env = "BACKEND_URL")]
    pub backend_url: Option<String>,
    /// Largest accepted file, in bytes.
    #[arg(long, env = "UPLOAD_MAX_FILE_SIZE", default_value_t = medusa_file::policy::DEFAULT_MAX_FILE_SIZE)]
    pub upload_max_file_size: u64,
    /// Most files accepted in one request.
    #[arg(long, env = "UPLOAD_MAX_FILES", default_value_t = medusa_file::policy::DEFAULT_MAX_FILES)]
    pub upload_max_files: usize,
    /// Accepted content types, comma-separated (a file's type is read from its extension).
    #[arg(
        long,
        env = "UPLOAD_ALLOWED_TYPES",
        value_delimiter = ',',
        default_values_t = medusa_file::policy::DEFAULT_ACCEPTED_TYPES.iter().map(|t| t.to_string())
    )]
    pub upload_allowed_types: Vec<String>,
    /// How long a download URL stays valid, in seconds.
    #[arg(long, env = "UPLOAD_DOWNLOAD_URL_TTL", default_value_t = 3600)]
    pub upload_download_url_ttl: i64,
}

impl UploadConfig {
    /// The accept policy, refusing content types the server cannot serve by extension.
    pub fn policy(&self) -> Result<medusa_file::UploadPolicy, String> {
        medusa_file::UploadPolicy::new(
            self.upload_max_file_size,
            self.upload_max_files,
            &self.upload_allowed_types,
        )
    }

    /// The local storage, its links signed with `secret`.
    pub fn storage(&self, host: &str, port: u16, secret: &str) -> medusa_file::LocalFileStorage {
        let base_url = self
            .backend_url
            .clone()
            .unwrap_or_else(|| format!("http://{host}:{port}"));
        medusa_file::LocalFileStorage::new(
            &self.upload_dir,
            &base_url,
            medusa_file::DownloadSigner::new(secret.as_bytes(), self.upload_download_url_ttl),
        )
    }
}

impl ServerConfig {
    /// The flags (`MEDUSA_FF_*`) and providers this server runs with.
    pub fn setup(&self) -> Result<crate::Setup, String> {
        let providers = medusa_providers::ProviderRegistry::shipped(
            &self.payment_providers,
            &self.fulfillment_providers,
        )?;
        Ok(crate::Setup {
            flags: medusa_core::FeatureFlags::from_env(),
            providers,
        })
    }

    /// The origins `ADMIN_CORS` allows, or the development default.
    pub fn cors_origins(&self) -> crate::AllowedOrigins {
        match (&self.admin_cors, self.is_production()) {
            (Some(setting), _) => crate::AllowedOrigins::parse(setting),
            (None, false) => {
                crate::AllowedOrigins::parse(crate::middleware::cors::DEVELOPMENT_ORIGINS)
            }
            (None, true) => crate::AllowedOrigins::default(),
        }
    }

    /// `NODE_ENV` is `production` or `staging`: the production checks apply.
    pub fn is_production(&self) -> bool {
        matches!(self.environment.as_str(), "production" | "staging")
    }

    /// The secrets to run with. In production both must be set, to something other than the
    /// development default, and long enough to resist guessing; every problem is named at
    /// once. Elsewhere Medusa's development fallback is used, with a warning. An unknown
    /// `NODE_ENV` is refused rather than silently read as development.
    pub fn secrets(&self) -> Result<Secrets, String> {
        if !ENVIRONMENTS.contains(&self.environment.as_str()) {
            return Err(format!(
                "NODE_ENV={} is not one of {}",
                self.environment,
                ENVIRONMENTS.join(", ")
            ));
        }
        let production = self.is_production();
        let mut problems = Vec::new();
        let mut pick = |value: &Option<String>, name: &str| match value.as_deref() {
            Some(v) if production && v == DEVELOPMENT_SECRET => {
                problems.push(format!(
                    "{name} must not be the development default in production"
                ));
                String::new()
            }
            Some(v) if production && !v.is_empty() && v.chars().count() < MIN_SECRET_CHARS => {
                problems.push(format!(
                    "{name} must be at least {MIN_SECRET_CHARS} characters in production"
                ));
                String::new()
            }
            Some(v) if !v.is_empty() => v.to_owned(),
            _ if production => {
                problems.push(format!("{name} must be set in production"));
                String::new()
            }
            _ => {
                tracing::warn!("{name} is not set; using the development default");
                DEVELOPMENT_SECRET.to_owned()
            }
        };
        let jwt_secret = pick(&self.jwt_secret, "JWT_SECRET");
        let cookie_secret = pick(&self.cookie_secret, "COOKIE_SECRET");
        if !problems.is_empty() {
            return Err(problems.join("; "));
        }
        Ok(Secrets {
            jwt_secret,
            cookie_secret,
            cookie_secure: self.cookie_secure.unwrap_or(production),
        })
    }
}

/// The `NODE_ENV` values this server knows; `production` and `staging` run the production checks.
const ENVIRONMENTS: &[&str] = &["development", "test", "staging", "production"];

/// The shortest secret production accepts: 32 characters, the size of an HS256 key.
const MIN_SECRET_CHARS: usize = 32;

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        server: ServerConfig,
    }

    fn config(args: &[&str]) -> ServerConfig {
        let mut argv = vec!["medusa-admin"];
        argv.extend_from_slice(args);
        Cli::parse_from(argv).server
    }

    #[test]
    fn production_refuses_weak_secrets_naming_every_problem() {
        let strong = "0123456789abcdef0123456789abcdef";
        let cases: &[(&[&str], Result<(), &str>)] = &[
            (&["--environment", "production"], Err("JWT_SECRET must be set in production; COOKIE_SECRET must be set in production")),
            (&["--environment", "production", "--jwt-secret", strong], Err("COOKIE_SECRET must be set in production")),
            (
                &["--environment", "production", "--jwt-secret", "supersecret", "--cookie-secret", "short"],
                Err("JWT_SECRET must not be the development default in production; COOKIE_SECRET must be at least 32 characters in production"),
            ),
            (&["--environment", "staging", "--jwt-secret", strong, "--cookie-secret", ""], Err("COOKIE_SECRET must be set in production")),
            (&["--environment", "prod"], Err("NODE_ENV=prod is not one of development, test, staging, production")),
            (&["--environment", "production", "--jwt-secret", strong, "--cookie-secret", strong], Ok(())),
            (&["--environment", "test"], Ok(())),
        ];
        for (args, expected) in cases {
            let got = config(args).secrets().map(|_| ());
            assert_eq!(
                got.as_ref().map(|_| ()).map_err(String::as_str),
                *expected,
                "{args:?}"
            );
        }
        let secrets = config(&[
            "--environment",
            "production",
            "--jwt-secret",
            strong,
            "--cookie-secret",
            strong,
        ])
        .secrets()
        .unwrap();
        assert!(secrets.cookie_secure, "production cookies are Secure");
    }

    #[test]
    fn uploads_default_like_file_local() {
        let uploads = config(&[]).uploads;
        assert_eq!(uploads.upload_dir, std::path::PathBuf::from("uploads"));
        assert_eq!(
            uploads.policy().unwrap(),
            medusa_file::UploadPolicy::default()
        );
        let custom = config(&["--upload-allowed-types", "image/png,text/csv"]).uploads;
        assert_eq!(
            custom.policy().unwrap().accepted_types(),
            ["image/png", "text/csv"]
        );
        let unknown = config(&["--upload-allowed-types", "text/html"]).uploads;
        assert!(unknown.policy().is_err());
    }

    #[test]
    fn development_falls_back_to_medusas_default() {
        let secrets = config(&["--environment", "development"]).secrets().unwrap();
        assert_eq!(secrets.jwt_secret, "supersecret");
        assert!(!secrets.cookie_secure);
    }
}
