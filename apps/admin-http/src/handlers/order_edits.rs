//! `/admin/order-edits`: each route answers the edit as Medusa's default fields and relations
//! show it, with its totals (Medusa registers these routes whatever `order_editing` says).

use actix_web::{HttpRequest, HttpResponse};
use medusa_order_edit::{
    plan_order_edit_retrieve, AddLineItem, CreateOrderEdit, RequestConfirmation, UpdateLineItem,
    UpdateOrderEdit, ORDER_EDIT_LIST,
};

use crate::{
    handlers::{deleted, list_plan, wrapped, Answer, Body, Id, Ids, State},
    middleware::auth::Caller,
};

/// `GET /admin/order-edits`
pub async fn list_order_edits(state: State, req: HttpRequest) -> Answer {
    let plan = list_plan(&req, &state, &ORDER_EDIT_LIST)?;
    let page = state.order_edits.list(&plan).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// `POST /admin/order-edits`
pub async fn create_order_edit(state: State, caller: Caller, body: Body) -> Answer {
    let input = CreateOrderEdit::from_body(body.0)?;
    let edit = state.order_edits.create(&input, &caller.0.user_id).await?;
    wrapped("order_edit", edit)
}

/// `GET /admin/order-edits/{id}`
pub async fn get_order_edit(state: State, id: Id, req: HttpRequest) -> Answer {
    let selection = plan_order_edit_retrieve(req.query_string())?;
    wrapped(
        "order_edit",
        state.order_edits.retrieve(&id, &selection).await?,
    )
}

/// `POST /admin/order-edits/{id}`
pub async fn update_order_edit(state: State, id: Id, body: Body) -> Answer {
    let input = UpdateOrderEdit::from_body(body.0)?;
    wrapped("order_edit", state.order_edits.update(&id, &input).await?)
}

/// `DELETE /admin/order-edits/{id}`
pub async fn delete_order_edit(state: State, id: Id) -> Answer {
    state.order_edits.delete(&id).await?;
    Ok(deleted(&id, "order_edit"))
}

/// `POST /admin/order-edits/{id}/cancel`
pub async fn cancel_order_edit(state: State, caller: Caller, id: Id) -> Answer {
    let edit = state.order_edits.cancel(&id, &caller.0.user_id).await?;
    wrapped("order_edit", edit)
}

/// `POST /admin/order-edits/{id}/confirm`
pub async fn confirm_order_edit(state: State, caller: Caller, id: Id) -> Answer {
    let edit = state.order_edits.confirm(&id, &caller.0.user_id).await?;
    wrapped("order_edit", edit)
}

/// `POST /admin/order-edits/{id}/request`
pub async fn request_order_edit(state: State, caller: Caller, id: Id, body: Body) -> Answer {
    let input = RequestConfirmation::from_body(body.0)?;
    let edit = state
        .order_edits
        .request(&id, &caller.0.user_id, &input)
        .await?;
    wrapped("order_edit", edit)
}

/// `POST /admin/order-edits/{id}/items`
pub async fn add_order_edit_item(state: State, id: Id, body: Body) -> Answer {
    let input = AddLineItem::from_body(body.0)?;
    wrapped("order_edit", state.order_edits.add_item(&id, &input).await?)
}

/// `POST /admin/order-edits/{id}/items/{item_id}`
pub async fn update_order_edit_item(state: State, path: Ids, body: Body) -> Answer {
    let (id, item_id) = path.into_inner();
    let input = UpdateLineItem::from_body(body.0)?;
    let edit = state.order_edits.update_item(&id, &item_id, &input).await?;
    wrapped("order_edit", edit)
}

/// `DELETE /admin/order-edits/{id}/items/{item_id}`
pub async fn delete_order_edit_item(state: State, path: Ids) -> Answer {
    let (id, item_id) = path.into_inner();
    wrapped(
        "order_edit",
        state.order_edits.remove_item(&id, &item_id).await?,
    )
}

/// `DELETE /admin/order-edits/{id}/changes/{change_id}`
pub async fn delete_order_edit_change(state: State, path: Ids) -> Answer {
    let (id, change_id) = path.into_inner();
    state.order_edits.delete_change(&id, &change_id).await?;
    Ok(deleted(&change_id, "item_change"))
}
