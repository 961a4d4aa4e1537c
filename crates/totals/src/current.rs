//! The engine of `GET /admin/orders/:id` and every order mutation's answer:
//! `NewTotalsService` as `OrderService.decorateTotals` drives it.
//!
//! Tax lines are taken as given: the caller passes each item's and method's persisted lines
//! (or, where Medusa would ask the tax provider because none is persisted, the lines the
//! provider computes). An item or method without lines is untaxed.
//!
//! [`cart_totals`] is the same engine as `CartService.decorateTotals` drives it (carts and
//! draft orders), which settles gift cards differently.

use serde::Serialize;

use crate::allocation::{allocation_map, LineAllocation};
use crate::gift_card::{gift_card_totals, gift_cardable_amount};
use crate::input::{LineItem, OrderInput, ShippingMethod, TaxSettings};
use crate::rounding::{js_round, serialize_js_number};
use crate::tax::{combined_rate, included_unit_tax, price_tax_amount, shipping_tax, LineSums};

/// Totals of one line item, with Medusa's field names.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LineItemTotals {
    pub id: String,
    pub subtotal: i64,
    pub discount_total: i64,
    /// Medusa strips this from every response, so it is never serialized.
    #[serde(skip_serializing)]
    pub raw_discount_total: f64,
    pub tax_total: i64,
    pub original_tax_total: i64,
    pub total: i64,
    pub original_total: i64,
    /// Only filled by [`order_totals`] (Medusa sets it in the order decoration only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refundable: Option<i64>,
}

/// Totals of one shipping method, with Medusa's field names.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ShippingMethodTotals {
    pub id: String,
    pub price: i64,
    pub subtotal: i64,
    pub tax_total: i64,
    pub original_tax_total: i64,
    pub total: i64,
    pub original_total: i64,
}

/// The order-level totals `decorateTotals` adds, plus the per-line breakdowns.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct OrderTotals {
    pub subtotal: i64,
    pub discount_total: i64,
    #[serde(skip_serializing)]
    pub raw_discount_total: f64,
    pub shipping_total: i64,
    pub item_tax_total: i64,
    pub shipping_tax_total: i64,
    pub tax_total: i64,
    /// Fractional when a fractional discount makes the gift-cardable amount fractional.
    #[serde(serialize_with = "serialize_js_number")]
    pub gift_card_total: f64,
    pub gift_card_tax_total: i64,
    #[serde(serialize_with = "serialize_js_number")]
    pub total: f64,
    pub paid_total: i64,
    pub refunded_total: i64,
    pub refundable_amount: i64,
    #[serde(skip)]
    pub items: Vec<LineItemTotals>,
    /// Medusa attaches these totals to swap and claim items only when `returnable_items` is
    /// requested; otherwise those items carry `refundable` alone.
    #[serde(skip)]
    pub swap_and_claim_items: Vec<LineItemTotals>,
    #[serde(skip)]
    pub shipping_methods: Vec<ShippingMethodTotals>,
}

/// `getLineItemTotals` for one item; `allocation` is its entry of the allocation map.
pub fn line_item_totals(
    item: &LineItem,
    allocation: &LineAllocation,
    settings: &TaxSettings,
) -> LineItemTotals {
    match settings.truthy_order_tax_rate() {
        Some(rate) => line_item_totals_with_order_rate(item, allocation, rate, settings),
        None => line_item_totals_with_tax_lines(item, allocation, settings),
    }
}

fn line_item_totals_with_tax_lines(
    item: &LineItem,
    allocation: &LineAllocation,
    settings: &TaxSettings,
) -> LineItemTotals {
    let gross = item.unit_price as f64 * item.quantity as f64;
    let inclusive = settings.inclusive(item.includes_tax);
    let raw_discount_total = allocation.amount;
    let discount_total = js_round(raw_discount_total);
    let mut sums = LineSums::untaxed(gross, inclusive, discount_total);
    sums.add_tax_lines(item, gross, raw_discount_total, settings);
    LineItemTotals {
        id: item.id.clone(),
        subtotal: sums.subtotal as i64,
        discount_total: discount_total as i64,
        raw_discount_total,
        tax_total: sums.tax_total as i64,
        original_tax_total: sums.original_tax_total as i64,
        total: sums.total as i64,
        original_total: sums.original_total as i64,
        refundable: None,
    }
}

