//! `/admin/invites`: inviting admins, and the public acceptance route.

use actix_web::{web, HttpResponse};
use medusa_auth::{invites::AcceptUser, Email, UserRole};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::{
    error::ApiResult,
    extract::ValidJson,
    handlers::{deleted, plain_ok, wrapped},
    state::AppState,
};

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateInviteBody {
    #[validate(
        required(message = "user must be an email"),
        email(message = "user must be an email")
    )]
    user: Option<String>,
    #[validate(required(
        message = "role must be one of the following values: admin, member, developer"
    ))]
    role: Option<UserRole>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct AcceptInviteBody {
    #[validate(required(message = "token should not be empty, token must be a string"))]
    token: Option<String>,
    #[validate(required(message = "user should not be empty"))]
    #[validate(nested)]
    user: Option<InvitedUser>,
}

// validator's `required` on the enclosing field needs `Serialize`.
#[derive(Debug, Deserialize, Serialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct InvitedUser {
    first_name: Option<String>,
    last_name: Option<String>,
    #[validate(required(message = "password must be a string"))]
    password: Option<String>,
}

/// `GET /admin/invites`
pub async fn list_invites(state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    wrapped("invites", state.invites.list().await?)
}

/// `POST /admin/invites`
pub async fn create_invite(
    state: web::Data<AppState>,
    body: ValidJson<CreateInviteBody>,
) -> ApiResult<HttpResponse> {
    let body = body.0;
    let email = Email::parse_field(&body.user.unwrap_or_default(), "user")?;
    let role = body.role.unwrap_or(UserRole::Member);
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
    body: ValidJson<AcceptInviteBody>,
) -> ApiResult<HttpResponse> {
    let body = body.0;
    let user = body.user.unwrap_or(InvitedUser {
        first_name: None,
        last_name: None,
        password: None,
    });
    state
        .invites
        .accept(
            body.token.as_deref().unwrap_or_default(),
            AcceptUser {
                first_name: user.first_name,
                last_name: user.last_name,
                password: user.password.unwrap_or_default(),
            },
        )
        .await?;
    Ok(plain_ok())
}
