//! The writes on an existing swap: `process-payment` (refund, nothing or capture per its
//! `difference_due`), cancel, fulfillments (through `medusa-order`'s fulfillments, the swap
//! as their owner), their cancel, and shipments.

use medusa_core::{time, Error, Result};
use medusa_entity::sea_orm_active_enums::{
    RefundReasonEnum, SwapFulfillmentStatusEnum, SwapPaymentStatusEnum,
};
use medusa_entity::{fulfillment, payment, r#return, swap};
use medusa_events::record_event;
use medusa_load::Connection;
use medusa_order::fulfillments::{
    cancel_fulfillment_row_in, find_fulfillment, fulfill_every_item_in, owner_methods,
    ship_owner_fulfillment_in, NewFulfillment, Owner,
};
use medusa_providers::ProviderRegistry;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

use super::create::find_swap;
use super::rules::{self, Settlement};
use crate::events::{
    SwapFulfillmentCreated, SwapPaymentCaptureFailed, SwapPaymentCaptured, SwapRefundProcessed,
    SwapShipmentCreated,
};
use crate::input::{FulfillAdditionalItems, ShipSwap};

async fn save_swap<C: Connection>(conn: &C, mut row: swap::ActiveModel) -> Result<swap::Model> {
    row.updated_at = Set(time::now());
    Ok(row.update(conn).await?)
}

/// The swap of the route's order, or Medusa's 404s (the swap first, then its order).
async fn swap_of_order<C: Connection>(
    conn: &C,
    order_id: &str,
    swap_id: &str,
) -> Result<swap::Model> {
    let swap = find_swap(conn, swap_id).await?;
    if swap.order_id != order_id {
        return Err(Error::not_found(format!(
            "no swap was found with the id: {swap_id} related to order: {order_id}"
        )));
    }
    Ok(swap)
}

/// `processDifference`: a negative difference refunded from the order's payments (reason
/// `swap`), none marked refunded, a positive one captured from the swap's payment; each
/// with its event.
pub async fn process_payment_in<C: Connection>(
    conn: &C,
    providers: &ProviderRegistry,
    swap_id: &str,
) -> Result<()> {
    let swap = find_swap(conn, swap_id).await?;
    let settlement = rules::settlement(
        swap.canceled_at.is_some(),
        swap.confirmed_at.is_some(),
        swap.difference_due,
        &swap.payment_status,
    )?;
    let no_notification = swap.no_notification;
    let id = swap.id.clone();
    let status = match settlement {
        Settlement::Nothing => return Ok(()),
        Settlement::Refund(amount) => {
            medusa_order::refund::refund_payments_in(
                conn,
                providers,
                &swap.order_id,
                amount,
                RefundReasonEnum::Swap,
                None,
            )
            .await?;
            SwapPaymentStatusEnum::DifferenceRefunded
        }
        Settlement::MarkRefunded => SwapPaymentStatusEnum::DifferenceRefunded,
        Settlement::Capture => {
            let paid = payment::Entity::find()
                .filter(payment::Column::SwapId.eq(swap.id.clone()))
                .one(conn)
                .await?
                .ok_or_else(|| Error::not_allowed("The swap has no payment to capture"))?;
            // A failed capture leaves the swap `requires_action`, as Medusa's does.
            match medusa_order::refund::capture_payment_in(conn, providers, &paid.id).await {
                Ok(_) => SwapPaymentStatusEnum::Captured,
                Err(Error::Db(err)) => return Err(Error::Db(err)),
                Err(_) => SwapPaymentStatusEnum::RequiresAction,
            }
        }
    };
    let mut row = swap.into_active_model();
    row.payment_status = Set(status.clone());
    save_swap(conn, row).await?;
    if status == SwapPaymentStatusEnum::Captured {
        record_event(
            conn,
            &SwapPaymentCaptured {
                id,
                no_notification,
            },
        )
        .await
    } else if status == SwapPaymentStatusEnum::RequiresAction {
        record_event(
            conn,
            &SwapPaymentCaptureFailed {
                id,
                no_notification,
            },
        )
        .await
    } else {
        record_event(
            conn,
            &SwapRefundProcessed {
                id,
                no_notification,
            },
        )
        .await
    }
}

/// `POST .../swaps/{swap_id}/cancel` (`SwapService.cancel`): its guards, then both statuses
/// `canceled` and `canceled_at`, the swap's payment canceled. Medusa records no event.
pub async fn cancel_swap_in<C: Connection>(
    conn: &C,
    providers: &ProviderRegistry,
    order_id: &str,
    swap_id: &str,
) -> Result<()> {
    let swap = swap_of_order(conn, order_id, swap_id).await?;
    let open_fulfillments = fulfillment::Entity::find()
        .filter(fulfillment::Column::SwapId.eq(swap_id))
        .filter(fulfillment::Column::CanceledAt.is_null())
        .all(conn)
        .await?
        .len();
    let ret = r#return::Entity::find()
        .filter(r#return::Column::SwapId.eq(swap_id))
        .one(conn)
        .await?;
    rules::check_cancelable(
        &swap.payment_status,
        open_fulfillments,
        ret.as_ref().map(|r| &r.status),
    )?;
    let paid = payment::Entity::find()
        .filter(payment::Column::SwapId.eq(swap_id))
        .one(conn)
        .await?;
    if let Some(paid) = paid {
        medusa_order::lifecycle::cancel_payment_in(conn, providers, paid).await?;
    }
    let mut row = swap.into_active_model();
    row.payment_status = Set(SwapPaymentStatusEnum::Canceled);
    row.fulfillment_status = Set(SwapFulfillmentStatusEnum::Canceled);
    row.canceled_at = Set(Some(time::now()));
    save_swap(conn, row).await?;
    Ok(())
}

/// `POST .../swaps/{swap_id}/fulfillments` (`SwapService.createFulfillment`): every
/// additional item, through the swap's shipping methods; `fulfilled` or
/// `requires_action`; event `swap.fulfillment_created`. The swap's earlier fulfillments are
/// detached from it, as Medusa's save of the swap leaves them.
pub async fn fulfill_swap_in<C: Connection>(
    conn: &C,
    providers: &ProviderRegistry,
    swap_id: &str,
    input: &FulfillAdditionalItems,
) -> Result<()> {
    let swap = find_swap(conn, swap_id).await?;
    let owner = Owner::Swap(swap_id);
    let methods = owner_methods(conn, owner).await?;
    rules::check_fulfillable(
        swap.canceled_at.is_some(),
        &swap.fulfillment_status,
        methods.len(),
    )?;
    let no_notification = input.no_notification.or(swap.no_notification);
    let new = NewFulfillment {
        metadata: input.metadata.clone(),
        no_notification,
        location_id: input.location_id.clone(),
    };
    // Medusa saves the swap with only the new fulfillments: the earlier ones lose their swap.
    fulfillment::Entity::update_many()
        .col_expr(
            fulfillment::Column::SwapId,
            sea_orm::sea_query::Expr::value(Option::<String>::None),
        )
        .filter(fulfillment::Column::SwapId.eq(swap_id))
        .exec(conn)
        .await?;
    let (_, progress) = fulfill_every_item_in(conn, providers, owner, &methods, &new).await?;
    let mut row = swap.into_active_model();
    row.fulfillment_status = Set(rules::after_fulfillment(&progress));
    save_swap(conn, row).await?;
    // Medusa names the swap's id as the fulfillment's.
    record_event(
        conn,
        &SwapFulfillmentCreated {
            id: swap_id.to_owned(),
            fulfillment_id: swap_id.to_owned(),
            no_notification,
        },
    )
    .await
}

/// `POST .../swaps/{swap_id}/fulfillments/{fulfillment_id}/cancel`: the fulfillment must be
/// the swap's and the swap the order's; canceled as any fulfillment is, the swap
/// `canceled`. Medusa records no event here.
pub async fn cancel_swap_fulfillment_in<C: Connection>(
    conn: &C,
    providers: &ProviderRegistry,
    order_id: &str,
    swap_id: &str,
    fulfillment_id: &str,
) -> Result<()> {
    let ful = find_fulfillment(conn, fulfillment_id).await?;
    if ful.swap_id.as_deref() != Some(swap_id) {
        return Err(Error::not_found(format!(
            "no fulfillment was found with the id: {fulfillment_id} related to swap: {order_id}"
        )));
    }
    let swap = swap_of_order(conn, order_id, swap_id).await?;
    cancel_fulfillment_row_in(conn, providers, ful).await?;
    let mut row = swap.into_active_model();
    row.fulfillment_status = Set(SwapFulfillmentStatusEnum::Canceled);
    save_swap(conn, row).await?;
    Ok(())
}

/// `POST .../swaps/{swap_id}/shipments` (`SwapService.createShipment`): the fulfillment
/// shipped, the additional items' `shipped_quantity` raised, `shipped` or
/// `partially_shipped`; event `swap.shipment_created`.
pub async fn ship_swap_in<C: Connection>(conn: &C, swap_id: &str, input: &ShipSwap) -> Result<()> {
    let swap = find_swap(conn, swap_id).await?;
    rules::check_shippable(swap.canceled_at.is_some())?;
    let no_notification = input.no_notification.or(swap.no_notification);
    let progress = ship_owner_fulfillment_in(
        conn,
        Owner::Swap(swap_id),
        &input.fulfillment_id,
        &input.tracking_numbers,
        no_notification,
    )
    .await?;
    let event_no_notification = swap.no_notification;
    let mut row = swap.into_active_model();
    row.fulfillment_status = Set(rules::after_shipment(&progress));
    save_swap(conn, row).await?;
    record_event(
        conn,
        &SwapShipmentCreated {
            id: swap_id.to_owned(),
            fulfillment_id: input.fulfillment_id.clone(),
            no_notification: event_no_notification,
        },
    )
    .await
}
