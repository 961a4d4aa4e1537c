//! Resolves whoever is calling (session cookie, bearer JWT, API token, secret API key) into an
//! [`AuthUser`] request extension, and refuses unauthenticated calls to protected routes.
//!
//! Routes are protected unless the route table marks them public, so a new route cannot be
//! exposed by forgetting an extractor.

use std::future::{ready, Ready};

use actix_session::SessionExt;
use actix_web::{
    body::{EitherBody, MessageBody},
    dev::{Payload, ServiceRequest, ServiceResponse},
    http::header,
    middleware::Next,
    web, FromRequest, HttpMessage, HttpRequest, ResponseError,
};
use medusa_auth::credentials::{AuthUser, Credential};
use medusa_core::Error;

use crate::{error::ApiError, routes, state::AppState};

/// Session key under which a logged-in admin's id is kept (as in Medusa's `req.session.user_id`).
pub const SESSION_USER_KEY: &str = "user_id";

/// Authenticates a request to the scope mounted for `scope` (`/admin`, `/auth`, `/uploads`),
/// wherever the host app mounted that scope (`/admin` or `/shop/admin`).
pub async fn authenticate(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
    scope: &'static str,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let refusal = match resolve(&req).await {
        Ok(Some(user)) => {
            req.extensions_mut().insert(user);
            None
        }
        Ok(None) if requires_authentication(&req, scope) => {
            Some(Error::unauthorized("Unauthorized"))
        }
        Ok(None) => None,
        Err(err) => Some(err),
    };
    match refusal {
        // Answered here rather than raised, so outer middleware sees an ordinary response.
        Some(err) => Ok(req
            .into_response(ApiError(err).error_response())
            .map_into_right_body()),
        None => Ok(next.call(req).await?.map_into_left_body()),
    }
}

fn requires_authentication(req: &ServiceRequest, scope: &str) -> bool {
    match req.match_pattern() {
        Some(pattern) => !routes::is_public(req.method(), &pattern),
        // An unknown path under /admin answers 401 to strangers, as Medusa's does.
        None => scope == "/admin",
    }
}

async fn resolve(req: &ServiceRequest) -> Result<Option<AuthUser>, Error> {
    let Some(state) = req.app_data::<web::Data<AppState>>() else {
        return Err(Error::UnexpectedState(
            "application state is not configured".into(),
        ));
    };
    let authenticator = &state.authenticator;

    if let Ok(Some(user_id)) = req.get_session().get::<String>(SESSION_USER_KEY) {
        if let Some(user) = authenticator
            .authenticate(Credential::SessionUser(&user_id))
            .await?
        {
            return Ok(Some(user));
        }
    }
    if let Some(value) = header_str(req, header::AUTHORIZATION) {
        let (scheme, token) = value.split_once(' ').unwrap_or((value, ""));
        let token = token.trim();
        let credential = if scheme.eq_ignore_ascii_case("bearer") {
            Some(Credential::Bearer(token))
        } else if scheme.eq_ignore_ascii_case("basic") {
            Some(Credential::Basic(token))
        } else {
            None
        };
        if let Some(credential) = credential.filter(|_| !token.is_empty()) {
            if let Some(user) = authenticator.authenticate(credential).await? {
                return Ok(Some(user));
            }
        }
    }
    if let Some(token) = header_str(req, "x-medusa-access-token") {
        if let Some(user) = authenticator
            .authenticate(Credential::AccessToken(token.trim()))
            .await?
        {
            return Ok(Some(user));
        }
    }
    Ok(None)
}

fn header_str(req: &ServiceRequest, name: impl header::AsHeaderName) -> Option<&str> {
    req.headers().get(name).and_then(|v| v.to_str().ok())
}

/// The authenticated caller, for handlers that need to know who it is.
#[derive(Debug, Clone)]
pub struct Caller(pub AuthUser);

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            req.extensions()
                .get::<AuthUser>()
                .cloned()
                .map(Caller)
                .ok_or_else(|| ApiError(Error::unauthorized("Unauthorized"))),
        )
    }
}
