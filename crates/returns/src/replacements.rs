//! What claims and swaps share as pure rules: both send replacement items on fulfillments of
//! their own, so the status those items reach, and the guards before shipping or canceling,
//! are one rule with the resource's name in its messages.

use medusa_core::{Error, Result};
use medusa_entity::sea_orm_active_enums::{
    ClaimOrderFulfillmentStatusEnum, ReturnStatusEnum, SwapFulfillmentStatusEnum,
};
use medusa_order::status::{all_done, LineProgress};

/// Where a claim's or a swap's replacement items stand after a fulfillment or a shipment;
/// each resource's own `fulfillment_status` converts from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplacementProgress {
    Fulfilled,
    RequiresAction,
    Shipped,
    PartiallyShipped,
}

/// The claim's and the swap's status enums name the same four states.
macro_rules! from_replacement_progress {
    ($($status:ty),+) => {$(
        impl From<ReplacementProgress> for $status {
            fn from(progress: ReplacementProgress) -> Self {
                match progress {
                    ReplacementProgress::Fulfilled => Self::Fulfilled,
                    ReplacementProgress::RequiresAction => Self::RequiresAction,
                    ReplacementProgress::Shipped => Self::Shipped,
                    ReplacementProgress::PartiallyShipped => Self::PartiallyShipped,
                }
            }
        }
    )+};
}

from_replacement_progress!(ClaimOrderFulfillmentStatusEnum, SwapFulfillmentStatusEnum);

/// The `fulfillment_status` after a fulfillment: `fulfilled` when every additional item is,
/// else `requires_action`.
pub fn after_fulfillment<S: From<ReplacementProgress>>(lines: &[LineProgress]) -> S {
    S::from(if all_done(lines) {
        ReplacementProgress::Fulfilled
    } else {
        ReplacementProgress::RequiresAction
    })
}

/// The `fulfillment_status` after a shipment: `shipped` when every additional item is, else
/// `partially_shipped`.
pub fn after_shipment<S: From<ReplacementProgress>>(lines: &[LineProgress]) -> S {
    S::from(if all_done(lines) {
        ReplacementProgress::Shipped
    } else {
        ReplacementProgress::PartiallyShipped
    })
}

/// `createShipment`: a canceled claim or swap (`resource`) ships nothing.
pub fn check_shippable(resource: &str, canceled: bool) -> Result<()> {
    if canceled {
        return Err(Error::not_allowed(format!(
            "Canceled {resource} cannot be fulfilled as shipped"
        )));
    }
    Ok(())
}

/// `cancel`'s last guards, in Medusa's order: every fulfillment of the claim or swap
/// (`resource`) canceled, then its return.
pub fn check_parts_canceled(
    resource: &str,
    open_fulfillments: usize,
    return_status: Option<&ReturnStatusEnum>,
) -> Result<()> {
    if open_fulfillments > 0 {
        return Err(Error::not_allowed(format!(
            "All fulfillments must be canceled before the {resource} can be canceled"
        )));
    }
    if return_status.is_some_and(|s| *s != ReturnStatusEnum::Canceled) {
        return Err(Error::not_allowed(format!(
            "Return must be canceled before the {resource} can be canceled"
        )));
    }
    Ok(())
}
