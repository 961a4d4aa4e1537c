//! `/admin/orders` (reads).

use actix_web::{web, HttpRequest, HttpResponse};
use medusa_core::flags::Flag;
use medusa_order::{plan_order_list, plan_order_retrieve};

use crate::{error::ApiResult, handlers::wrapped, state::AppState};

/// `GET /admin/orders`
pub async fn list_orders(state: web::Data<AppState>, req: HttpRequest) -> ApiResult<HttpResponse> {
    let sales_channels = state.flags.is_enabled(Flag::SalesChannels);
    let query = plan_order_list(req.query_string(), state.backend, sales_channels)?;
    let page = state.orders.list(&query).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// `GET /admin/orders/{id}`
pub async fn get_order(
    state: web::Data<AppState>,
    id: web::Path<String>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let sales_channels = state.flags.is_enabled(Flag::SalesChannels);
    let query = plan_order_retrieve(req.query_string(), sales_channels)?;
    wrapped("order", state.orders.retrieve(&id, &query).await?)
}