/// Orders from before tax lines: one order-wide rate, and the total does not subtract the
/// discount (Medusa's legacy path).
fn line_item_totals_with_order_rate(
    item: &LineItem,
    allocation: &LineAllocation,
    order_tax_rate: f64,
    settings: &TaxSettings,
) -> LineItemTotals {
    let inclusive = settings.inclusive(item.includes_tax);
    let rate = order_tax_rate / 100.0;
    let unit_price = item.unit_price as f64;
    let raw_discount_total = allocation.amount;
    let discount_total = js_round(raw_discount_total);
    // With the flag off an `includes_tax` item still loses `price × rate` per unit here: the
    // check reads the column, the amount the flag (Medusa's behaviour).
    let contained = if item.includes_tax {
        js_round(price_tax_amount(unit_price, rate, inclusive))
    } else {
        0.0
    };
    let subtotal = js_round((unit_price - contained) * item.quantity as f64);
    let original_tax_total = js_round(subtotal * rate);
    let tax_total = js_round((subtotal - discount_total) * rate);
    let mut original_total = if inclusive {
        subtotal
    } else {
        unit_price * item.quantity as f64
    };
    original_total += original_tax_total;
    LineItemTotals {
        id: item.id.clone(),
        subtotal: subtotal as i64,
        discount_total: discount_total as i64,
        raw_discount_total,
        tax_total: tax_total as i64,
        original_tax_total: original_tax_total as i64,
        total: (subtotal + tax_total) as i64,
        original_total: original_total as i64,
        refundable: None,
    }
}

/// `getShippingMethodTotals` for one method.
pub fn shipping_method_totals(
    method: &ShippingMethod,
    free_shipping: bool,
    settings: &TaxSettings,
) -> ShippingMethodTotals {
    let price = method.price as f64;
    let mut totals = ShippingMethodTotals {
        id: method.id.clone(),
        price: method.price,
        subtotal: method.price,
        total: method.price,
        original_total: method.price,
        ..ShippingMethodTotals::default()
    };
    if let Some(rate) = settings.truthy_order_tax_rate() {
        // The legacy path reports the tax but does not add it to the totals.
        let tax = js_round(price * (rate / 100.0)) as i64;
        totals.tax_total = tax;
        totals.original_tax_total = tax;
    } else if !method.tax_lines.is_empty() {
        let tax = js_round(shipping_tax(method, &method.tax_lines, settings)) as i64;
        totals.tax_total = tax;
        totals.original_tax_total = tax;
        if settings.inclusive(method.includes_tax) {
            totals.subtotal -= tax;
        } else {
            totals.total += tax;
            totals.original_total += tax;
        }
    }
    if free_shipping {
        totals.subtotal = 0;
        totals.total = 0;
        totals.tax_total = 0;
    }
    totals
}

/// `getLineItemRefund`: what refunding `quantity` units of the item gives back.
///
/// Any order rate, even 0, takes the legacy formula here (Medusa tests `!= null`).
pub fn line_item_refund(
    item: &LineItem,
    quantity: i64,
    allocation: &LineAllocation,
    settings: &TaxSettings,
) -> i64 {
    let unit_price = item.unit_price as f64;
    let quantity = quantity as f64;
    let inclusive = settings.inclusive(item.includes_tax);
    if let Some(order_rate) = settings.order_tax_rate {
        let rate = order_rate / 100.0;
        let contained = if inclusive {
            included_unit_tax(item.unit_price, rate)
        } else {
            0.0
        };
        let base = (unit_price - contained) * quantity - allocation.amount;
        return js_round(base * (1.0 + rate)) as i64;
    }
    refund_with_tax_lines(item, quantity, allocation, inclusive)
}

/// The tax-line refund both engines share: the per-unit (rounded) discount times the
/// quantity, then each tax line rounded on its own; the sum is not rounded again.
pub(crate) fn refund_with_tax_lines(
    item: &LineItem,
    quantity: f64,
    allocation: &LineAllocation,
    inclusive: bool,
) -> i64 {
    // `unit_amount || 0`: a NaN from a zero quantity counts as no discount.
    let unit_discount = if allocation.unit_amount.is_nan() {
        0.0
    } else {
        allocation.unit_amount
    };
    let contained = if inclusive {
        included_unit_tax(item.unit_price, combined_rate(&item.tax_lines))
    } else {
        0.0
    };
    let base = (item.unit_price as f64 - contained) * quantity - unit_discount * quantity;
    let tax: f64 = item
        .tax_lines
        .iter()
        .map(|line| js_round(base * (line.rate / 100.0)))
        .sum();
    (base + tax) as i64
}

