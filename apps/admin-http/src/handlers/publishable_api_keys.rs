//! `/admin/publishable-api-keys`.

use actix_web::HttpRequest;
use medusa_sales_channel::{
    sales_channel_ids_from_body, sales_channel_search, KeyTitle, PUBLISHABLE_API_KEY_LIST,
};

use crate::{
    handlers::{deleted, list_plan, list_response, wrapped, Answer, Body, Id, State},
    middleware::auth::Caller,
};

/// `GET /admin/publishable-api-keys`
pub async fn list_publishable_api_keys(state: State, req: HttpRequest) -> Answer {
    let plan = list_plan(&req, &state, &PUBLISHABLE_API_KEY_LIST)?;
    let page = state.publishable_api_keys.list(&plan).await?;
    list_response(page, &plan)
}

/// `GET /admin/publishable-api-keys/{id}`
pub async fn get_publishable_api_key(state: State, id: Id) -> Answer {
    wrapped(
        "publishable_api_key",
        state.publishable_api_keys.retrieve(&id).await?,
    )
}

/// `POST /admin/publishable-api-keys`
pub async fn create_publishable_api_key(state: State, caller: Caller, body: Body) -> Answer {
    let title = KeyTitle::from_create_body(body.0)?.0.unwrap_or_default();
    wrapped(
        "publishable_api_key",
        state
            .publishable_api_keys
            .create(&title, &caller.0.user_id)
            .await?,
    )
}

/// `POST /admin/publishable-api-keys/{id}`
pub async fn update_publishable_api_key(state: State, id: Id, body: Body) -> Answer {
    let KeyTitle(title) = KeyTitle::from_update_body(body.0)?;
    wrapped(
        "publishable_api_key",
        state
            .publishable_api_keys
            .update(&id, title.as_deref())
            .await?,
    )
}

/// `POST /admin/publishable-api-keys/{id}/revoke`
pub async fn revoke_publishable_api_key(state: State, id: Id, caller: Caller) -> Answer {
    wrapped(
        "publishable_api_key",
        state
            .publishable_api_keys
            .revoke(&id, &caller.0.user_id)
            .await?,
    )
}

/// `DELETE /admin/publishable-api-keys/{id}`
pub async fn delete_publishable_api_key(state: State, id: Id) -> Answer {
    state.publishable_api_keys.delete(&id).await?;
    Ok(deleted(&id, "publishable_api_key"))
}

/// `GET /admin/publishable-api-keys/{id}/sales-channels`
pub async fn list_publishable_api_key_sales_channels(
    state: State,
    id: Id,
    req: HttpRequest,
) -> Answer {
    let q = sales_channel_search(req.query_string())?;
    wrapped(
        "sales_channels",
        state
            .publishable_api_keys
            .list_sales_channels(&id, q.as_deref())
            .await?,
    )
}

/// `POST /admin/publishable-api-keys/{id}/sales-channels/batch`
pub async fn add_publishable_api_key_sales_channels(state: State, id: Id, body: Body) -> Answer {
    wrapped(
        "publishable_api_key",
        state
            .publishable_api_keys
            .add_sales_channels(&id, &sales_channel_ids_from_body(body.0)?)
            .await?,
    )
}

/// `DELETE /admin/publishable-api-keys/{id}/sales-channels/batch`
pub async fn remove_publishable_api_key_sales_channels(state: State, id: Id, body: Body) -> Answer {
    wrapped(
        "publishable_api_key",
        state
            .publishable_api_keys
            .remove_sales_channels(&id, &sales_channel_ids_from_body(body.0)?)
            .await?,
    )
}
