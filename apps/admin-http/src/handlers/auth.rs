//! Logging in and out: the v1 session and token routes and the v2 emailpass/session routes.

use actix_session::Session;
use actix_web::{HttpRequest, HttpResponse};
use medusa_auth::Login;
use serde_json::Value;

use crate::{
    error::{ApiError, ApiResult},
    handlers::{plain_ok, wrapped, Answer, Body, State},
    middleware::auth::{Caller, SESSION_USER_KEY},
    state::AppState,
};

async fn login(
    state: &AppState,
    req: &HttpRequest,
    body: Value,
) -> ApiResult<medusa_entity::user::Model> {
    let Login { email, password } = Login::from_body(body)?;
    Ok(state
        .logins
        .login(
            &email,
            &password,
            state.trust_proxy.client_of(req).as_deref(),
        )
        .await?)
}

fn start_session(session: &Session, user_id: &str) -> ApiResult<()> {
    // A fresh session id on login prevents session fixation.
    session.renew();
    session
        .insert(SESSION_USER_KEY, user_id)
        .map_err(|e| ApiError(medusa_core::Error::UnexpectedState(e.to_string())))
}

/// `POST /admin/auth`: log in with email and password; the session cookie carries the login.
pub async fn create_session(
    state: State,
    req: HttpRequest,
    session: Session,
    body: Body,
) -> Answer {
    let user = login(&state, &req, body.0).await?;
    start_session(&session, &user.id)?;
    wrapped("user", user)
}

/// `GET /admin/auth`: the logged-in user.
pub async fn get_session(state: State, caller: Caller) -> Answer {
    let user = state.users.retrieve(&caller.0.user_id).await?;
    wrapped("user", user)
}

/// `DELETE /admin/auth`: log out.
pub async fn delete_session(session: Session) -> HttpResponse {
    session.purge();
    plain_ok()
}

/// `POST /admin/auth/token`: a 24-hour JWT for `Authorization: Bearer`.
pub async fn create_token(state: State, req: HttpRequest, body: Body) -> Answer {
    let user = login(&state, &req, body.0).await?;
    let token = medusa_auth::token::issue_admin_token(&state.jwt, &user.id)?;
    wrapped("access_token", token)
}

/// `POST /auth/user/emailpass` (v2): the same JWT, under the v2 key `token`.
pub async fn emailpass_token(state: State, req: HttpRequest, body: Body) -> Answer {
    let user = login(&state, &req, body.0).await?;
    let token = medusa_auth::token::issue_admin_token(&state.jwt, &user.id)?;
    wrapped("token", token)
}

/// `POST /auth/session` (v2): turns the bearer token of the request into a session cookie.
pub async fn session_from_token(state: State, session: Session, caller: Caller) -> Answer {
    let user = state.users.retrieve(&caller.0.user_id).await?;
    start_session(&session, &user.id)?;
    wrapped("user", user)
}

/// `DELETE /auth/session` (v2): log out.
pub async fn delete_v2_session(session: Session) -> HttpResponse {
    session.purge();
    HttpResponse::Ok().json(serde_json::json!({ "success": true }))
}
