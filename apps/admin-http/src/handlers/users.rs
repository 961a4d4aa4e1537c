//! `/admin/users`: admin accounts, and the public password-reset pair.

use actix_web::{HttpRequest, HttpResponse};
use medusa_auth::{
    users::{CreateUser, USER_LIST},
    PasswordTokenRequest, ResetPassword, UpdateUser,
};

use crate::handlers::{deleted, list_plan, list_response, wrapped, Answer, Body, Id, State};

/// `GET /admin/users`
pub async fn list_users(state: State, req: HttpRequest) -> Answer {
    let plan = list_plan(&req, &state, &USER_LIST)?;
    let page = state.users.list(&plan).await?;
    list_response(page, &plan)
}

/// `GET /admin/users/{id}`
pub async fn get_user(state: State, id: Id) -> Answer {
    wrapped("user", state.users.retrieve(&id).await?)
}

/// `POST /admin/users`
pub async fn create_user(state: State, body: Body) -> Answer {
    let user = state.users.create(CreateUser::from_body(body.0)?).await?;
    wrapped("user", user)
}

/// `POST /admin/users/{id}`
pub async fn update_user(state: State, id: Id, body: Body) -> Answer {
    let user = state
        .users
        .update(&id, UpdateUser::from_body(body.0)?)
        .await?;
    wrapped("user", user)
}

/// `DELETE /admin/users/{id}`
pub async fn delete_user(state: State, id: Id) -> Answer {
    state.users.delete(&id).await?;
    Ok(deleted(&id, "user"))
}

/// `POST /admin/users/password-token`: always 204, whether or not the account exists, so the
/// route does not reveal which emails have accounts.
pub async fn request_password_reset(state: State, body: Body) -> Answer {
    let PasswordTokenRequest { email } = PasswordTokenRequest::from_body(body.0)?;
    state.users.request_password_reset(&email).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// `POST /admin/users/reset-password`
pub async fn reset_password(state: State, body: Body) -> Answer {
    let body = ResetPassword::from_body(body.0)?;
    let user = state
        .users
        .reset_password(&body.token, &body.password, body.email.as_deref())
        .await?;
    wrapped("user", user)
}
