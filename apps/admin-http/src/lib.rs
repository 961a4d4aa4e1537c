//! The Medusa v1 admin REST API over HTTP.
//!
//! This crate is the only one that knows actix-web. It owns the route table, the extractors
//! and middleware (credential resolution, sessions, the JSON error guarantee), the wire
//! envelopes, and the `medusa-admin` binary. Rules and SQL live in the domain crates; a
//! handler parses the request, calls one service, and shapes the answer.
//!
//! Another actix application mounts the whole API with [`AdminApi`] (typed settings, the boot
//! steps, the background work as a handle; see the [`AdminApi`] example), or with
//! [`configure`] over an [`AppState`] it built itself. The `medusa-admin` binary (feature
//! `cli`, on by default) is one user of the same entry points; without the feature the
//! library pulls no command-line, log-output or allocator crates.

// The entry-point crate of embedders: every public item says what it is.
#![warn(missing_docs)]

pub mod background;
pub mod bootstrap;
pub mod client_address;
#[cfg(feature = "cli")]
pub mod config;
pub mod database;
mod embed;
mod error;
mod extract;
mod handlers;
mod middleware;
pub mod routes;
#[cfg(feature = "cli")]
pub mod server;
pub mod state;

use actix_session::{config::PersistentSession, SessionMiddleware};
use actix_web::{
    body::MessageBody,
    cookie::{time::Duration, Key, SameSite},
    dev::{ServiceFactory, ServiceRequest, ServiceResponse},
    middleware::from_fn,
    web, App, HttpResponse,
};
use sha2::{Digest, Sha512};

pub use background::Background;
pub use embed::{AdminApi, AdminApiBuilder, StartError, Uploads};
pub use error::{ApiError, ApiResult};
pub use middleware::cors::AllowedOrigins;
pub use state::{AppState, Secrets, Setup, Tuning};

/// The crates an embedder needs beside this one, at the versions it was built with: the
/// web framework and ORM, and the domain crates of the common cases (users, customers,
/// products, the list grammar, the entities).
pub use {
    actix_web, medusa_auth, medusa_core, medusa_customer, medusa_entity, medusa_product,
    medusa_providers, medusa_query_dsl, sea_orm,
};

use middleware::{json_errors::json_errors, session_store::DbSessionStore};

/// Name of the session cookie, as Medusa's express-session names it.
pub const SESSION_COOKIE: &str = "connect.sid";

/// How long a session lives (Medusa's default `maxAge`, 10 hours).
const SESSION_TTL: Duration = Duration::hours(10);

/// Mounts the admin API (`/admin/...`, the v2 `/auth/...` routes and the uploaded files under
/// `/uploads/...`) on an actix app or scope, wherever the host mounts it (`web::scope("/shop")`
/// gives `/shop/admin/...`). What it installs stays inside its own scopes: the JSON, query and
/// path error answers in Medusa's shape, sessions, CORS and authentication; the host's own
/// routes keep theirs. `/health` is the standalone server's ([`app`]), not the host's.
pub fn configure(state: AppState) -> impl FnOnce(&mut web::ServiceConfig) {
    move |cfg| {
        let session = session_middleware(&state);
        let flags = state.flags;
        // The middleware of each scope reads the state, so it is registered beside the scopes
        // (it is found by its own type only).
        cfg.app_data(web::Data::new(state));
        for prefix in ["/admin", "/auth", "/uploads"] {
            cfg.service(
                web::scope(prefix)
                    .app_data(extract::json_config())
                    .app_data(extract::query_config())
                    .app_data(extract::path_config())
                    .wrap(from_fn(move |req, next| {
                        middleware::auth::authenticate(req, next, prefix)
                    }))
                    .wrap(from_fn(middleware::nul_path::refuse_nul_in_path))
                    .wrap(session.clone())
                    .wrap(json_errors())
                    .wrap(from_fn(middleware::cors::cors))
                    .wrap(from_fn(middleware::request_log::log_request))
                    .configure(|scope| routes::register(scope, prefix, flags))
                    .default_service(web::to(routes::not_found)),
            );
        }
    }
}

/// A complete app: the admin API plus JSON answers for unknown paths. The server runs this;
/// embedders who have their own app use [`configure`] instead.
pub fn app(
    state: AppState,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new()
        .service(web::resource("/health").route(web::get().to(health)))
        .configure(configure(state))
        .default_service(web::to(routes::not_found))
        .wrap(json_errors())
        .wrap(from_fn(middleware::request_log::log_request))
}

fn session_middleware(state: &AppState) -> SessionMiddleware<DbSessionStore> {
    // Key::from needs 64 bytes; any secret length is accepted by hashing it to that size.
    let key = Key::from(&Sha512::digest(state.secrets.cookie_secret.as_bytes())[..]);
    SessionMiddleware::builder(DbSessionStore::new(state.sessions.clone()), key)
        .cookie_name(SESSION_COOKIE.to_owned())
        .cookie_http_only(true)
        .cookie_same_site(SameSite::Lax)
        .cookie_secure(state.secrets.cookie_secure)
        .cookie_path("/".to_owned())
        .session_lifecycle(PersistentSession::default().session_ttl(SESSION_TTL))
        .build()
}

async fn health() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain").body("OK")
}
