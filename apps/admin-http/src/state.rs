//! The services a request can reach, built once per server from a database connection.

use std::sync::Arc;

use medusa_auth::{
    api_keys::{ApiKeyService, SeaApiKeyService},
    credentials::{Authenticator, SeaAuthenticator},
    invites::{InviteService, SeaInviteService},
    login::{LoginService, LoginThrottle, SeaLoginService, ThrottlePolicy},
    password::PasswordPolicy,
    sessions::{SeaSessionRepository, SessionRepository},
    token::JwtKeys,
    users::{SeaUserService, UserService},
};
use medusa_store::{CurrencyService, SeaCurrencyService, SeaStoreService, StoreService};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend};

use crate::config::Secrets;

/// Everything a handler may call. Services are trait objects so embedders and tests can swap
/// implementations.
#[derive(Clone)]
pub struct AppState {
    pub backend: DbBackend,
    pub authenticator: Arc<dyn Authenticator>,
    pub logins: Arc<dyn LoginService>,
    pub users: Arc<dyn UserService>,
    pub invites: Arc<dyn InviteService>,
    pub api_keys: Arc<dyn ApiKeyService>,
    pub sessions: Arc<dyn SessionRepository>,
    pub store: Arc<dyn StoreService>,
    pub currencies: Arc<dyn CurrencyService>,
    pub jwt: JwtKeys,
    pub secrets: Secrets,
}

/// Tunables that tests turn down (password hashing cost, login throttling).
#[derive(Debug, Clone, Default)]
pub struct Tuning {
    pub password: PasswordPolicy,
    pub throttle: ThrottlePolicy,
}

impl AppState {
    pub fn new(db: DatabaseConnection, secrets: Secrets, tuning: Tuning) -> Self {
        let jwt = JwtKeys::new(&secrets.jwt_secret);
        let throttle = Arc::new(LoginThrottle::new(tuning.throttle));
        Self {
            backend: db.get_database_backend(),
            authenticator: Arc::new(SeaAuthenticator::new(db.clone(), jwt.clone())),
            logins: Arc::new(SeaLoginService::new(
                db.clone(),
                tuning.password.clone(),
                throttle,
            )),
            users: Arc::new(SeaUserService::new(db.clone(), tuning.password.clone())),
            invites: Arc::new(SeaInviteService::new(
                db.clone(),
                jwt.clone(),
                tuning.password.clone(),
            )),
            api_keys: Arc::new(SeaApiKeyService::new(db.clone())),
            sessions: Arc::new(SeaSessionRepository::new(db.clone())),
            store: Arc::new(SeaStoreService::new(db.clone())),
            currencies: Arc::new(SeaCurrencyService::new(db)),
            jwt,
            secrets,
        }
    }
}
