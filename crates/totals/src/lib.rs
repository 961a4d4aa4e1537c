//! Medusa 1.20's order totals, computed from rows already loaded.
//!
//! `medusa-totals` owns the arithmetic only: no database, no HTTP, no other crate of ours.
//! A caller loads an order's items (with tax lines and adjustments), shipping methods,
//! discounts, gift cards and transactions, region settings, payments and refunds into an
//! [`OrderInput`], then asks one of the two engines Medusa has:
//!
//! - [`current`]: `NewTotalsService` as `OrderService.decorateTotals` uses it (order detail and
//!   every order mutation's answer);
//! - [`legacy`]: `TotalsService` (`GET /admin/orders` when `fields` names totals, line
//!   refunds of returns and claims).
//!
//! They disagree in places on purpose; each module says where. Medusa computes in JavaScript
//! numbers (f64) and rounds with `Math.round` at fixed steps; [`js_round`] is that rounding,
//! and outputs are `i64` where Medusa's value is always integral, `f64` where it can carry a
//! fraction (printed as JavaScript prints numbers). Outputs serialize with Medusa's names.

pub mod allocation;
pub mod current;
pub mod gift_card;
pub mod input;
pub mod legacy;
pub mod rounding;
pub mod tax;

pub use allocation::{allocation_map, LineAllocation};
pub use gift_card::GiftCardTotals;
pub use input::{
    Adjustment, Discount, DiscountRuleType, GiftCard, GiftCardTransaction, LineItem, OrderInput,
    Region, ShippingMethod, TaxLine, TaxSettings,
};
pub use rounding::{js_round, serialize_js_number};
pub use tax::price_tax_amount;
