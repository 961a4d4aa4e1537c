//! `/admin/return-reasons`: return reasons and their child reasons.

use medusa_returns::{CreateReturnReason, UpdateReturnReason};

use crate::handlers::{deleted, wrapped, Answer, Body, Id, State};

/// `GET /admin/return-reasons`: top-level reasons with their children, not paginated.
pub async fn list_return_reasons(state: State) -> Answer {
    wrapped("return_reasons", state.return_reasons.list().await?)
}

/// `GET /admin/return-reasons/{id}`
pub async fn get_return_reason(state: State, id: Id) -> Answer {
    wrapped("return_reason", state.return_reasons.retrieve(&id).await?)
}

/// `POST /admin/return-reasons`
pub async fn create_return_reason(state: State, body: Body) -> Answer {
    let input = CreateReturnReason::from_body(body.0)?;
    wrapped("return_reason", state.return_reasons.create(input).await?)
}

/// `POST /admin/return-reasons/{id}`
pub async fn update_return_reason(state: State, id: Id, body: Body) -> Answer {
    let input = UpdateReturnReason::from_body(body.0)?;
    wrapped(
        "return_reason",
        state.return_reasons.update(&id, input).await?,
    )
}

/// `DELETE /admin/return-reasons/{id}`
pub async fn delete_return_reason(state: State, id: Id) -> Answer {
    state.return_reasons.delete(&id).await?;
    Ok(deleted(&id, "return_reason"))
}
