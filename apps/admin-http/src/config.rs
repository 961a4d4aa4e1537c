//! Server configuration, read from the environment with Medusa's variable names.

use clap::Args;

/// Where the server keeps its database when `DATABASE_URL` is not set: the demo store.
pub const DEMO_DATABASE_URL: &str = "sqlite://./data/medusa.db?mode=rwc";

/// Secrets Medusa falls back to outside production; refused in production.
const DEVELOPMENT_SECRET: &str = "supersecret";

#[derive(Debug, Clone, Args)]
pub struct DatabaseConfig {
    /// PostgreSQL (`postgres://...`) or SQLite (`sqlite://path?mode=rwc`) database.
    #[arg(long, env = "DATABASE_URL", default_value = DEMO_DATABASE_URL)]
    pub database_url: String,
}

impl DatabaseConfig {
    /// Whether this is the demo database, the only one where fixed demo credentials may be
    /// created.
    pub fn is_demo(&self) -> bool {
        self.database_url == DEMO_DATABASE_URL
    }
}

#[derive(Debug, Clone, Args)]
pub struct ServerConfig {
    #[command(flatten)]
    pub database: DatabaseConfig,
    #[arg(long, env = "HOST", default_value = "localhost")]
    pub host: String,
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
    #[arg(long, env = "MEDUSA_ADMIN_PASSWORD", hide_env_values = true)]
    pub admin_password: Option<String>,
    /// Worker threads; defaults to the number of cores.
    #[arg(long, env = "WORKERS")]
    pub workers: Option<usize>,
}

/// The secrets and cookie policy the HTTP layer runs with, checked for production use.
#[derive(Debug, Clone)]
pub struct Secrets {
    pub jwt_secret: String,
    pub cookie_secret: String,
    pub cookie_secure: bool,
}

impl ServerConfig {
    pub fn is_production(&self) -> bool {
        matches!(self.environment.as_str(), "production" | "staging")
    }

    /// The secrets to run with. In production both must be configured; elsewhere Medusa's
    /// development fallback is used, with a warning.
    pub fn secrets(&self) -> Result<Secrets, String> {
        let production = self.is_production();
        let pick = |value: &Option<String>, name: &str| match value.as_deref() {
            Some(v) if !v.is_empty() => Ok(v.to_owned()),
            _ if production => Err(format!("{name} must be set in production")),
            _ => {
                tracing::warn!("{name} is not set; using the development default");
                Ok(DEVELOPMENT_SECRET.to_owned())
            }
        };
        Ok(Secrets {
            jwt_secret: pick(&self.jwt_secret, "JWT_SECRET")?,
            cookie_secret: pick(&self.cookie_secret, "COOKIE_SECRET")?,
            cookie_secure: self.cookie_secure.unwrap_or(production),
        })
    }
}

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
    fn production_requires_both_secrets() {
        let missing = config(&["--environment", "production", "--jwt-secret", "j"]);
        assert_eq!(
            missing.secrets().unwrap_err(),
            "COOKIE_SECRET must be set in production"
        );
        let complete = config(&[
            "--environment",
            "production",
            "--jwt-secret",
            "j",
            "--cookie-secret",
            "c",
        ]);
        let secrets = complete.secrets().unwrap();
        assert!(secrets.cookie_secure, "production cookies are Secure");
        assert_eq!(
            (secrets.jwt_secret.as_str(), secrets.cookie_secret.as_str()),
            ("j", "c")
        );
    }

    #[test]
    fn development_falls_back_to_medusas_default() {
        let secrets = config(&["--environment", "development"]).secrets().unwrap();
        assert_eq!(secrets.jwt_secret, "supersecret");
        assert!(!secrets.cookie_secure);
    }
}
