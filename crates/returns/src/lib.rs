//! Return reasons (and, later, returns, claims and swaps).
//!
//! `medusa-returns` owns the `return_reason` table: a two-level tree of reasons with a unique
//! `value`, soft-deleted with its children. It knows no HTTP framework: the admin app reads
//! bodies with the `from_body` constructors and calls [`ReturnReasonService`].

pub mod input;
pub mod return_reasons;

pub use return_reasons::{
    CreateReturnReason, ReturnReasonService, ReturnReasonView, SeaReturnReasonService,
    UpdateReturnReason,
};
