//! `/admin/draft-orders`: each handler reads its body through `medusa-draft-order`'s request
//! classes and calls the draft-order service; every single-draft answer is the draft with its
//! cart and the cart's totals.

use actix_web::{HttpRequest, HttpResponse};
use medusa_draft_order::{
    AddLineItem, CreateDraftOrder, DraftListQuery, UpdateDraftOrder, UpdateLineItem,
};
use medusa_order::plan_order_retrieve;

use crate::handlers::{wrapped, Answer, Body, Id, Ids, State};

/// `GET /admin/draft-orders`
pub async fn list_draft_orders(state: State, req: HttpRequest) -> Answer {
    let query = DraftListQuery::parse(req.query_string())?;
    let page = state.draft_orders.list(&query).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// `POST /admin/draft-orders`
pub async fn create_draft_order(state: State, body: Body) -> Answer {
    let input = CreateDraftOrder::from_body(body.0)?;
    wrapped("draft_order", state.draft_orders.create(input).await?)
}

/// `GET /admin/draft-orders/{id}`
pub async fn get_draft_order(state: State, id: Id) -> Answer {
    wrapped("draft_order", state.draft_orders.retrieve(&id).await?)
}

/// `POST /admin/draft-orders/{id}`
pub async fn update_draft_order(state: State, id: Id, body: Body) -> Answer {
    let input = UpdateDraftOrder::from_body(body.0)?;
    wrapped("draft_order", state.draft_orders.update(&id, input).await?)
}

/// `DELETE /admin/draft-orders/{id}`
pub async fn delete_draft_order(state: State, id: Id) -> Answer {
    Ok(HttpResponse::Ok().json(state.draft_orders.delete(&id).await?))
}

/// `POST /admin/draft-orders/{id}/line-items`
pub async fn add_draft_order_line_item(state: State, id: Id, body: Body) -> Answer {
    let input = AddLineItem::from_body(body.0)?;
    wrapped(
        "draft_order",
        state.draft_orders.add_line_item(&id, input).await?,
    )
}

/// `POST /admin/draft-orders/{id}/line-items/{line_id}`
pub async fn update_draft_order_line_item(state: State, path: Ids, body: Body) -> Answer {
    let (id, line_id) = path.into_inner();
    let input = UpdateLineItem::from_body(body.0)?;
    wrapped(
        "draft_order",
        state
            .draft_orders
            .update_line_item(&id, &line_id, input)
            .await?,
    )
}

/// `DELETE /admin/draft-orders/{id}/line-items/{line_id}`
pub async fn delete_draft_order_line_item(state: State, path: Ids) -> Answer {
    let (id, line_id) = path.into_inner();
    wrapped(
        "draft_order",
        state.draft_orders.delete_line_item(&id, &line_id).await?,
    )
}

/// `POST /admin/draft-orders/{id}/pay`: the order with Medusa's default order fields and
/// relations (the route reads no query, and its defaults never name the sales channel).
pub async fn pay_draft_order(state: State, id: Id) -> Answer {
    let answer = plan_order_retrieve("", false)?;
    wrapped("order", state.draft_orders.pay(&id, &answer).await?)
}
