//! `/admin/price-lists`: price lists, their prices and their products.

use actix_web::{HttpRequest, HttpResponse};
use medusa_pricing::{
    ids_from_body, plan_products, AddPrices, CreatePriceList, PriceListQuery, UpdatePriceList,
};
use serde_json::json;

use crate::handlers::{wrapped, Answer, Body, Id, Ids, State};

/// Medusa's answer to a deletion of prices: `{ids, object: "money-amount", deleted: true}`.
fn deleted_prices(ids: &[String]) -> HttpResponse {
    HttpResponse::Ok().json(json!({ "ids": ids, "object": "money-amount", "deleted": true }))
}

/// `GET /admin/price-lists`
pub async fn list_price_lists(state: State, req: HttpRequest) -> Answer {
    let query = PriceListQuery::parse(req.query_string(), state.backend)?;
    let page = state.price_lists.list(&query).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// `GET /admin/price-lists/{id}`: Medusa reads no query parameter here.
pub async fn get_price_list(state: State, id: Id) -> Answer {
    wrapped("price_list", state.price_lists.retrieve(&id).await?)
}

/// `GET /admin/price-lists/{id}/products`
pub async fn list_price_list_products(state: State, req: HttpRequest, id: Id) -> Answer {
    let query = plan_products(&id, req.query_string(), state.backend)?;
    let page = state.price_lists.list_products(&id, &query).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// `POST /admin/price-lists`
pub async fn create_price_list(state: State, body: Body) -> Answer {
    let input = CreatePriceList::from_body_with(body.0, state.flags)?;
    wrapped("price_list", state.price_lists.create(input).await?)
}

/// `POST /admin/price-lists/{id}`
pub async fn update_price_list(state: State, id: Id, body: Body) -> Answer {
    let input = UpdatePriceList::from_body_with(body.0, state.flags)?;
    wrapped("price_list", state.price_lists.update(&id, input).await?)
}

/// `DELETE /admin/price-lists/{id}`
pub async fn delete_price_list(state: State, id: Id) -> Answer {
    state.price_lists.delete(&id).await?;
    Ok(crate::handlers::deleted(&id, "price-list"))
}

/// `POST /admin/price-lists/{id}/prices/batch`
pub async fn add_price_list_prices(state: State, id: Id, body: Body) -> Answer {
    let input = AddPrices::from_body(body.0)?;
    wrapped(
        "price_list",
        state.price_lists.add_prices(&id, input).await?,
    )
}

/// `DELETE /admin/price-lists/{id}/prices/batch`: answers with the ids it was given.
pub async fn delete_price_list_prices(state: State, id: Id, body: Body) -> Answer {
    let price_ids = ids_from_body(body.0, "price_ids")?;
    state.price_lists.delete_prices(&id, &price_ids).await?;
    Ok(deleted_prices(&price_ids))
}

/// `DELETE /admin/price-lists/{id}/products/prices/batch`
pub async fn delete_price_list_products_prices(state: State, id: Id, body: Body) -> Answer {
    let product_ids = ids_from_body(body.0, "product_ids")?;
    let ids = state
        .price_lists
        .delete_product_prices(&id, &product_ids)
        .await?;
    Ok(deleted_prices(&ids))
}

/// `DELETE /admin/price-lists/{id}/products/{product_id}/prices`
pub async fn delete_price_list_product_prices(state: State, path: Ids) -> Answer {
    let (id, product_id) = path.into_inner();
    let ids = state
        .price_lists
        .delete_product_prices(&id, &[product_id])
        .await?;
    Ok(deleted_prices(&ids))
}

/// `DELETE /admin/price-lists/{id}/variants/{variant_id}/prices`
pub async fn delete_price_list_variant_prices(state: State, path: Ids) -> Answer {
    let (id, variant_id) = path.into_inner();
    let ids = state
        .price_lists
        .delete_variant_prices(&id, &[variant_id])
        .await?;
    Ok(deleted_prices(&ids))
}
