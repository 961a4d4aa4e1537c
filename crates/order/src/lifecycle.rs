//! The order's own lifecycle writes: complete, archive, cancel and capture. Each `*_in`
//! function runs in the caller's transaction, applies the rules of [`crate::status`] and
//! records Medusa's event there too.

use medusa_core::{Error, Result};
use medusa_entity::sea_orm_active_enums::{
    OrderFulfillmentStatusEnum as Fulfillment, OrderPaymentStatusEnum as Payment,
    OrderStatusEnum as Status, ReturnStatusEnum,
};
use medusa_entity::{
    claim_order, fulfillment, line_item, order, payment, product_variant, r#return, refund, swap,
};
use medusa_providers::{PaymentProvider, ProviderRegistry};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde_json::{json, Value};
use std::sync::Arc;

use crate::service::order_not_found;
use crate::status::{self, CancelBlockers};

/// The order row, locked for the rest of the transaction where the database can; a missing
/// order is Medusa's `retrieve` error ("Order with id X was not found").
pub async fn order_for_update<C: ConnectionTrait>(conn: &C, id: &str) -> Result<order::Model> {
    locked_order(conn, id)
        .await?
        .ok_or_else(|| Error::not_found(format!("Order with id {id} was not found")))
}

/// As [`order_for_update`], for the writes whose Medusa read asks for totals and so goes
/// through its legacy retrieve ("Order with id: X was not found"): fulfillments, refunds.
pub(crate) async fn order_for_update_legacy<C: ConnectionTrait>(
    conn: &C,
    id: &str,
) -> Result<order::Model> {
    locked_order(conn, id)
        .await?
        .ok_or_else(|| order_not_found(id))
}

async fn locked_order<C: ConnectionTrait>(conn: &C, id: &str) -> Result<Option<order::Model>> {
    Ok(order::Entity::find_by_id(id)
        .lock_exclusive()
        .one(conn)
        .await?)
}

/// Saves the changed order row (its `updated_at` moves, as TypeORM's save moves it).
pub(crate) async fn save_order<C: ConnectionTrait>(
    conn: &C,
    mut row: order::ActiveModel,
) -> Result<order::Model> {
    row.updated_at = Set(medusa_core::time::now());
    Ok(row.update(conn).await?)
}

/// `{id, no_notification}`, the payload most order events carry.
pub(crate) fn order_event(row: &order::Model) -> Value {
    json!({ "id": row.id, "no_notification": row.no_notification })
}

/// The payments of an order, oldest first.
pub(crate) async fn order_payments<C: ConnectionTrait>(
    conn: &C,
    order_id: &str,
) -> Result<Vec<payment::Model>> {
    Ok(payment::Entity::find()
        .filter(payment::Column::OrderId.eq(order_id))
        .order_by_asc(payment::Column::CreatedAt)
        .order_by_asc(payment::Column::Id)
        .all(conn)
        .await?)
}

/// The provider a payment names, or Medusa's error for a provider this server lacks.
pub(crate) fn payment_provider(
    providers: &ProviderRegistry,
    id: &str,
) -> Result<Arc<dyn PaymentProvider>> {
    providers
        .payment(id)
        .ok_or_else(|| Error::not_found(format!("Could not find a payment provider with id: {id}")))
}

/// `PaymentProviderService.cancelPayment` for one payment (a swap's): the provider's data
/// stored, `canceled_at` now.
pub async fn cancel_payment_in<C: ConnectionTrait>(
    conn: &C,
    providers: &ProviderRegistry,
    pay: payment::Model,
) -> Result<()> {
    let provider = payment_provider(providers, &pay.provider_id)?;
    let data = provider.cancel(&pay.data).map_err(Error::invalid_data)?;
    let now = medusa_core::time::now();
    let mut active = pay.into_active_model();
    active.data = Set(data);
    active.canceled_at = Set(Some(now));
    active.updated_at = Set(now);
    active.update(conn).await?;
    Ok(())
}

/// `POST /admin/orders/{id}/complete`: `status = completed`; event `order.completed`.
pub async fn complete_in<C: ConnectionTrait>(conn: &C, id: &str) -> Result<()> {
    let row = order_for_update(conn, id).await?;
    status::may_complete(&row.status)?;
    medusa_events::record(conn, "order.completed", order_event(&row)).await?;
    let mut active = row.into_active_model();
    active.status = Set(Status::Completed);
    save_order(conn, active).await?;
    Ok(())
}

/// `POST /admin/orders/{id}/archive`: `status = archived`; Medusa emits no event.
pub async fn archive_in<C: ConnectionTrait>(conn: &C, id: &str) -> Result<()> {
    let row = order_for_update(conn, id).await?;
    status::may_archive(&row.status)?;
    let mut active = row.into_active_model();
    active.status = Set(Status::Archived);
    save_order(conn, active).await?;
    Ok(())
}

