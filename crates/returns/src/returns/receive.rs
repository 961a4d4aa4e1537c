//! Receiving a return (`ReturnService.receive`), registering it on its order
//! (`OrderService.registerReturnReceived`) and canceling one, inside the caller's transaction.

use medusa_core::new_row::stamped;
use medusa_core::{generate_id, time, Error, Result};
use medusa_entity::sea_orm_active_enums::{
    OrderFulfillmentStatusEnum, OrderStatusEnum, RefundReasonEnum, ReturnStatusEnum,
};
use medusa_entity::{
    claim_order, line_item, payment, product_variant, r#return, refund, return_item, swap,
};
use medusa_events::record_event;
use medusa_load::{all_in_insertion_order, Connection};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde_json::json;

use super::facts::OrderFacts;
use super::request::to_i32;
use super::rules::{
    check_no_line_dropped, receipt_outcome, received_lines, spread_refund, status_after_receipt,
    ReceiptOutcome, Returnable,
};
use crate::claims::add_stock_in;
use crate::events::{ItemsReturned, ReturnActionRequired};

pub(crate) fn return_not_found(id: &str) -> Error {
    Error::not_found(format!("Return with id: {id} was not found"))
}

pub(crate) async fn find_return<C: Connection>(conn: &C, id: &str) -> Result<r#return::Model> {
    r#return::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| return_not_found(id))
}

/// The order a return belongs to: its own, or its swap's or claim's.
async fn order_of<C: Connection>(conn: &C, ret: &r#return::Model) -> Result<Option<String>> {
    if let Some(swap_id) = &ret.swap_id {
        return Ok(swap::Entity::find_by_id(swap_id.clone())
            .one(conn)
            .await?
            .map(|s| s.order_id));
    }
    if let (None, Some(claim_id)) = (&ret.order_id, &ret.claim_order_id) {
        return Ok(claim_order::Entity::find_by_id(claim_id.clone())
            .one(conn)
            .await?
            .map(|c| c.order_id));
    }
    Ok(ret.order_id.clone())
}

/// `receive`: compares the received lines with the requested ones, stores them, sets the
/// status, refund amount and `received_at`, adds each requested quantity to its line's
/// `returned_quantity` and restocks the order's variants.
pub async fn receive_in<C: Connection>(
    conn: &C,
    id: &str,
    received: &[(String, i64)],
    refund: Option<i64>,
    allow_mismatch: bool,
    location_id: Option<String>,
) -> Result<r#return::Model> {
    let ret = find_return(conn, id).await?;
    if ret.status == ReturnStatusEnum::Canceled {
        return Err(Error::not_allowed("Cannot receive a canceled return"));
    }
    let order_id = order_of(conn, &ret)
        .await?
        .ok_or_else(|| Error::not_found("\"orderId\" must be defined"))?;
    let facts = OrderFacts::load(conn, &order_id).await?;
    if ret.status == ReturnStatusEnum::Received {
        return Err(Error::not_allowed(format!(
            "Return with id {id} has already been received"
        )));
    }
    for (item_id, quantity) in received {
        super::rules::check_returnable(facts.returnable(item_id), *quantity)?;
    }
    let requested_rows = all_in_insertion_order(
        conn,
        return_item::Entity::find().filter(return_item::Column::ReturnId.eq(id)),
    )
    .await?;
    let requested: Vec<(String, i64)> = requested_rows
        .iter()
        .map(|r| (r.item_id.clone(), i64::from(r.quantity)))
        .collect();
    let lines = received_lines(&requested, received);
    check_no_line_dropped(&requested, &lines)?;
    let status = status_after_receipt(&lines, allow_mismatch);
    let now = time::now();
    let mut row = ret.clone().into_active_model();
    row.status = Set(status);
    row.refund_amount = Set(to_i32(refund.unwrap_or(i64::from(ret.refund_amount)))?);
    row.received_at = Set(Some(now));
    row.location_id = Set(location_id.or(ret.location_id.clone()));
    row.updated_at = Set(now);
    let ret = row.update(conn).await?;

    for line in &lines {
        if let Some(existing) = requested_rows.iter().find(|r| r.item_id == line.item_id) {
            let mut item = existing.clone().into_active_model();
            item.quantity = Set(to_i32(line.quantity)?);
            item.requested_quantity = Set(Some(existing.quantity));
            item.received_quantity = Set(Some(to_i32(line.received_quantity)?));
            item.is_requested = Set(line.is_requested);
            item.update(conn).await?;
        } else {
            let metadata = facts
                .line(&line.item_id)
                .and_then(|l| l.metadata.clone())
                .unwrap_or_else(|| json!({}));
            return_item::ActiveModel {
                return_id: Set(ret.id.clone()),
                item_id: Set(line.item_id.clone()),
                quantity: Set(to_i32(line.quantity)?),
                is_requested: Set(false),
                requested_quantity: Set(None),
                received_quantity: Set(Some(to_i32(line.received_quantity)?)),
                metadata: Set(Some(metadata)),
                reason_id: Set(None),
                note: Set(None),
            }
            .insert(conn)
            .await?;
        }
    }

    // Each originally requested line counts its requested quantity as returned.
    for requested in &requested_rows {
        if let Some(line) = line_item::Entity::find_by_id(requested.item_id.clone())
            .one(conn)
            .await?
        {
            let returned = line.returned_quantity.unwrap_or(0) + requested.quantity;
            let mut line = line.into_active_model();
            line.returned_quantity = Set(Some(returned));
            line.updated_at = Set(time::now());
            line.update(conn).await?;
        }
    }

    // With the inventory modules, each received order item goes back to the return's
    // location; without them, Medusa restocks its variant.
    for line in &lines {
        let Some(variant_id) = facts
            .items
            .iter()
            .find(|i| i.id == line.item_id)
            .and_then(|i| i.variant_id.clone())
        else {
            continue;
        };
        if medusa_inventory::fulfillment::restock_at_location_in(
            conn,
            &variant_id,
            ret.location_id.as_deref(),
            to_i32(line.received_quantity)?,
        )
        .await?
        {
            continue;
        }
        restock(conn, &variant_id, line.received_quantity).await?;
    }
    Ok(ret)
}

