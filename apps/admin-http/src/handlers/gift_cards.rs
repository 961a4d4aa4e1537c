//! `/admin/gift-cards`.

use actix_web::HttpRequest;
use medusa_discount::{CreateGiftCard, UpdateGiftCard, GIFT_CARD_LIST, GIFT_CARD_RETRIEVE};
use medusa_query_dsl::Selection;

use crate::{
    error::ApiResult,
    handlers::{deleted, list_plan, list_response, wrapped, Answer, Body, Id, State},
};

/// Medusa reads no query on the single gift card routes: always the default fields and
/// relations.
fn defaults() -> ApiResult<Selection> {
    Ok(medusa_query_dsl::plan_retrieve(
        &GIFT_CARD_RETRIEVE,
        &medusa_query_dsl::RawQuery::default(),
    )?)
}

fn shaped(card: medusa_discount::GiftCardView, selection: &Selection) -> Answer {
    let mut value = serde_json::to_value(card)
        .map_err(|e| medusa_core::Error::UnexpectedState(e.to_string()))?;
    selection.shape(&mut value);
    wrapped("gift_card", value)
}

/// `GET /admin/gift-cards`
pub async fn list_gift_cards(state: State, req: HttpRequest) -> Answer {
    let plan = list_plan(&req, &state, &GIFT_CARD_LIST)?;
    let page = state.gift_cards.list(&plan).await?;
    list_response(page, &plan)
}

/// `POST /admin/gift-cards`
pub async fn create_gift_card(state: State, body: Body) -> Answer {
    let selection = defaults()?;
    let input = CreateGiftCard::from_body(body.0)?;
    shaped(
        state.gift_cards.create(input, &selection).await?,
        &selection,
    )
}

/// `GET /admin/gift-cards/{id}`
pub async fn get_gift_card(state: State, id: Id) -> Answer {
    let selection = defaults()?;
    shaped(
        state.gift_cards.retrieve(&id, &selection).await?,
        &selection,
    )
}

/// `POST /admin/gift-cards/{id}`
pub async fn update_gift_card(state: State, id: Id, body: Body) -> Answer {
    let selection = defaults()?;
    let input = UpdateGiftCard::from_body(body.0)?;
    shaped(
        state.gift_cards.update(&id, input, &selection).await?,
        &selection,
    )
}

/// `DELETE /admin/gift-cards/{id}`
pub async fn delete_gift_card(state: State, id: Id) -> Answer {
    state.gift_cards.delete(&id).await?;
    Ok(deleted(&id, "gift-card"))
}
