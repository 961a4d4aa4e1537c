//! Requesting a return of an order's lines (`POST /admin/orders/{id}/return`), as Medusa's
//! route and `ReturnService.create` / `fulfill` do it, inside the caller's transaction.

use medusa_cart::{method_tax_line_row, Rate};
use medusa_core::new_row::stamped;
use medusa_core::{generate_id, time, Error, Result};
use medusa_entity::sea_orm_active_enums::ReturnStatusEnum;
use medusa_entity::{
    claim_order, line_item, order, r#return, return_item, return_reason, shipping_method,
    shipping_option, shipping_tax_rate, swap, tax_rate,
};
use medusa_events::record_event;
use medusa_load::{by_key, live, live_or, Connection, Reader};
use medusa_totals::legacy;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde_json::json;

use super::facts::OrderFacts;
use super::receive::receive_in;
use super::rules::{check_returnable, custom_refund, requested_refund, return_shipping_total};
use crate::events::ReturnRequested;
use crate::input::{RequestReturn, ReturnItemInput, ReturnShipping};

/// Creates the return, its lines and its shipping method, records `order.return_requested`,
/// and receives it at once with `receive_now`. Gives the return's id.
pub async fn request_return_in<C: Connection>(
    conn: &C,
    order_id: &str,
    input: &RequestReturn,
) -> Result<String> {
    // The route reads the order for its `no_notification` when the body has none.
    let no_notification = match input.no_notification {
        Some(value) => Some(value),
        None => {
            order::Entity::find_by_id(order_id)
                .one(conn)
                .await?
                .ok_or_else(|| Error::not_found(format!("Order with id {order_id} was not found")))?
                .no_notification
        }
    };
    let new = NewReturn {
        order_id,
        claim_order_id: None,
        swap_id: None,
        items: &input.items,
        return_shipping: input.return_shipping.as_ref(),
        refund_amount: custom_refund(input.refund),
        no_notification,
        location_id: match &input.location_id {
            Some(_) if medusa_inventory::fulfillment::inventory_on_in(conn).await? => {
                input.location_id.clone()
            }
            _ => None,
        },
    };
    let ret = create_return_in(conn, &new).await?;
    record_event(
        conn,
        &ReturnRequested {
            id: order_id.to_owned(),
            return_id: ret.id.clone(),
            no_notification,
        },
    )
    .await?;

    if input.receive_now {
        let received: Vec<(String, i64)> = input
            .items
            .iter()
            .map(|i| (i.item_id.clone(), i.quantity))
            .collect();
        // The route passes the body's refund as it is (a negative one included).
        receive_in(conn, &ret.id, &received, input.refund, false, None).await?;
    }
    Ok(ret.id)
}

/// What Medusa's `ReturnService.create` is given: the order (and the claim, for a claim's
/// return), the lines, the return shipping, and the refund when the caller decided it.
#[derive(Debug, Clone)]
pub struct NewReturn<'a> {
    pub order_id: &'a str,
    pub claim_order_id: Option<&'a str>,
    /// The swap whose return this is.
    pub swap_id: Option<&'a str>,
    pub items: &'a [ReturnItemInput],
    pub return_shipping: Option<&'a ReturnShipping>,
    /// `Some`: stored as it is; `None`: the legacy line refunds, less the return shipping.
    pub refund_amount: Option<i64>,
    pub no_notification: Option<bool>,
    pub location_id: Option<String>,
}

