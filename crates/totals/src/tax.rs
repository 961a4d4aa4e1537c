//! Tax amounts: Medusa's `calculatePriceTaxAmount` util and its default tax-calculation
//! strategy (`strategies/tax-calculation.ts`), which both engines call.

use crate::input::{LineItem, ShippingMethod, TaxLine, TaxSettings};
use crate::rounding::js_round;

/// The tax contained in (`includes_tax`) or added to a price, unrounded.
/// `rate` is a fraction here (0.25 for 25 %), as in Medusa.
pub fn price_tax_amount(price: f64, rate: f64, includes_tax: bool) -> f64 {
    if includes_tax {
        rate * price / (1.0 + rate)
    } else {
        price * rate
    }
}

/// Σ of the tax-line rates as fractions (the combined rate a tax-inclusive price is split by).
pub fn combined_rate(tax_lines: &[TaxLine]) -> f64 {
    tax_lines.iter().map(|line| line.rate / 100.0).sum()
}

/// The per-unit tax contained in a tax-inclusive unit price, rounded once per unit as Medusa does.
pub(crate) fn included_unit_tax(unit_price: i64, rate: f64) -> f64 {
    js_round(price_tax_amount(unit_price as f64, rate, true))
}

/// The strategy's tax for one item: each tax line rounded, over the price net of the tax the
/// price contains (tax-inclusive items) minus the allocated discount. Not rounded as a whole:
/// callers sum strategies and round once, as `calculate` does.
pub fn item_tax(
    item: &LineItem,
    tax_lines: &[TaxLine],
    discount: f64,
    settings: &TaxSettings,
) -> f64 {
    let quantity = item.quantity as f64;
    let mut taxable = if settings.inclusive(item.includes_tax) {
        let contained = included_unit_tax(item.unit_price, combined_rate(tax_lines));
        (item.unit_price as f64 - contained) * quantity
    } else {
        item.unit_price as f64 * quantity
    };
    taxable -= discount;
    tax_lines
        .iter()
        .map(|line| js_round(price_tax_amount(taxable, line.rate / 100.0, false)))
        .sum()
}

/// The strategy's tax for one shipping method: per tax line and *not* rounded per line.
pub fn shipping_tax(method: &ShippingMethod, tax_lines: &[TaxLine], settings: &TaxSettings) -> f64 {
    let inclusive = settings.inclusive(method.includes_tax);
    tax_lines
        .iter()
        .map(|line| price_tax_amount(method.price as f64, line.rate / 100.0, inclusive))
        .sum()
}

/// A line's running sums in `getLineItemTotals`, which both engines compute the same way but
/// for the legacy engine's order-wide rate.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineSums {
    pub subtotal: f64,
    pub total: f64,
    pub original_total: f64,
    pub tax_total: f64,
    pub original_tax_total: f64,
}

impl LineSums {
    /// Before any tax: a tax-inclusive subtotal is known only once the contained tax is, so
    /// without tax lines it stays 0 (Medusa's behaviour).
    pub(crate) fn untaxed(gross: f64, inclusive: bool, discount_total: f64) -> Self {
        let subtotal = if inclusive { 0.0 } else { gross };
        Self {
            subtotal,
            total: subtotal - discount_total,
            original_total: subtotal,
            tax_total: 0.0,
            original_tax_total: 0.0,
        }
    }

    /// Adds the item's tax lines (none: nothing changes): its tax with and without the
    /// discount and, for a tax-inclusive price, the subtotal net of the tax it contains.
    pub(crate) fn add_tax_lines(
        &mut self,
        item: &LineItem,
        gross: f64,
        raw_discount_total: f64,
        settings: &TaxSettings,
    ) {
        if item.tax_lines.is_empty() {
            return;
        }
        let tax_lines = &item.tax_lines;
        self.tax_total = js_round(item_tax(item, tax_lines, raw_discount_total, settings));
        self.original_tax_total = js_round(item_tax(item, tax_lines, 0.0, settings));
        if settings.inclusive(item.includes_tax) {
            self.subtotal += gross - self.original_tax_total;
            self.total += self.subtotal;
            self.original_total += self.subtotal;
        }
        self.total += self.tax_total;
        self.original_total += self.original_tax_total;
    }
}
