//! Medusa 1.20's price selection and the taxes on the prices it selects, as plain functions.
//!
//! The database decides which prices are candidates (`variant_prices`); what a variant costs is
//! decided here, over plain values, so Medusa's rules can be checked against tables of cases
//! (`tests/it/selection.rs`) without a database. Medusa has two selections: the original one,
//! and the one it runs with the tax-inclusive-pricing flag on, which also knows whether each
//! price includes tax and compares inclusive with exclusive prices through the tax rate.

use serde::Serialize;

/// A price's kind, as `calculated_price_type` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PriceType {
    /// A price of no price list.
    Default,
    Sale,
    Override,
}

/// The price list a candidate price belongs to, as far as selection cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListTerms {
    pub kind: PriceType,
    pub includes_tax: bool,
}

/// One price of a variant that the pricing context admitted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Candidate {
    pub amount: i64,
    pub currency_code: Option<String>,
    pub region_id: Option<String>,
    pub min_quantity: Option<i64>,
    pub max_quantity: Option<i64>,
    /// `None`: a price of no price list (a base price).
    pub price_list: Option<ListTerms>,
    /// `includes_tax` of the price's currency and of its region (read only with the flag on).
    pub currency_includes_tax: bool,
    pub region_includes_tax: bool,
}

/// What the prices are selected for.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Context<'a> {
    pub region_id: Option<&'a str>,
    /// The region's currency when a region is given (Medusa replaces the requested one).
    pub currency_code: Option<&'a str>,
    /// `None`: no quantity given, so prices with quantity bounds mostly do not apply.
    pub quantity: Option<i64>,
    /// The combined rate (`0.25` for 25 %), known when a region is given. Only the
    /// tax-inclusive selection uses it, to compare inclusive with exclusive prices.
    pub tax_rate: Option<f64>,
    /// The tax-inclusive-pricing flag: which of Medusa's two selections runs.
    pub tax_inclusive: bool,
}

/// The prices Medusa puts on a variant. The two `*_includes_tax` are `None` without the
/// tax-inclusive flag (Medusa leaves them out of its answer then).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Selected {
    pub original_price: Option<i64>,
    pub calculated_price: Option<i64>,
    pub calculated_price_type: Option<PriceType>,
    pub original_price_includes_tax: Option<bool>,
    pub calculated_price_includes_tax: Option<bool>,
}

/// Selects a variant's original and calculated price from its candidates, in their order
/// (ties keep the first calculated price; among base prices the last one wins, a region's
/// over a currency's).
pub fn select(prices: &[Candidate], context: &Context) -> Selected {
    let mut out = Selected::default();
    for price in prices {
        let includes_tax = context.tax_inclusive && includes_tax(price);
        let is_base = price.price_list.is_none()
            && price.min_quantity.is_none()
            && price.max_quantity.is_none();
        let in_region =
            context.region_id.is_some() && price.region_id.as_deref() == context.region_id;
        let in_currency = context.currency_code.is_some()
            && price.currency_code.as_deref() == context.currency_code;
        if is_base && in_region {
            out.original_price = Some(price.amount);
            out.original_price_includes_tax = context.tax_inclusive.then_some(includes_tax);
        }
        // A region's base price takes precedence over a currency's.
        if is_base && in_currency && out.original_price.is_none() {
            out.original_price = Some(price.amount);
            out.original_price_includes_tax = context.tax_inclusive.then_some(includes_tax);
        }
        let cheaper = if context.tax_inclusive {
            cheaper_with_tax(price.amount, includes_tax, &out, context.tax_rate)
        } else {
            out.calculated_price
                .is_none_or(|current| price.amount < current)
        };
        if applies_to_quantity(price, context.quantity) && cheaper && (in_currency || in_region) {
            out.calculated_price = Some(price.amount);
            out.calculated_price_type =
                Some(price.price_list.map_or(PriceType::Default, |l| l.kind));
            out.calculated_price_includes_tax = context.tax_inclusive.then_some(includes_tax);
        }
    }
    out
}

/// Whether a price includes tax: its price list's setting when that says so, else its
/// region's when that says so, else its currency's.
fn includes_tax(price: &Candidate) -> bool {
    if price.price_list.is_some_and(|l| l.includes_tax) || price.region_includes_tax {
        return true;
    }
    price.currency_includes_tax
}

/// The tax-inclusive comparison: like with like directly, inclusive with exclusive through the
/// tax rate, and never without one.
fn cheaper_with_tax(
    amount: i64,
    includes_tax: bool,
    current: &Selected,
    rate: Option<f64>,
) -> bool {
    let Some(price) = current.calculated_price else {
        return true;
    };
    if Some(includes_tax) == current.calculated_price_includes_tax {
        return amount < price;
    }
    match rate {
        Some(rate) if includes_tax => (amount as f64) < (1.0 + rate) * price as f64,
        Some(rate) => (1.0 + rate) * (amount as f64) < price as f64,
        None => false,
    }
}

/// Medusa's quantity test: with a quantity, inside the bounds; without one, only prices with
/// no lower bound (0 counts as none) qualify, with or without an upper bound.
fn applies_to_quantity(price: &Candidate, quantity: Option<i64>) -> bool {
    let min = price.min_quantity.filter(|&m| m != 0);
    let max = price.max_quantity.filter(|&m| m != 0);
    match quantity {
        Some(quantity) => {
            min.is_none_or(|min| min <= quantity) && max.is_none_or(|max| max >= quantity)
        }
        None => min.is_none(),
    }
}

/// The combined rate of a list of rates in percent (a missing rate counts 0), summed in
/// order as Medusa sums them.
pub fn combined_rate(percents: impl IntoIterator<Item = Option<f64>>) -> f64 {
    percents
        .into_iter()
        .fold(0.0, |acc, rate| acc + rate.unwrap_or(0.0) / 100.0)
}

/// The tax on the selected prices and the prices with tax, at a combined `rate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Taxed {
    pub original_tax: Option<i64>,
    pub calculated_tax: Option<i64>,
    pub original_price_incl_tax: Option<i64>,
    pub calculated_price_incl_tax: Option<i64>,
}

/// Taxes the selected prices: a price that includes tax holds its tax, one that does not has it
/// added; each tax rounded as JavaScript's `Math.round` does.
pub fn taxes(selected: &Selected, rate: f64) -> Taxed {
    let tax = |price: Option<i64>, includes: Option<bool>| {
        price.map(|price| {
            let includes = includes.unwrap_or(false);
            let tax = if includes {
                rate * price as f64 / (1.0 + rate)
            } else {
                price as f64 * rate
            };
            let tax = js_round(tax);
            (tax, if includes { price } else { price + tax })
        })
    };
    let original = tax(
        selected.original_price,
        selected.original_price_includes_tax,
    );
    let calculated = tax(
        selected.calculated_price,
        selected.calculated_price_includes_tax,
    );
    Taxed {
        original_tax: original.map(|t| t.0),
        calculated_tax: calculated.map(|t| t.0),
        original_price_incl_tax: original.map(|t| t.1),
        calculated_price_incl_tax: calculated.map(|t| t.1),
    }
}

/// `Math.round`: halves round up, towards positive infinity.
fn js_round(value: f64) -> i64 {
    (value + 0.5).floor() as i64
}