/// `ReturnService.create` (and `fulfill`'s shipping data): the return row, its lines and its
/// shipping method with tax lines, checked as Medusa checks them. Records no event.
pub async fn create_return_in<C: Connection>(
    conn: &C,
    new: &NewReturn<'_>,
) -> Result<r#return::Model> {
    let ids: Vec<String> = new.items.iter().map(|i| i.item_id.clone()).collect();
    check_not_canceled(
        conn,
        &ids,
        true,
        "Cannot create a return for a canceled item.",
    )
    .await?;
    let facts = OrderFacts::load(conn, new.order_id).await?;
    let mut lines = Vec::with_capacity(new.items.len());
    for item in new.items {
        check_returnable(facts.returnable(&item.item_id), item.quantity)?;
        if let Some(line) = facts.line(&item.item_id) {
            lines.push(line.clone());
        }
    }
    let custom = new.refund_amount;
    let line_refunds = match custom {
        Some(_) => 0,
        None => {
            let refunded: Vec<_> = new
                .items
                .iter()
                .zip(&lines)
                .map(|(item, line)| facts.totals_line(line, item.quantity))
                .collect();
            let order_input = facts.totals_input(false);
            legacy::refund_total(&order_input, &refunded)
                .map_err(|err| Error::invalid_data(err.to_string()))?
        }
    };
    check_reasons(conn, new.items).await?;

    let now = time::now();
    let ret = r#return::ActiveModel {
        id: Set(generate_id("ret")),
        status: Set(ReturnStatusEnum::Requested),
        swap_id: Set(new.swap_id.map(str::to_owned)),
        // A swap's return names the swap only, as Medusa stores it.
        order_id: Set(new.swap_id.is_none().then(|| new.order_id.to_owned())),
        shipping_data: Set(None),
        refund_amount: Set(to_i32(requested_refund(custom, line_refunds, None))?),
        received_at: Set(None),
        // The key Medusa's idempotency layer generates for a request without one.
        idempotency_key: Set(new
            .swap_id
            .is_none()
            .then(|| uuid::Uuid::new_v4().to_string())),
        claim_order_id: Set(new.claim_order_id.map(str::to_owned)),
        no_notification: Set(new.no_notification),
        location_id: Set(new.location_id.clone()),
        ..stamped(now)
    }
    .insert(conn)
    .await?;
    for (item, line) in new.items.iter().zip(&lines) {
        return_item::ActiveModel {
            return_id: Set(ret.id.clone()),
            item_id: Set(item.item_id.clone()),
            quantity: Set(to_i32(item.quantity)?),
            is_requested: Set(true),
            requested_quantity: Set(Some(to_i32(item.quantity)?)),
            received_quantity: Set(None),
            metadata: Set(line.metadata.clone()),
            reason_id: Set(item.reason_id.clone()),
            note: Set(item.note.clone()),
        }
        .insert(conn)
        .await?;
    }

    let mut ret = ret;
    if let Some(shipping) = new.return_shipping {
        let shipping_total = add_shipping_method(conn, &facts, &ret.id, shipping).await?;
        if let Some(total) = shipping_total {
            let mut row = ret.clone().into_active_model();
            if custom.is_none() {
                row.refund_amount = Set(to_i32(requested_refund(None, line_refunds, Some(total)))?);
            }
            // `fulfill`: the provider's return data (the shipped providers give `{}`).
            row.shipping_data = Set(Some(json!({})));
            row.updated_at = Set(time::now());
            ret = row.update(conn).await?;
        }
    }
    Ok(ret)
}

pub(crate) fn to_i32(value: i64) -> Result<i32> {
    i32::try_from(value).map_err(|_| Error::invalid_data(format!("{value} is out of range")))
}

/// The first check of a return's or a claim's `create`: no line belongs to a canceled order,
/// swap or claim (`message` then). A return's lines must all exist (`missing_is_error`); a
/// claim's check skips the missing ones, which a later check finds.
pub(crate) async fn check_not_canceled<C: Connection>(
    conn: &C,
    ids: &[String],
    missing_is_error: bool,
    message: &str,
) -> Result<()> {
    let ids = ids.to_vec();
    let mut reader = Reader::new(conn).await?;
    let lines = by_key(
        &mut reader,
        line_item::Entity::find(),
        line_item::Column::Id,
        ids.clone(),
    )
    .await?;
    let orders = by_key(
        &mut reader,
        order::Entity::find(),
        order::Column::Id,
        lines.values().filter_map(|l| l.order_id.clone()),
    )
    .await?;
    let swaps = by_key(
        &mut reader,
        live::<swap::Entity>(),
        swap::Column::Id,
        lines.values().filter_map(|l| l.swap_id.clone()),
    )
    .await?;
    let claims = by_key(
        &mut reader,
        live::<claim_order::Entity>(),
        claim_order::Column::Id,
        lines.values().filter_map(|l| l.claim_order_id.clone()),
    )
    .await?;
    for id in &ids {
        let Some(line) = lines.get(id) else {
            if missing_is_error {
                return Err(Error::not_found(format!(
                    "Line item with {id} was not found"
                )));
            }
            continue;
        };
        let canceled = line
            .order_id
            .as_ref()
            .and_then(|o| orders.get(o))
            .is_some_and(|o| o.canceled_at.is_some())
            || line
                .swap_id
                .as_ref()
                .and_then(|s| swaps.get(s))
                .is_some_and(|s| s.canceled_at.is_some())
            || line
                .claim_order_id
                .as_ref()
                .and_then(|c| claims.get(c))
                .is_some_and(|c| c.canceled_at.is_some());
        if canceled {
            return Err(Error::invalid_data(message));
        }
    }
    Ok(())
}

