//! `/admin/invites`: inviting admins, and the public acceptance route.

use actix_web::{web, HttpResponse};
use medusa_auth::{AcceptInvite, CreateInvite};
use serde_json::Value;

use crate::{
    error::ApiResult,
    extract::JsonBody,
    handlers::{deleted, plain_ok, wrapped},
    state::AppState,
};

/// `GET /admin/invites`
pub async fn list_invites(state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    wrapped("invites", state.invites.list().await?)
}

/// `POST /admin/invites`
pub async fn create_invite(
    state: web::Data<AppState>,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let CreateInvite { email, role } = CreateInvite::from_body(body.0)?;
    state.invites.create(email, role).await?;
    Ok(plain_ok())
}

/// `DELETE /admin/invites/{invite_id}`
pub async fn delete_invite(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    state.invites.delete(&id).await?;
    Ok(deleted(&id, "invite"))
}

/// `POST /admin/invites/{invite_id}/resend`
pub async fn resend_invite(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    state.invites.resend(&id).await?;
    Ok(plain_ok())
}

/// `POST /admin/invites/accept`
pub async fn accept_invite(
    state: web::Data<AppState>,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let AcceptInvite { token, user } = AcceptInvite::from_body(body.0)?;
    state.invites.accept(&token, user).await?;
    Ok(plain_ok())
}
