//! `/admin/users`: admin accounts, and the public password-reset pair.

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_auth::{
    users::{CreateUser, UpdateUser, USER_LIST},
    Email, UserRole,
};
use medusa_core::patch::{present, Patch};
use serde::Deserialize;
use serde_json::{Map, Value};
use validator::Validate;

use crate::{
    error::ApiResult,
    extract::ValidJson,
    handlers::{deleted, list_plan, list_response, wrapped},
    state::AppState,
};

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateUserBody {
    #[validate(
        required(message = "email must be an email"),
        email(message = "email must be an email")
    )]
    email: Option<String>,
    #[validate(required(message = "password must be a string"))]
    password: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    role: Option<UserRole>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct UpdateUserBody {
    #[serde(default, deserialize_with = "present")]
    first_name: Patch<String>,
    #[serde(default, deserialize_with = "present")]
    last_name: Patch<String>,
    #[serde(default, deserialize_with = "present")]
    role: Patch<UserRole>,
    #[serde(default, deserialize_with = "present")]
    api_token: Patch<String>,
    metadata: Option<Map<String, Value>>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct PasswordTokenBody {
    #[validate(
        required(message = "email must be an email"),
        email(message = "email must be an email")
    )]
    email: Option<String>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct ResetPasswordBody {
    #[validate(email(message = "email must be an email"))]
    email: Option<String>,
    #[validate(required(message = "token must be a string"))]
    token: Option<String>,
    #[validate(required(message = "password must be a string"))]
    password: Option<String>,
}

/// `GET /admin/users`
pub async fn list_users(state: web::Data<AppState>, req: HttpRequest) -> ApiResult<HttpResponse> {
    let plan = list_plan(&req, &state, &USER_LIST)?;
    let page = state.users.list(&plan).await?;
    list_response(page, &plan)
}

/// `GET /admin/users/{id}`
pub async fn get_user(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    wrapped("user", state.users.retrieve(&id).await?)
}

/// `POST /admin/users`
pub async fn create_user(
    state: web::Data<AppState>,
    body: ValidJson<CreateUserBody>,
) -> ApiResult<HttpResponse> {
    let body = body.0;
    let user = state
        .users
        .create(CreateUser {
            email: Email::parse_field(&body.email.unwrap_or_default(), "email")?,
            password: body.password.unwrap_or_default(),
            first_name: body.first_name,
            last_name: body.last_name,
            role: body.role,
        })
        .await?;
    wrapped("user", user)
}

/// `POST /admin/users/{id}`
pub async fn update_user(
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: ValidJson<UpdateUserBody>,
) -> ApiResult<HttpResponse> {
    let body = body.0;
    let user = state
        .users
        .update(
            &id,
            UpdateUser {
                first_name: body.first_name,
                last_name: body.last_name,
                role: body.role,
                api_token: body.api_token,
                metadata: body.metadata,
            },
        )
        .await?;
    wrapped("user", user)
}

/// `DELETE /admin/users/{id}`
pub async fn delete_user(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    state.users.delete(&id).await?;
    Ok(deleted(&id, "user"))
}

/// `POST /admin/users/password-token`: always 204, whether or not the account exists, so the
/// route does not reveal which emails have accounts.
pub async fn request_password_reset(
    state: web::Data<AppState>,
    body: ValidJson<PasswordTokenBody>,
) -> ApiResult<HttpResponse> {
    let email = body.0.email.unwrap_or_default();
    state.users.request_password_reset(&email).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// `POST /admin/users/reset-password`
pub async fn reset_password(
    state: web::Data<AppState>,
    body: ValidJson<ResetPasswordBody>,
) -> ApiResult<HttpResponse> {
    let body = body.0;
    let user = state
        .users
        .reset_password(
            body.token.as_deref().unwrap_or_default(),
            body.password.as_deref().unwrap_or_default(),
            body.email.as_deref(),
        )
        .await?;
    wrapped("user", user)
}
