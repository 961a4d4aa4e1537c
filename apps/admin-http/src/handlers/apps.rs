//! `/admin/apps`: the OAuth applications plugins register, and their authorizations.

use actix_web::HttpResponse;
use medusa_store::apps::AuthorizeApp;
use serde_json::{json, Value};

use crate::extract::JsonBody;
use crate::handlers::{Answer, State};

/// `GET /admin/apps`
pub async fn list_apps(state: State) -> Answer {
    let apps = state.apps.list().await?;
    Ok(HttpResponse::Ok().json(json!({ "apps": apps })))
}

/// `POST /admin/apps/authorizations`
pub async fn authorize_app(state: State, JsonBody(body): JsonBody<Value>) -> Answer {
    let input = AuthorizeApp::from_body(body)?;
    let app = state.apps.authorize(input).await?;
    Ok(HttpResponse::Ok().json(json!({ "apps": app })))
}
