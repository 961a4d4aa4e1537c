//! The legacy engine, `TotalsService` (services/totals.ts): `GET /admin/orders` uses it when
//! `fields` names totals, and returns and claims take line refunds from it.
//!
//! It differs from [`crate::current`] on purpose: the gift-cardable amount is
//! `subtotal − discount_total` (no shipping, no tax), the discount total is Σ of *all*
//! adjustments capped by the discountable subtotal, and the tax total comes from one strategy
//! pass over the whole order. Only orders are modelled (carts need the tax provider).

use std::fmt;

use serde::Serialize;

use crate::allocation::{allocation_map, LineAllocation};
use crate::current::refund_with_tax_lines;
use crate::gift_card::{gift_card_totals, GiftCardTotals};
use crate::input::{LineItem, OrderInput, ShippingMethod};
use crate::rounding::{js_round, serialize_js_number};
use crate::tax::{included_unit_tax, item_tax, price_tax_amount, shipping_tax, LineSums};

/// `TotalsService.getLineItemTotals` with `include_tax`. With an order tax rate the tax
/// figures are not rounded, hence `f64` (printed as JavaScript prints numbers).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LegacyLineItemTotals {
    pub id: String,
    pub subtotal: i64,
    pub discount_total: i64,
    #[serde(skip_serializing)]
    pub raw_discount_total: f64,
    #[serde(serialize_with = "serialize_js_number")]
    pub tax_total: f64,
    #[serde(serialize_with = "serialize_js_number")]
    pub original_tax_total: f64,
    #[serde(serialize_with = "serialize_js_number")]
    pub total: f64,
    #[serde(serialize_with = "serialize_js_number")]
    pub original_total: f64,
    /// `getLineItemRefund` for `quantity − returned_quantity` (the `items.refundable` field).
    pub refundable: i64,
}

/// Every order total the legacy engine can add; the caller keeps the ones `fields` names.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LegacyOrderTotals {
    pub subtotal: i64,
    pub discount_total: i64,
    pub shipping_total: i64,
    pub tax_total: i64,
    pub gift_card_total: i64,
    pub gift_card_tax_total: i64,
    pub total: i64,
    pub paid_total: i64,
    pub refunded_total: i64,
    pub refundable_amount: i64,
    #[serde(skip)]
    pub items: Vec<LegacyLineItemTotals>,
}

/// `getRefundTotal` was asked to refund a line that is not on the order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineItemNotOnOrder {
    pub item_id: String,
}

impl fmt::Display for LineItemNotOnOrder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Medusa's message (an `invalid_data` error).
        f.write_str("Line item does not exist on order")
    }
}

impl std::error::Error for LineItemNotOnOrder {}

fn allocation_of<'a>(
    allocations: &'a std::collections::HashMap<String, LineAllocation>,
    item: &LineItem,
) -> &'a LineAllocation {
    const NONE: &LineAllocation = &LineAllocation {
        amount: 0.0,
        unit_amount: 0.0,
    };
    allocations.get(&item.id).unwrap_or(NONE)
}

fn order_allocations(order: &OrderInput) -> std::collections::HashMap<String, LineAllocation> {
    allocation_map(&order.items, &order.swap_and_claim_items, &order.discounts)
}

/// `getLineItemTotals(item, order, { include_tax: true })`.
pub fn line_item_totals(order: &OrderInput, item: &LineItem) -> LegacyLineItemTotals {
    let allocations = order_allocations(order);
    line_item_totals_with(order, item, allocation_of(&allocations, item))
}

