//! Return reasons, returns, claims and swaps.
//!
//! `medusa-returns` owns the `return_reason` table: a two-level tree of reasons with a unique
//! `value`, soft-deleted with its children; and returns (`return`, `return_item`): requested
//! on an order, received (refunding the order's payments) or canceled, as Medusa 1.20 does;
//! and claims (`claim_order`, `claim_item` with tags and images): created with their return,
//! additional items and refund, updated, fulfilled and shipped through `medusa-order`'s
//! fulfillments, canceled ([`ClaimService`]); and swaps (`swap`): a return with replacement
//! items and the swap's cart (return lines negative, custom shipping prices), its payment
//! processed, fulfilled, shipped, canceled, and read ([`SwapService`]).
//! It reads orders through `medusa-order` and computes refunds with `medusa-totals`. It knows
//! no HTTP framework: the admin app reads bodies with the `from_body` constructors and calls
//! [`ReturnReasonService`] and [`ReturnService`].

// Tests may unwrap: a panic there is the failure report.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod claims;
pub mod events;
pub mod input;
pub mod order_writes;
pub mod replacements;
pub mod return_reasons;
pub mod returns;
pub mod swaps;

pub use claims::{ClaimService, SeaClaimService};
pub use input::{
    AdditionalItem, ClaimItemInput, ClaimShippingMethod, CreateClaim, CreateReturnReason,
    CreateSwap, CustomShippingOption, FulfillAdditionalItems, ImageRef, ReceiveReturn,
    RequestReturn, ReturnItemInput, ReturnShipping, ShipClaim, ShipSwap, TagRef, UpdateClaim,
    UpdateClaimItem, UpdateReturnReason,
};
pub use return_reasons::{ReturnReasonService, ReturnReasonView, SeaReturnReasonService};
pub use returns::{ReturnService, SeaReturnService, RETURN_LIST};
pub use swaps::{SeaSwapService, SwapService};
