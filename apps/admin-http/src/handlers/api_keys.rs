//! `/admin/api-keys`: the v2 API's secret admin keys. The token is in the answer to the
//! create call only.

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_auth::api_keys::API_KEY_LIST;
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::{
    error::ApiResult,
    extract::ValidJson,
    handlers::{deleted, list_plan, list_response, wrapped},
    middleware::auth::Caller,
    state::AppState,
};

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateApiKeyBody {
    #[validate(
        required(message = "title must be a string"),
        length(min = 1, message = "title should not be empty")
    )]
    title: Option<String>,
    /// Only `secret`: publishable keys are the v1 `/admin/publishable-api-keys` resource.
    #[serde(rename = "type")]
    #[validate(custom(function = "secret_only"))]
    key_type: Option<String>,
}

fn secret_only(value: &str) -> Result<(), validator::ValidationError> {
    if value == "secret" {
        Ok(())
    } else {
        Err(validator::ValidationError::new("type")
            .with_message("type must be one of the following values: secret".into()))
    }
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct UpdateApiKeyBody {
    #[validate(
        required(message = "title must be a string"),
        length(min = 1, message = "title should not be empty")
    )]
    title: Option<String>,
}

/// The key as created, with the one-time token beside its stored fields.
#[derive(Serialize)]
struct CreatedKey<'a> {
    #[serde(flatten)]
    key: &'a medusa_entity::secret_api_key::Model,
    token: &'a str,
}

/// `GET /admin/api-keys`
pub async fn list_api_keys(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let plan = list_plan(&req, &state, &API_KEY_LIST)?;
    let page = state.api_keys.list(&plan).await?;
    list_response(page, &plan)
}

/// `POST /admin/api-keys`
pub async fn create_api_key(
    state: web::Data<AppState>,
    caller: Caller,
    body: ValidJson<CreateApiKeyBody>,
) -> ApiResult<HttpResponse> {
    let title = body.0.title.unwrap_or_default();
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
pub async fn get_api_key(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    wrapped("api_key", state.api_keys.retrieve(&id).await?)
}

/// `POST /admin/api-keys/{id}`
pub async fn update_api_key(
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: ValidJson<UpdateApiKeyBody>,
) -> ApiResult<HttpResponse> {
    let title = body.0.title.unwrap_or_default();
    wrapped("api_key", state.api_keys.update(&id, &title).await?)
}

/// `POST /admin/api-keys/{id}/revoke`
pub async fn revoke_api_key(
    state: web::Data<AppState>,
    id: web::Path<String>,
    caller: Caller,
) -> ApiResult<HttpResponse> {
    wrapped(
        "api_key",
        state.api_keys.revoke(&id, &caller.0.user_id).await?,
    )
}

/// `DELETE /admin/api-keys/{id}`
pub async fn delete_api_key(
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> ApiResult<HttpResponse> {
    state.api_keys.delete(&id).await?;
    Ok(deleted(&id, "api_key"))
}