async fn cancel_blockers<C: ConnectionTrait>(conn: &C, id: &str) -> Result<CancelBlockers> {
    let refunds = refund::Entity::find()
        .filter(refund::Column::OrderId.eq(id))
        .count(conn)
        .await?;
    let open_fulfillments = fulfillment::Entity::find()
        .filter(fulfillment::Column::OrderId.eq(id))
        .filter(fulfillment::Column::CanceledAt.is_null())
        .count(conn)
        .await?;
    let open_returns = r#return::Entity::find()
        .filter(r#return::Column::OrderId.eq(id))
        .filter(r#return::Column::Status.ne(ReturnStatusEnum::Canceled))
        .count(conn)
        .await?;
    let open_swaps = swap::Entity::find()
        .filter(swap::Column::OrderId.eq(id))
        .filter(swap::Column::DeletedAt.is_null())
        .filter(swap::Column::CanceledAt.is_null())
        .count(conn)
        .await?;
    let open_claims = claim_order::Entity::find()
        .filter(claim_order::Column::OrderId.eq(id))
        .filter(claim_order::Column::DeletedAt.is_null())
        .filter(claim_order::Column::CanceledAt.is_null())
        .count(conn)
        .await?;
    let count = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    Ok(CancelBlockers {
        refunds: count(refunds),
        open_fulfillments: count(open_fulfillments),
        open_returns: count(open_returns),
        open_swaps: count(open_swaps),
        open_claims: count(open_claims),
    })
}

/// Puts `quantity` units of a variant back in stock, as Medusa does without an inventory
/// module: only a variant that manages its inventory; event `product-variant.updated`.
pub(crate) async fn restock_in<C: ConnectionTrait>(
    conn: &C,
    variant_id: &str,
    quantity: i32,
) -> Result<()> {
    let variant = product_variant::Entity::find_by_id(variant_id)
        .filter(product_variant::Column::DeletedAt.is_null())
        .one(conn)
        .await?
        .ok_or_else(|| Error::not_found(format!("Variant with id: {variant_id} was not found")))?;
    if !variant.manage_inventory {
        return Ok(());
    }
    let payload = json!({
        "id": variant.id,
        "product_id": variant.product_id,
        "fields": ["inventory_quantity"],
    });
    let stock = variant.inventory_quantity + quantity;
    let mut active = variant.into_active_model();
    active.inventory_quantity = Set(stock);
    active.updated_at = Set(medusa_core::time::now());
    active.update(conn).await?;
    medusa_events::record(conn, "product-variant.updated", payload).await
}

/// `POST /admin/orders/{id}/cancel`: every payment canceled through its provider, the order
/// and both its statuses `canceled`, `canceled_at` now; event `order.canceled`. The items
/// go back in stock (Medusa's reservations are released that way without an inventory
/// module).
pub async fn cancel_in<C: ConnectionTrait>(
    conn: &C,
    providers: &ProviderRegistry,
    id: &str,
) -> Result<()> {
    let row = order_for_update(conn, id).await?;
    status::may_cancel(&cancel_blockers(conn, id).await?)?;
    let items = line_item::Entity::find()
        .filter(line_item::Column::OrderId.eq(id))
        .order_by_asc(line_item::Column::CreatedAt)
        .all(conn)
        .await?;
    // With the inventory modules the lines' reservations are released; without them the
    // variants get their units back.
    let stocked: Vec<String> = items
        .iter()
        .filter(|item| item.variant_id.is_some())
        .map(|item| item.id.clone())
        .collect();
    if !medusa_inventory::release_line_items_in(conn, &stocked).await? {
        for item in items {
            if let Some(variant_id) = &item.variant_id {
                restock_in(conn, variant_id, item.quantity).await?;
            }
        }
    }
    let now = medusa_core::time::now();
    for pay in order_payments(conn, id).await? {
        let provider = payment_provider(providers, &pay.provider_id)?;
        let data = provider.cancel(&pay.data).map_err(Error::invalid_data)?;
        let mut active = pay.into_active_model();
        active.data = Set(data);
        active.canceled_at = Set(Some(now));
        active.updated_at = Set(now);
        active.update(conn).await?;
    }
    let mut active = row.clone().into_active_model();
    active.status = Set(Status::Canceled);
    active.fulfillment_status = Set(Fulfillment::Canceled);
    active.payment_status = Set(Payment::Canceled);
    active.canceled_at = Set(Some(now));
    save_order(conn, active).await?;
    medusa_events::record(conn, "order.canceled", order_event(&row)).await?;
    Ok(())
}

/// Captures one payment through its provider: the stored data replaced by the provider's,
/// `captured_at` now. A provider's refusal is its message.
pub(crate) async fn capture_payment_row<C: ConnectionTrait>(
    conn: &C,
    providers: &ProviderRegistry,
    pay: &payment::Model,
) -> Result<payment::Model> {
    let provider = payment_provider(providers, &pay.provider_id)?;
    let data = provider.capture(&pay.data).map_err(Error::invalid_data)?;
    let now = medusa_core::time::now();
    let mut active = pay.clone().into_active_model();
    active.data = Set(data);
    active.captured_at = Set(Some(now));
    active.updated_at = Set(now);
    Ok(active.update(conn).await?)
}

/// `POST /admin/orders/{id}/capture`: each payment not yet captured is captured; a payment
/// whose capture fails stays as it was (event `order.payment_capture_failed`) and leaves the
/// order `requires_action`; otherwise `captured` and event `order.payment_captured`.
pub async fn capture_in<C: ConnectionTrait>(
    conn: &C,
    providers: &ProviderRegistry,
    id: &str,
) -> Result<()> {
    let row = order_for_update(conn, id).await?;
    status::may_capture(&row.status)?;
    let mut all_captured = true;
    for pay in order_payments(conn, id).await? {
        if pay.captured_at.is_some() {
            continue;
        }
        match capture_payment_row(conn, providers, &pay).await {
            Ok(_) => {}
            Err(Error::Db(err)) => return Err(Error::Db(err)),
            Err(err) => {
                all_captured = false;
                let payload = json!({
                    "id": id,
                    "payment_id": pay.id,
                    "error": err.body().message,
                    "no_notification": row.no_notification,
                });
                medusa_events::record(conn, "order.payment_capture_failed", payload).await?;
            }
        }
    }
    let payment_status = status::after_capture(all_captured);
    let mut active = row.clone().into_active_model();
    active.payment_status = Set(payment_status.clone());
    save_order(conn, active).await?;
    if payment_status == Payment::Captured {
        medusa_events::record(conn, "order.payment_captured", order_event(&row)).await?;
    }
    Ok(())
}