fn line_item_totals_with(
    order: &OrderInput,
    item: &LineItem,
    allocation: &LineAllocation,
) -> LegacyLineItemTotals {
    let settings = &order.tax;
    let unit_price = item.unit_price as f64;
    let quantity = item.quantity as f64;
    let inclusive = settings.inclusive(item.includes_tax);
    let gross = unit_price * quantity;
    let raw_discount_total = allocation.amount;
    let discount_total = js_round(raw_discount_total);
    let mut sums = LineSums::untaxed(gross, inclusive, discount_total);

    // `!= null`: a rate of 0 still takes this path here.
    if let Some(order_rate) = settings.order_tax_rate {
        let rate = order_rate / 100.0;
        // The check reads the column, the amount the flag (as in the new engine).
        let contained = if item.includes_tax {
            js_round(price_tax_amount(unit_price, rate, inclusive))
        } else {
            0.0
        };
        sums.subtotal = (unit_price - contained) * quantity;
        sums.original_tax_total = sums.subtotal * rate;
        sums.tax_total = (sums.subtotal - discount_total) * rate;
        sums.total = sums.subtotal + sums.tax_total;
        sums.original_total += sums.original_tax_total;
    }
    // Not an `else`: lines on a legacy-rate order would be applied on top (Medusa's order of
    // statements).
    sums.add_tax_lines(item, gross, raw_discount_total, settings);
    let refundable = line_item_refund_with(order, item, item.refundable_quantity(), allocation);
    LegacyLineItemTotals {
        id: item.id.clone(),
        subtotal: sums.subtotal as i64,
        discount_total: discount_total as i64,
        raw_discount_total,
        tax_total: sums.tax_total,
        original_tax_total: sums.original_tax_total,
        total: sums.total,
        original_total: sums.original_total,
        refundable,
    }
}

/// `getSubtotal`: Σ item subtotals (order items only), rounded; `discountable_only` is
/// Medusa's `excludeNonDiscounts`.
pub fn subtotal(order: &OrderInput, discountable_only: bool) -> i64 {
    let allocations = order_allocations(order);
    let sum: f64 = order
        .items
        .iter()
        .filter(|item| !discountable_only || item.allow_discounts)
        .map(|item| {
            line_item_totals_with(order, item, allocation_of(&allocations, item)).subtotal as f64
        })
        .sum();
    js_round(sum) as i64
}

/// The shipping part of `getShippingMethodTotals(method, order, { include_tax: true })`: the
/// method's subtotal (what `getShippingTotal` sums).
pub fn shipping_method_subtotal(order: &OrderInput, method: &ShippingMethod) -> i64 {
    if order.has_free_shipping() {
        return 0;
    }
    if method.tax_lines.is_empty() {
        return method.price;
    }
    let tax = js_round(shipping_tax(method, &method.tax_lines, &order.tax)) as i64;
    if order.tax.inclusive(method.includes_tax) {
        method.price - tax
    } else {
        method.price
    }
}

/// `getShippingTotal`.
pub fn shipping_total(order: &OrderInput) -> i64 {
    order
        .shipping_methods
        .iter()
        .map(|method| shipping_method_subtotal(order, method))
        .sum()
}

/// `getDiscountTotal`: Σ of every adjustment of the order items (any discount), rounded, and
/// capped by the discountable subtotal (`max` when that subtotal is negative).
pub fn discount_total(order: &OrderInput) -> i64 {
    let discountable = subtotal(order, true);
    let adjustments: f64 = order
        .items
        .iter()
        .flat_map(|item| &item.adjustments)
        .map(|a| a.amount)
        .sum();
    let adjustments = js_round(adjustments) as i64;
    if discountable < 0 {
        discountable.max(adjustments)
    } else {
        discountable.min(adjustments)
    }
}

/// `getGiftCardTotal` with the legacy gift-cardable amount `subtotal − discount_total`.
pub fn gift_card_total(order: &OrderInput) -> GiftCardTotals {
    let gift_cardable = (subtotal(order, false) - discount_total(order)) as f64;
    gift_card_totals(
        gift_cardable,
        &order.gift_cards,
        &order.gift_card_transactions,
        &order.region,
    )
}

/// `getTaxTotal` for an order.
pub fn tax_total(order: &OrderInput) -> i64 {
    let gift_cards = gift_card_total(order);
    if let Some(order_rate) = order.tax.order_tax_rate {
        let base = subtotal(order, false) - discount_total(order) - gift_cards.total as i64
            + shipping_total(order);
        return js_round(base as f64 * (order_rate / 100.0)) as i64;
    }
    let allocations = order_allocations(order);
    let items_tax: f64 = order
        .items
        .iter()
        .map(|item| {
            item_tax(
                item,
                &item.tax_lines,
                allocation_of(&allocations, item).amount,
                &order.tax,
            )
        })
        .sum();
    let shipping: f64 = order
        .shipping_methods
        .iter()
        .map(|method| shipping_tax(method, &method.tax_lines, &order.tax))
        .sum();
    let strategy = js_round(items_tax + shipping);
    if order.region.gift_cards_taxable {
        js_round(strategy - gift_cards.tax_total as f64) as i64
    } else {
        strategy as i64
    }
}

