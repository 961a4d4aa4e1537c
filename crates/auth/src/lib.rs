//! Who is calling, and the accounts behind it.
//!
//! `medusa-auth` owns users, invites and every credential of the admin API: password hashes
//! (bcrypt, plus Medusa's scrypt-kdf for existing databases), signed tokens (admin access,
//! password reset, invite), v1 API tokens, v2 secret API keys, login throttling, the
//! server-side session store, and each admin's analytics preferences. It knows nothing of
//! HTTP: the admin-http app maps requests onto [`Credential`]s and these services. Each service is a dyn-safe trait with one `Sea...`
//! implementation over a `sea_orm::DatabaseConnection`.

// Tests may unwrap: a panic there is the failure report.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod analytics;
pub mod api_keys;
pub mod credentials;
pub mod events;
pub mod input;
pub mod invites;
pub mod login;
pub mod password;
pub mod sessions;
pub mod throttle;
pub mod token;
pub mod users;
pub mod values;

pub use analytics::{AnalyticsConfigService, CreateAnalyticsConfig, SeaAnalyticsConfigService};
pub use api_keys::{ApiKeyService, CreatedApiKey, SeaApiKeyService};
pub use credentials::{AuthMethod, AuthUser, Authenticator, Credential, SeaAuthenticator};
pub use input::{
    AcceptInvite, AcceptUser, ApiKeyTitle, CreateInvite, Login, PasswordTokenRequest,
    ResetPassword, UpdateAnalyticsConfig, UpdateUser,
};
pub use invites::{InviteService, SeaInviteService};
pub use login::{LoginService, SeaLoginService};
pub use password::{hash_password, verify_password, PasswordCheck, PasswordPolicy};
pub use sessions::{SeaSessionRepository, SessionRepository, SessionState};
pub use throttle::{LoginThrottle, ThrottleLimit, ThrottlePolicy};
pub use token::{issue_admin_token, verify_admin_token, JwtKeys};
pub use users::{CreateUser, PasswordReset, SeaUserService, UserService, USER_LIST, USER_RETRIEVE};
pub use values::{Email, UserRole};

/// Lower-case hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut out, byte| {
            let _ = write!(out, "{byte:02x}");
            out
        })
}

/// `len` bytes from the operating system's CSPRNG, as hex.
pub(crate) fn random_hex(len: usize) -> String {
    use rand::RngCore as _;
    let mut bytes = vec![0u8; len];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex(&bytes)
}
