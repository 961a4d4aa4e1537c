//! `/admin/users`: admin accounts, and the public password-reset pair.

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_auth::{
    users::{CreateUser, UpdateUser, USER_LIST},
    PasswordTokenRequest, ResetPassword,
};
use serde_json::Value;

use crate::{
    error::ApiResult,
    extract::JsonBody,
    handlers::{deleted, list_plan, list_response, wrapped},
    state::AppState,
};

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
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let user = state.users.create(CreateUser::from_body(body.0)?).await?;
    wrapped("user", user)
}

/// `POST /admin/users/{id}`
pub async fn update_user(
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let user = state
        .users
        .update(&id, UpdateUser::from_body(body.0)?)
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
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let PasswordTokenRequest { email } = PasswordTokenRequest::from_body(body.0)?;
    state.users.request_password_reset(&email).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// `POST /admin/users/reset-password`
pub async fn reset_password(
    state: web::Data<AppState>,
    body: JsonBody<Value>,
) -> ApiResult<HttpResponse> {
    let body = ResetPassword::from_body(body.0)?;
    let user = state
        .users
        .reset_password(&body.token, &body.password, body.email.as_deref())
        .await?;
    wrapped("user", user)
}