async fn restock<C: Connection>(conn: &C, variant_id: &str, quantity: i64) -> Result<()> {
    let Some(variant) = product_variant::Entity::find_by_id(variant_id)
        .filter(product_variant::Column::DeletedAt.is_null())
        .one(conn)
        .await?
    else {
        return Ok(());
    };
    if !variant.manage_inventory {
        return Ok(());
    }
    add_stock_in(conn, variant, quantity).await
}

/// `registerReturnReceived`: refunds the return's amount from the order's payments and sets
/// the order `returned` or `partially_returned`, or `requires_action` when the refund is more
/// than the order can refund.
pub async fn register_received_in<C: Connection>(
    conn: &C,
    order_id: &str,
    ret: &r#return::Model,
    custom_refund: Option<i64>,
) -> Result<()> {
    let facts = OrderFacts::load(conn, order_id).await?;
    if facts.order.status == OrderStatusEnum::Canceled {
        return Err(Error::not_allowed(
            "A canceled order cannot be registered as received",
        ));
    }
    if ret.order_id.as_deref() != Some(order_id) {
        return Err(Error::not_found("Received return does not exist"));
    }
    let refund_amount = custom_refund.unwrap_or(i64::from(ret.refund_amount));
    let items: Vec<Returnable> = facts
        .items
        .iter()
        .map(|i| Returnable {
            quantity: i64::from(i.quantity),
            returned_quantity: i64::from(i.returned_quantity.unwrap_or(0)),
        })
        .collect();
    let outcome = receipt_outcome(refund_amount, facts.refundable_amount(), &items);
    let (status, returned) = match outcome {
        ReceiptOutcome::RequiresAction => (OrderFulfillmentStatusEnum::RequiresAction, false),
        ReceiptOutcome::Returned { refund, status } => {
            if refund > 0 {
                refund_payments(conn, &facts, order_id, refund).await?;
            }
            (status, true)
        }
    };
    let mut row = facts.order.clone().into_active_model();
    row.fulfillment_status = Set(status);
    row.updated_at = Set(time::now());
    row.update(conn).await?;
    if returned {
        record_event(
            conn,
            &ItemsReturned {
                id: order_id.to_owned(),
                return_id: ret.id.clone(),
                no_notification: ret.no_notification,
            },
        )
        .await
    } else {
        record_event(
            conn,
            &ReturnActionRequired {
                id: order_id.to_owned(),
                return_id: ret.id.clone(),
                no_notification: ret.no_notification,
            },
        )
        .await
    }
}

/// `refundPayment(order.payments, amount, "return")`: spread over the payments, each one's
/// `amount_refunded` raised, and one refund row for the whole amount.
async fn refund_payments<C: Connection>(
    conn: &C,
    facts: &OrderFacts,
    order_id: &str,
    amount: i64,
) -> Result<()> {
    let payments: Vec<(i64, i64, bool)> = facts
        .payments
        .iter()
        .map(|p| {
            (
                i64::from(p.amount),
                i64::from(p.amount_refunded),
                p.captured_at.is_some(),
            )
        })
        .collect();
    let spread = spread_refund(&payments, amount)?;
    let now = time::now();
    for (payment, taken) in facts.payments.iter().zip(spread) {
        if taken == 0 {
            continue;
        }
        let refunded = to_i32(i64::from(payment.amount_refunded) + taken)?;
        let mut row: payment::ActiveModel = payment.clone().into_active_model();
        row.amount_refunded = Set(refunded);
        row.updated_at = Set(now);
        row.update(conn).await?;
    }
    refund::ActiveModel {
        id: Set(generate_id("ref")),
        order_id: Set(Some(order_id.to_owned())),
        amount: Set(to_i32(amount)?),
        note: Set(None),
        reason: Set(RefundReasonEnum::Return),
        idempotency_key: Set(None),
        payment_id: Set(None),
        ..stamped(now)
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// `cancel`: any return not yet received; gives the id of the order to answer with.
pub async fn cancel_in<C: Connection>(conn: &C, id: &str) -> Result<String> {
    let ret = find_return(conn, id).await?;
    if ret.status == ReturnStatusEnum::Received {
        return Err(Error::not_allowed(
            "Can't cancel a return which has been returned",
        ));
    }
    let order_id = order_of(conn, &ret).await?;
    let mut row = ret.into_active_model();
    row.status = Set(ReturnStatusEnum::Canceled);
    row.updated_at = Set(time::now());
    row.update(conn).await?;
    order_id.ok_or_else(|| Error::not_found("\"orderId\" must be defined"))
}