/// A return line may not name a reason that has child reasons (a category).
async fn check_reasons<C: Connection>(conn: &C, items: &[ReturnItemInput]) -> Result<()> {
    let ids: Vec<String> = items.iter().filter_map(|i| i.reason_id.clone()).collect();
    if ids.is_empty() {
        return Ok(());
    }
    let categories = live::<return_reason::Entity>()
        .filter(return_reason::Column::ParentReturnReasonId.is_in(ids))
        .one(conn)
        .await?;
    if categories.is_some() {
        return Err(Error::invalid_data("Cannot apply return reason category"));
    }
    Ok(())
}

/// `createShippingMethod` for the return with its tax lines (the option's rates, else the
/// region's default rate); gives the return shipping total, or `None` without an option.
async fn add_shipping_method<C: Connection>(
    conn: &C,
    facts: &OrderFacts,
    return_id: &str,
    shipping: &ReturnShipping,
) -> Result<Option<i64>> {
    let Some(option_id) = &shipping.option_id else {
        return Ok(None);
    };
    let option = live_or::<shipping_option::Entity, _>(conn, option_id, || {
        Error::not_found(format!("Shipping Option with {option_id} was not found"))
    })
    .await?;
    let price = match shipping.price {
        Some(price) => price,
        None => i64::from(option.amount.unwrap_or(0)),
    };
    let method = shipping_method::ActiveModel {
        id: Set(generate_id("sm")),
        shipping_option_id: Set(option.id.clone()),
        order_id: Set(None),
        cart_id: Set(None),
        swap_id: Set(None),
        return_id: Set(Some(return_id.to_owned())),
        price: Set(to_i32(price)?),
        data: Set(json!({})),
        claim_order_id: Set(None),
    }
    .insert(conn)
    .await?;
    let links = shipping_tax_rate::Entity::find()
        .filter(shipping_tax_rate::Column::ShippingOptionId.eq(option.id.clone()))
        .all(conn)
        .await?;
    let mut rates: Vec<(f64, String, Option<String>)> = Vec::new();
    if !links.is_empty() {
        let ids: Vec<String> = links.iter().map(|l| l.rate_id.clone()).collect();
        for rate in tax_rate::Entity::find()
            .filter(tax_rate::Column::Id.is_in(ids))
            .all(conn)
            .await?
        {
            rates.push((f64::from(rate.rate.unwrap_or(0.0)), rate.name, rate.code));
        }
    }
    if rates.is_empty() {
        let default = facts.region.as_ref().map_or(0.0, |r| f64::from(r.tax_rate));
        rates.push((default, "default".into(), Some("default".into())));
    }
    let now = time::now();
    for (rate, name, code) in &rates {
        #[allow(clippy::cast_possible_truncation)]
        let rate = Rate {
            rate: *rate as f32,
            name: name.clone(),
            code: code.clone(),
        };
        method_tax_line_row(&method.id, rate, now)
            .insert(conn)
            .await?;
    }
    let percentages: Vec<f64> = rates.iter().map(|(r, _, _)| *r).collect();
    Ok(Some(return_shipping_total(price, &percentages, false)))
}
