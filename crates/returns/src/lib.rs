//! Return reasons and returns (and, later, claims and swaps).
//!
//! `medusa-returns` owns the `return_reason` table: a two-level tree of reasons with a unique
//! `value`, soft-deleted with its children; and returns (`return`, `return_item`): requested
//! on an order, received (refunding the order's payments) or canceled, as Medusa 1.20 does.
//! It reads orders through `medusa-order` and computes refunds with `medusa-totals`. It knows
//! no HTTP framework: the admin app reads bodies with the `from_body` constructors and calls
//! [`ReturnReasonService`] and [`ReturnService`].

// Tests may unwrap: a panic there is the failure report.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod events;
pub mod input;
pub mod return_reasons;
pub mod returns;

pub use returns::{
    ReceiveReturn, RequestReturn, ReturnItemInput, ReturnService, ReturnShipping, SeaReturnService,
    RETURN_LIST,
};

pub use return_reasons::{
    CreateReturnReason, ReturnReasonService, ReturnReasonView, SeaReturnReasonService,
    UpdateReturnReason,
};
