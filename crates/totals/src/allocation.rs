//! How a discount reaches each line: `TotalsService.getLineDiscounts` / `getAllocationMap`,
//! which both engines read through their calculation context.

use std::collections::HashMap;

use serde::Serialize;

use crate::input::{Discount, DiscountRuleType, LineItem};
use crate::rounding::{js_round, serialize_js_number};

/// The discount allocated to one line.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct LineAllocation {
    /// Σ of the line's adjustments that count (unrounded).
    #[serde(serialize_with = "serialize_js_number")]
    pub amount: f64,
    /// `round(amount / quantity)`: the per-unit discount refunds are computed with.
    #[serde(serialize_with = "serialize_js_number")]
    pub unit_amount: f64,
}

/// One row of `getLineDiscounts`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineDiscountAmount {
    pub item_id: String,
    /// Σ adjustments of the given discount; 0 when the line does not allow discounts.
    #[serde(serialize_with = "serialize_js_number")]
    pub amount: f64,
    /// Σ adjustments without a discount, counted even when discounts are not allowed.
    #[serde(
        serialize_with = "serialize_js_number",
        rename = "customAdjustmentsAmount"
    )]
    pub custom_adjustments_amount: f64,
}

/// The discount whose adjustments are allocated: the first one that is not free shipping.
pub fn allocated_discount(discounts: &[Discount]) -> Option<&Discount> {
    discounts
        .iter()
        .find(|d| d.rule_type != DiscountRuleType::FreeShipping)
}

/// `getLineDiscounts` over the order items followed by the swap and claim items.
pub fn line_discounts(
    items: &[LineItem],
    swap_and_claim_items: &[LineItem],
    discount: Option<&Discount>,
) -> Vec<LineDiscountAmount> {
    items
        .iter()
        .chain(swap_and_claim_items)
        .map(|item| {
            let of_discount: f64 = match discount {
                Some(discount) if item.allow_discounts => item
                    .adjustments
                    .iter()
                    .filter(|a| a.discount_id.as_deref() == Some(discount.id.as_str()))
                    .map(|a| a.amount)
                    .sum(),
                _ => 0.0,
            };
            let custom: f64 = item
                .adjustments
                .iter()
                .filter(|a| a.discount_id.is_none())
                .map(|a| a.amount)
                .sum();
            LineDiscountAmount {
                item_id: item.id.clone(),
                amount: of_discount,
                custom_adjustments_amount: custom,
            }
        })
        .collect()
}

/// `getAllocationMap`: every order, swap and claim item's allocation, by item id.
///
/// Item ids are unique in practice; Medusa would leave `unit_amount` unrounded for a repeated
/// id, which this map does not reproduce (the later row wins, rounded).
pub fn allocation_map(
    items: &[LineItem],
    swap_and_claim_items: &[LineItem],
    discounts: &[Discount],
) -> HashMap<String, LineAllocation> {
    let quantities: HashMap<&str, i64> = items
        .iter()
        .chain(swap_and_claim_items)
        .map(|item| (item.id.as_str(), item.quantity))
        .collect();
    line_discounts(items, swap_and_claim_items, allocated_discount(discounts))
        .into_iter()
        .map(|line| {
            let amount = line.amount + line.custom_adjustments_amount;
            let quantity = quantities.get(line.item_id.as_str()).copied().unwrap_or(1) as f64;
            let allocation = LineAllocation {
                amount,
                unit_amount: js_round(amount / quantity),
            };
            (line.item_id, allocation)
        })
        .collect()
}

/// The deprecated `getLineItemDiscountAdjustment`: the amount of the first adjustment that
/// belongs to `discount_id` (JavaScript compared `undefined === undefined`, so `None` matches
/// an adjustment without a discount).
pub fn line_item_discount_adjustment(item: &LineItem, discount_id: Option<&str>) -> f64 {
    item.adjustments
        .iter()
        .find(|a| a.discount_id.as_deref() == discount_id)
        .map_or(0.0, |a| a.amount)
}
