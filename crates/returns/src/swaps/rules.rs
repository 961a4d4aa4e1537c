//! The pure rules of swaps, as Medusa 1.20's `SwapService` applies them: which orders may be
//! swapped, what `process-payment` does for a difference, what cancel, fulfillment and
//! shipment refuse, and the swap's statuses after each write. Tested by tables in
//! `rules_tests`.

use crate::replacements::check_parts_canceled;
pub use crate::replacements::{after_fulfillment, after_shipment};
use medusa_core::{Error, Result};
use medusa_entity::sea_orm_active_enums::{
    OrderFulfillmentStatusEnum, OrderPaymentStatusEnum as PaymentStatusEnum, ReturnStatusEnum,
    SwapFulfillmentStatusEnum as Fulfillment, SwapPaymentStatusEnum as Payment,
};

/// `create`'s checks of the order: its payment captured, something fulfilled.
pub fn check_swappable(
    payment: &PaymentStatusEnum,
    fulfillment: &OrderFulfillmentStatusEnum,
) -> Result<()> {
    if *payment != PaymentStatusEnum::Captured {
        return Err(Error::not_allowed(
            "Cannot swap an order that has not been captured",
        ));
    }
    if *fulfillment == OrderFulfillmentStatusEnum::NotFulfilled {
        return Err(Error::not_allowed(
            "Cannot swap an order that has not been fulfilled",
        ));
    }
    Ok(())
}

/// What `processDifference` does for a swap's `difference_due`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Settlement {
    /// Already settled: the swap is answered as it is.
    Nothing,
    /// Refund this amount from the order's payments (`difference_refunded`).
    Refund(i64),
    /// No money moves; the swap becomes `difference_refunded`.
    MarkRefunded,
    /// Capture the swap's payment (`captured`).
    Capture,
}

/// `processDifference`'s checks and decision, in Medusa's order. A swap without a
/// `difference_due` (never confirmed) is refused before.
pub fn settlement(
    canceled: bool,
    confirmed: bool,
    difference_due: Option<i32>,
    payment: &Payment,
) -> Result<Settlement> {
    if canceled {
        return Err(Error::not_allowed("Canceled swap cannot be processed"));
    }
    if !confirmed {
        return Err(Error::not_allowed(
            "Cannot process a swap that hasn't been confirmed by the customer",
        ));
    }
    let due = i64::from(difference_due.unwrap_or(0));
    Ok(if due < 0 {
        if *payment == Payment::DifferenceRefunded {
            Settlement::Nothing
        } else {
            Settlement::Refund(-due)
        }
    } else if due == 0 {
        if *payment == Payment::DifferenceRefunded {
            Settlement::Nothing
        } else {
            Settlement::MarkRefunded
        }
    } else if *payment == Payment::Captured {
        Settlement::Nothing
    } else {
        Settlement::Capture
    })
}

/// `cancel`'s guards, in Medusa's order: a swap that refunded, one with a fulfillment not
/// canceled, one whose return is not canceled.
pub fn check_cancelable(
    payment: &Payment,
    open_fulfillments: usize,
    return_status: Option<&ReturnStatusEnum>,
) -> Result<()> {
    if matches!(
        payment,
        Payment::DifferenceRefunded | Payment::PartiallyRefunded | Payment::Refunded
    ) {
        return Err(Error::not_allowed("Swap with a refund cannot be canceled"));
    }
    check_parts_canceled("swap", open_fulfillments, return_status)
}

/// `createFulfillment`'s checks, in Medusa's order.
pub fn check_fulfillable(
    canceled: bool,
    status: &Fulfillment,
    shipping_methods: usize,
) -> Result<()> {
    if canceled {
        return Err(Error::not_allowed("Canceled swap cannot be fulfilled"));
    }
    if !matches!(status, Fulfillment::NotFulfilled | Fulfillment::Canceled) {
        return Err(Error::not_allowed("The swap was already fulfilled"));
    }
    if shipping_methods == 0 {
        return Err(Error::not_allowed(
            "Cannot fulfill an swap that doesn't have shipping methods",
        ));
    }
    Ok(())
}

/// `createShipment`: a canceled swap ships nothing.
pub fn check_shippable(canceled: bool) -> Result<()> {
    crate::replacements::check_shippable("swap", canceled)
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
