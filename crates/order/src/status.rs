//! The order lifecycle's rules as pure functions: what each write may do to an order in its
//! current state (with Medusa 1.20's messages), and the statuses a write leaves behind.
//!
//! Every function here sees only values already read; the writes in [`crate::lifecycle`],
//! [`crate::fulfill`] and [`crate::refund`] read the rows, ask these, and write the answer.

use medusa_core::{Error, Result};
use medusa_entity::sea_orm_active_enums::{
    OrderFulfillmentStatusEnum as Fulfillment, OrderPaymentStatusEnum as Payment,
    OrderStatusEnum as Status,
};

fn canceled(status: &Status) -> bool {
    *status == Status::Canceled
}

fn refuse_if_canceled(status: &Status, message: &str) -> Result<()> {
    if canceled(status) {
        return Err(Error::not_allowed(message));
    }
    Ok(())
}

/// `POST /admin/orders/{id}/complete`: anything but a canceled order (no payment or
/// fulfillment check).
pub fn may_complete(status: &Status) -> Result<()> {
    refuse_if_canceled(status, "A canceled order cannot be completed")
}

/// `POST /admin/orders/{id}/archive`: only a completed order. (Medusa's check reads
/// `status !== ("completed" || "refunded")`, which is `status !== "completed"`.)
pub fn may_archive(status: &Status) -> Result<()> {
    if *status != Status::Completed {
        return Err(Error::not_allowed("Can't archive an unprocessed order"));
    }
    Ok(())
}

/// `POST /admin/orders/{id}`: anything but a canceled order.
pub fn may_update(status: &Status) -> Result<()> {
    refuse_if_canceled(status, "A canceled order cannot be updated")
}

/// Adding items (or a payment) to an order by update: only while nothing happened to it.
pub fn may_update_items(
    status: &Status,
    fulfillment: &Fulfillment,
    payment: &Payment,
) -> Result<()> {
    if *fulfillment != Fulfillment::NotFulfilled
        || *payment != Payment::Awaiting
        || *status != Status::Pending
    {
        return Err(Error::not_allowed(
            "Can't update shipping, billing, items and payment method when order is processed",
        ));
    }
    Ok(())
}

/// What stands in the way of canceling an order: counts of its refunds and of its
/// fulfillments, returns, swaps and claims not canceled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CancelBlockers {
    pub refunds: usize,
    pub open_fulfillments: usize,
    pub open_returns: usize,
    pub open_swaps: usize,
    pub open_claims: usize,
}

/// `POST /admin/orders/{id}/cancel`: no refund, and every fulfillment, return, swap and
/// claim canceled, checked in that order. (A canceled order may be canceled again.)
pub fn may_cancel(blockers: &CancelBlockers) -> Result<()> {
    if blockers.refunds > 0 {
        return Err(Error::not_allowed(
            "Order with refund(s) cannot be canceled",
        ));
    }
    let open = [
        (blockers.open_fulfillments, "fulfillments"),
        (blockers.open_returns, "returns"),
        (blockers.open_swaps, "swaps"),
        (blockers.open_claims, "claims"),
    ];
    if let Some((_, kind)) = open.iter().find(|(count, _)| *count > 0) {
        return Err(Error::not_allowed(format!(
            "All {kind} must be canceled before canceling an order"
        )));
    }
    Ok(())
}

/// `POST /admin/orders/{id}/capture`
pub fn may_capture(status: &Status) -> Result<()> {
    refuse_if_canceled(status, "A canceled order cannot capture payment")
}

/// `POST /admin/orders/{id}/fulfillment`: the order is not canceled and has shipping methods.
pub fn may_fulfill(status: &Status, shipping_methods: usize) -> Result<()> {
    refuse_if_canceled(status, "A canceled order cannot be fulfilled")?;
    if shipping_methods == 0 {
        return Err(Error::not_allowed(
            "Cannot fulfill an order that lacks shipping methods",
        ));
    }
    Ok(())
}

/// One requested line of a fulfillment against its item's `quantity` and
/// `fulfilled_quantity` (`NULL` counts as 0, as in JavaScript's `n - null`).
pub fn may_fulfill_quantity(quantity: i32, fulfilled: Option<i32>, requested: i32) -> Result<()> {
    if i64::from(requested) > i64::from(quantity) - i64::from(fulfilled.unwrap_or(0)) {
        return Err(Error::not_allowed(
            "Cannot fulfill more items than have been purchased",
        ));
    }
    Ok(())
}

/// `POST /admin/orders/{id}/fulfillments/{fid}/cancel`: a shipped fulfillment stays.
pub fn may_cancel_fulfillment(shipped: bool) -> Result<()> {
    if shipped {
        return Err(Error::not_allowed(
            "The fulfillment has already been shipped. Shipped fulfillments cannot be canceled",
        ));
    }
    Ok(())
}

