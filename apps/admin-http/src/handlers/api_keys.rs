//! `/admin/api-keys`: the v2 API's secret admin keys. The token is in the answer to the
//! create call only.

use actix_web::HttpRequest;
use medusa_auth::{api_keys::API_KEY_LIST, ApiKeyTitle};
use serde::Serialize;

use crate::{
    handlers::{deleted, list_plan, list_response, wrapped, Answer, Body, Id, State},
    middleware::auth::Caller,
};

/// The key as created, with the one-time token beside its stored fields.
#[derive(Serialize)]
struct CreatedKey<'a> {
    #[serde(flatten)]
    key: &'a medusa_entity::secret_api_key::Model,
    token: &'a str,
}

/// `GET /admin/api-keys`
pub async fn list_api_keys(state: State, req: HttpRequest) -> Answer {
    let plan = list_plan(&req, &state, &API_KEY_LIST)?;
    let page = state.api_keys.list(&plan).await?;
    list_response(page, &plan)
}

/// `POST /admin/api-keys`
pub async fn create_api_key(state: State, caller: Caller, body: Body) -> Answer {
    let ApiKeyTitle(title) = ApiKeyTitle::from_create_body(body.0)?;
    let created = state.api_keys.create(&title, &caller.0.user_id).await?;
    wrapped(
        "api_key",
        CreatedKey {
            key: &created.key,
            token: &created.token,
        },
    )
}

/// `GET /admin/api-keys/{id}`
pub async fn get_api_key(state: State, id: Id) -> Answer {
    wrapped("api_key", state.api_keys.retrieve(&id).await?)
}

/// `POST /admin/api-keys/{id}`
pub async fn update_api_key(state: State, id: Id, body: Body) -> Answer {
    let ApiKeyTitle(title) = ApiKeyTitle::from_update_body(body.0)?;
    wrapped("api_key", state.api_keys.update(&id, &title).await?)
}

/// `POST /admin/api-keys/{id}/revoke`
pub async fn revoke_api_key(state: State, id: Id, caller: Caller) -> Answer {
    wrapped(
        "api_key",
        state.api_keys.revoke(&id, &caller.0.user_id).await?,
    )
}

/// `DELETE /admin/api-keys/{id}`
pub async fn delete_api_key(state: State, id: Id) -> Answer {
    state.api_keys.delete(&id).await?;
    Ok(deleted(&id, "api_key"))
}