/// `getTotal`: subtotal + tax + shipping − discount − gift cards.
pub fn total(order: &OrderInput) -> i64 {
    subtotal(order, false) + tax_total(order) + shipping_total(order)
        - discount_total(order)
        - gift_card_total(order).total as i64
}

/// `getLineItemRefund(order, item)` for `quantity` units of the item.
pub fn line_item_refund(order: &OrderInput, item: &LineItem, quantity: i64) -> i64 {
    let allocations = order_allocations(order);
    line_item_refund_with(order, item, quantity, allocation_of(&allocations, item))
}

fn line_item_refund_with(
    order: &OrderInput,
    item: &LineItem,
    quantity: i64,
    allocation: &LineAllocation,
) -> i64 {
    let inclusive = order.tax.inclusive(item.includes_tax);
    let Some(order_rate) = order.tax.order_tax_rate else {
        return refund_with_tax_lines(item, quantity as f64, allocation, inclusive);
    };
    // Unlike the new engine's legacy path, this one subtracts the per-unit discount.
    let rate = order_rate / 100.0;
    let unit_discount = if allocation.unit_amount.is_nan() {
        0.0
    } else {
        allocation.unit_amount
    };
    let quantity = quantity as f64;
    let contained = if inclusive {
        included_unit_tax(item.unit_price, rate)
    } else {
        0.0
    };
    let base = (item.unit_price as f64 - contained) * quantity - unit_discount * quantity;
    js_round(base * (1.0 + rate)) as i64
}

/// Each order item's `refundable` (`getLineItemRefund` for its quantity less the returned
/// one), by item id: what `items.refundable` alone asks, without the order's other totals.
pub fn item_refunds(order: &OrderInput) -> std::collections::HashMap<&str, i64> {
    let allocations = order_allocations(order);
    order
        .items
        .iter()
        .map(|item| {
            let allocation = allocation_of(&allocations, item);
            let refund = line_item_refund_with(order, item, item.refundable_quantity(), allocation);
            (item.id.as_str(), refund)
        })
        .collect()
}

/// `getRefundTotal`: the rounded Σ of the refunds of `lines` (each with the quantity to
/// refund), which must be order, swap or claim items.
pub fn refund_total(order: &OrderInput, lines: &[LineItem]) -> Result<i64, LineItemNotOnOrder> {
    let allocations = order_allocations(order);
    let mut sum = 0.0;
    for line in lines {
        let on_order = order
            .items
            .iter()
            .chain(&order.swap_and_claim_items)
            .any(|item| item.id == line.id);
        if !on_order {
            return Err(LineItemNotOnOrder {
                item_id: line.id.clone(),
            });
        }
        sum += line_item_refund_with(
            order,
            line,
            line.quantity,
            allocation_of(&allocations, line),
        ) as f64;
    }
    Ok(js_round(sum) as i64)
}

/// Every legacy total of the order (`decorateTotalsLegacy` with all total fields).
pub fn order_totals(order: &OrderInput) -> LegacyOrderTotals {
    let allocations = order_allocations(order);
    let gift_cards = gift_card_total(order);
    let paid_total = order.paid_total();
    let refunded_total = order.refunded_total();
    LegacyOrderTotals {
        subtotal: subtotal(order, false),
        discount_total: discount_total(order),
        shipping_total: shipping_total(order),
        tax_total: tax_total(order),
        gift_card_total: gift_cards.total as i64,
        gift_card_tax_total: gift_cards.tax_total,
        total: total(order),
        paid_total,
        refunded_total,
        refundable_amount: paid_total - refunded_total,
        items: order
            .items
            .iter()
            .map(|item| line_item_totals_with(order, item, allocation_of(&allocations, item)))
            .collect(),
    }
}
