//! The pure rules of claims, as Medusa 1.20's `ClaimService` and `ClaimItemService` apply
//! them: what a new claim must have, which claimed lines are refunded, what each write
//! refuses, and the claim's statuses after each write. Tested by tables in `rules_tests`.

use crate::replacements::check_parts_canceled;
pub use crate::replacements::{after_fulfillment, after_shipment};
use medusa_core::{Error, Result};
use medusa_entity::sea_orm_active_enums::{
    ClaimItemReasonEnum as Reason, ClaimOrderFulfillmentStatusEnum as Fulfillment,
    ClaimOrderPaymentStatusEnum as Payment, ClaimOrderTypeEnum as Type, ReturnStatusEnum,
};

/// `validateCreateClaimInput`'s checks of the body, in Medusa's order (the type itself is
/// checked by the request class).
pub fn check_new_claim(
    kind: &Type,
    additional_items: usize,
    claim_items: usize,
    refund_amount: Option<i64>,
) -> Result<()> {
    if *kind == Type::Replace && additional_items == 0 {
        return Err(Error::invalid_data(
            "Claims with type \"replace\" must have at least one additional item.",
        ));
    }
    if claim_items == 0 {
        return Err(Error::invalid_data(
            "Claims must have at least one claim item.",
        ));
    }
    // Medusa tests the amount for truth: 0 passes.
    if refund_amount.is_some_and(|a| a != 0) && *kind != Type::Refund {
        let kind = match kind {
            Type::Refund => "refund",
            Type::Replace => "replace",
        };
        return Err(Error::invalid_data(format!(
            "Claim has type \"{kind}\" but must be type \"refund\" to have a refund_amount."
        )));
    }
    Ok(())
}

/// The claim's `payment_status` when created.
pub fn initial_payment_status(kind: &Type) -> Payment {
    match kind {
        Type::Refund => Payment::NotRefunded,
        Type::Replace => Payment::Na,
    }
}

/// `getRefundTotalForClaimLinesOnOrder`'s filter: a claimed line is refunded only when it
/// was shipped and the claimed quantity is at most what was shipped.
pub fn refunds_line(shipped_quantity: Option<i32>, claimed: i64) -> bool {
    let shipped = i64::from(shipped_quantity.unwrap_or(0));
    shipped > 0 && claimed <= shipped
}

/// `ClaimItemService.create`'s reason: one of Medusa's four.
pub fn claim_reason(reason: Option<&str>) -> Result<Reason> {
    match reason {
        Some("missing_item") => Ok(Reason::MissingItem),
        Some("wrong_item") => Ok(Reason::WrongItem),
        Some("production_failure") => Ok(Reason::ProductionFailure),
        Some("other") => Ok(Reason::Other),
        _ => Err(Error::invalid_data(
            "Claim Item reason must be one of \"missing_item\", \"wrong_item\", \"production_failure\" or \"other\".",
        )),
    }
}

/// `ClaimItemService.create`'s checks of the claimed line: a variant's line, and no more
/// than was fulfilled (a line never fulfilled counts 0).
pub fn check_claimable(
    has_variant: bool,
    fulfilled_quantity: Option<i32>,
    quantity: i64,
) -> Result<()> {
    if !has_variant {
        return Err(Error::not_allowed("Cannot claim a custom line item"));
    }
    if i64::from(fulfilled_quantity.unwrap_or(0)) < quantity {
        return Err(Error::not_allowed(
            "Cannot claim more of an item than has been fulfilled.",
        ));
    }
    Ok(())
}

/// A claim tag as Medusa stores it: trimmed, lower case.
pub fn normalize_tag(value: &str) -> String {
    value.trim().to_lowercase()
}

/// `update`: a canceled claim is not updated.
pub fn check_updatable(canceled: bool) -> Result<()> {
    if canceled {
        return Err(Error::not_allowed("Canceled claim cannot be updated"));
    }
    Ok(())
}

/// `createFulfillment`'s checks, in Medusa's order.
pub fn check_fulfillable(
    canceled: bool,
    status: &Fulfillment,
    kind: &Type,
    shipping_methods: usize,
) -> Result<()> {
    if canceled {
        return Err(Error::not_allowed("Canceled claim cannot be fulfilled"));
    }
    if !matches!(status, Fulfillment::NotFulfilled | Fulfillment::Canceled) {
        return Err(Error::not_allowed("The claim has already been fulfilled."));
    }
    if *kind != Type::Replace {
        return Err(Error::not_allowed(
            "Claims with the type \"refund\" can not be fulfilled.",
        ));
    }
    if shipping_methods == 0 {
        return Err(Error::not_allowed(
            "Cannot fulfill a claim without a shipping method.",
        ));
    }
    Ok(())
}

/// `processRefund`'s checks.
pub fn check_refundable(canceled: bool, kind: &Type) -> Result<()> {
    if canceled {
        return Err(Error::not_allowed("Canceled claim cannot be processed"));
    }
    if *kind != Type::Refund {
        return Err(Error::not_allowed(
            "Claim must have type \"refund\" to create a refund.",
        ));
    }
    Ok(())
}

/// `cancel`'s guards, in Medusa's order: a claim that refunded (any non-zero amount), one
/// with a fulfillment not canceled, one whose return is not canceled.
pub fn check_cancelable(
    refund_amount: Option<i32>,
    open_fulfillments: usize,
    return_status: Option<&ReturnStatusEnum>,
) -> Result<()> {
    if refund_amount.is_some_and(|a| a != 0) {
        return Err(Error::not_allowed("Claim with a refund cannot be canceled"));
    }
    check_parts_canceled("claim", open_fulfillments, return_status)
}

/// `createShipment`: a canceled claim ships nothing.
pub fn check_shippable(canceled: bool) -> Result<()> {
    crate::replacements::check_shippable("claim", canceled)
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