/// `OrderService.decorateTotals` without `fields`: every total of the order.
pub fn order_totals(order: &OrderInput) -> OrderTotals {
    let settings = &order.tax;
    let allocations = allocation_map(&order.items, &order.swap_and_claim_items, &order.discounts);
    let no_allocation = LineAllocation::default();
    let decorate = |item: &LineItem| {
        let allocation = allocations.get(&item.id).unwrap_or(&no_allocation);
        let mut totals = line_item_totals(item, allocation, settings);
        totals.refundable = Some(line_item_refund(
            item,
            item.refundable_quantity(),
            allocation,
            settings,
        ));
        totals
    };
    let items: Vec<LineItemTotals> = order.items.iter().map(decorate).collect();
    let swap_and_claim_items = order.swap_and_claim_items.iter().map(decorate).collect();
    let free_shipping = order.has_free_shipping();
    let shipping_methods: Vec<ShippingMethodTotals> = order
        .shipping_methods
        .iter()
        .map(|method| shipping_method_totals(method, free_shipping, settings))
        .collect();

    let subtotal: i64 = items.iter().map(|i| i.subtotal).sum();
    let raw_discount_total: f64 = items.iter().map(|i| i.raw_discount_total).sum();
    let item_tax_total: i64 = items.iter().map(|i| i.tax_total).sum();
    let shipping_total: i64 = shipping_methods.iter().map(|m| m.subtotal).sum();
    let shipping_tax_total: i64 = shipping_methods.iter().map(|m| m.tax_total).sum();
    let tax_before_gift_cards = item_tax_total + shipping_tax_total;

    // The gift-cardable amount uses the raw (unrounded) discount sum.
    let gift_cardable = gift_cardable_amount(
        order.region.gift_cards_taxable,
        subtotal as f64,
        shipping_total as f64,
        raw_discount_total,
        tax_before_gift_cards as f64,
    );
    let gift_cards = gift_card_totals(
        gift_cardable,
        &order.gift_cards,
        &order.gift_card_transactions,
        &order.region,
    );
    let tax_total = tax_before_gift_cards - gift_cards.tax_total;
    let discount_total = js_round(raw_discount_total);
    let total = subtotal as f64 + shipping_total as f64 + tax_total as f64
        - (gift_cards.total + discount_total);

    let paid_total = order.paid_total();
    let refunded_total = order.refunded_total();
    OrderTotals {
        subtotal,
        discount_total: discount_total as i64,
        raw_discount_total,
        shipping_total,
        item_tax_total,
        shipping_tax_total,
        tax_total,
        gift_card_total: gift_cards.total,
        gift_card_tax_total: gift_cards.tax_total,
        total,
        paid_total,
        refunded_total,
        refundable_amount: paid_total - refunded_total,
        items,
        swap_and_claim_items,
        shipping_methods,
    }
}

/// The totals `CartService.decorateTotals` adds to a cart (and a draft order's cart).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct CartTotals {
    pub subtotal: i64,
    pub discount_total: i64,
    #[serde(skip_serializing)]
    pub raw_discount_total: f64,
    pub shipping_total: i64,
    pub item_tax_total: i64,
    pub shipping_tax_total: i64,
    /// Not reduced by the gift-card tax (orders reduce it; carts subtract it from `total`).
    pub tax_total: i64,
    #[serde(serialize_with = "serialize_js_number")]
    pub gift_card_total: f64,
    pub gift_card_tax_total: i64,
    #[serde(serialize_with = "serialize_js_number")]
    pub total: f64,
    #[serde(skip)]
    pub items: Vec<LineItemTotals>,
    #[serde(skip)]
    pub shipping_methods: Vec<ShippingMethodTotals>,
}

/// `CartService.decorateTotals`. Reads items, shipping methods, discounts, gift cards (their
/// balances; carts have no transactions), the region and the tax-inclusive flag; the order tax
/// rate, payments, refunds and swap items do not apply to carts. Pass tax lines only when
/// Medusa computes taxes for the cart (`region.automatic_taxes` or forced).
pub fn cart_totals(cart: &OrderInput) -> CartTotals {
    let settings = TaxSettings {
        order_tax_rate: None,
        ..cart.tax
    };
    let allocations = allocation_map(&cart.items, &[], &cart.discounts);
    let no_allocation = LineAllocation::default();
    let items: Vec<LineItemTotals> = cart
        .items
        .iter()
        .map(|item| {
            line_item_totals(
                item,
                allocations.get(&item.id).unwrap_or(&no_allocation),
                &settings,
            )
        })
        .collect();
    let free_shipping = cart.has_free_shipping();
    let shipping_methods: Vec<ShippingMethodTotals> = cart
        .shipping_methods
        .iter()
        .map(|method| shipping_method_totals(method, free_shipping, &settings))
        .collect();

    let subtotal: i64 = items.iter().map(|i| i.subtotal).sum();
    let raw_discount_total: f64 = items.iter().map(|i| i.raw_discount_total).sum();
    let item_tax_total: i64 = items.iter().map(|i| i.tax_total).sum();
    let shipping_total: i64 = shipping_methods.iter().map(|m| m.subtotal).sum();
    let shipping_tax_total: i64 = shipping_methods.iter().map(|m| m.tax_total).sum();
    let tax_total = item_tax_total + shipping_tax_total;
    // Unlike orders, the cart rounds the discount before the gift-cardable amount.
    let discount_total = js_round(raw_discount_total);
    let gift_cardable = gift_cardable_amount(
        cart.region.gift_cards_taxable,
        subtotal as f64,
        shipping_total as f64,
        discount_total,
        tax_total as f64,
    );
    let gift_cards = gift_card_totals(gift_cardable, &cart.gift_cards, &[], &cart.region);
    let total = subtotal as f64 + shipping_total as f64 + tax_total as f64
        - (gift_cards.total + discount_total + gift_cards.tax_total as f64);
    CartTotals {
        subtotal,
        discount_total: discount_total as i64,
        raw_discount_total,
        shipping_total,
        item_tax_total,
        shipping_tax_total,
        tax_total,
        gift_card_total: gift_cards.total,
        gift_card_tax_total: gift_cards.tax_total,
        total,
        items,
        shipping_methods,
    }
}