/// `POST /admin/orders/{id}/shipment`: the order is not canceled ...
pub fn may_ship(status: &Status) -> Result<()> {
    refuse_if_canceled(status, "A canceled order cannot be fulfilled as shipped")
}

/// ... and the fulfillment is not canceled.
pub fn may_ship_fulfillment(fulfillment_canceled: bool) -> Result<()> {
    if fulfillment_canceled {
        return Err(Error::not_allowed("Fulfillment has been canceled"));
    }
    Ok(())
}

/// `POST /admin/orders/{id}/shipping-methods`
pub fn may_add_shipping_method(status: &Status) -> Result<()> {
    refuse_if_canceled(
        status,
        "A shipping method cannot be added to a canceled order",
    )
}

/// `POST /admin/orders/{id}/refund`: the order is not canceled and the amount is at most
/// its refundable amount (total minus refunds).
pub fn may_refund(status: &Status, amount: i64, refundable_amount: i64) -> Result<()> {
    refuse_if_canceled(status, "A canceled order cannot be refunded")?;
    if amount > refundable_amount {
        return Err(Error::not_allowed(
            "Cannot refund more than the original order amount",
        ));
    }
    Ok(())
}

/// The payment provider's own check of an order refund: at most what the captured
/// payments have left.
pub fn may_refund_captured(amount: i64, captured_refundable: i64) -> Result<()> {
    if captured_refundable < amount {
        return Err(Error::not_allowed(
            "Refund amount is greater that the refundable amount",
        ));
    }
    Ok(())
}

/// `POST /admin/payments/{id}/refund`: the payment is captured and has `amount` left.
pub fn may_refund_payment(
    payment_id: &str,
    captured: bool,
    amount: i64,
    refundable: i64,
) -> Result<()> {
    if !captured {
        return Err(Error::not_allowed(format!(
            "Payment {payment_id} is not captured"
        )));
    }
    if amount > refundable {
        return Err(Error::not_allowed(format!(
            "Only {refundable} can be refunded from Payment {payment_id}"
        )));
    }
    Ok(())
}

/// One line item as the fulfillment and shipment statuses see it: what was bought, and the
/// fulfilled (or shipped) quantity before the write, and what the write adds (`None` when
/// the write does not touch the item).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineProgress {
    pub quantity: i32,
    pub before: Option<i32>,
    pub added: Option<i32>,
}

/// Whether every item is done after the write: a touched item is done when its new count
/// equals its quantity; an untouched one when its stored count does (a `NULL` count never
/// equals a quantity).
pub fn all_done(lines: &[LineProgress]) -> bool {
    lines.iter().all(|line| match line.added {
        Some(added) => line.before.unwrap_or(0) + added == line.quantity,
        None => line.before == Some(line.quantity),
    })
}

/// The order's `fulfillment_status` after a fulfillment.
pub fn after_fulfillment(lines: &[LineProgress]) -> Fulfillment {
    if all_done(lines) {
        Fulfillment::Fulfilled
    } else {
        Fulfillment::PartiallyFulfilled
    }
}

/// The order's `fulfillment_status` after a shipment.
pub fn after_shipment(lines: &[LineProgress]) -> Fulfillment {
    if all_done(lines) {
        Fulfillment::Shipped
    } else {
        Fulfillment::PartiallyShipped
    }
}

/// The order's `fulfillment_status` after one of its fulfillments is canceled: `canceled`,
/// whatever else remains (Medusa's rule).
pub fn after_fulfillment_canceled() -> Fulfillment {
    Fulfillment::Canceled
}

/// The order's `payment_status` after a capture: `captured` when every payment is.
pub fn after_capture(all_captured: bool) -> Payment {
    if all_captured {
        Payment::Captured
    } else {
        Payment::RequiresAction
    }
}

/// The order's totals after a refund, as its status is decided from them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefundTotals {
    pub paid_total: i64,
    pub refunded_total: i64,
    pub refundable_amount: i64,
}

/// The order's `payment_status` after a refund: `partially_refunded` while something is
/// refunded and something refundable remains, `refunded` once refunds equal payments, else
/// unchanged.
pub fn after_refund(current: Payment, totals: &RefundTotals) -> Payment {
    let mut status = current;
    if totals.refunded_total > 0 && totals.refundable_amount > 0 {
        status = Payment::PartiallyRefunded;
    }
    if totals.paid_total > 0 && totals.refunded_total == totals.paid_total {
        status = Payment::Refunded;
    }
    status
}

/// An order edit's status, which Medusa derives from its timestamps when it loads one (no
/// column holds it): the latest step taken wins, canceled over confirmed over declined over
/// requested.
pub fn order_edit_status(
    requested: bool,
    declined: bool,
    confirmed: bool,
    canceled: bool,
) -> &'static str {
    if canceled {
        "canceled"
    } else if confirmed {
        "confirmed"
    } else if declined {
        "declined"
    } else if requested {
        "requested"
    } else {
        "created"
    }
}

#[cfg(test)]
#[path = "status_tests.rs"]
mod tests;
