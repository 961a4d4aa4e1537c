//! Builders shared by the table tests: rows state only what their case is about.
#![allow(dead_code)]

use medusa_totals::{Adjustment, LineItem, ShippingMethod, TaxLine};

pub fn tax_lines(rates: &[f64]) -> Vec<TaxLine> {
    rates.iter().map(|rate| TaxLine { rate: *rate }).collect()
}

/// A discountable item taxed at `rates` (percentages).
pub fn item(id: &str, unit_price: i64, quantity: i64, rates: &[f64]) -> LineItem {
    LineItem {
        id: id.to_owned(),
        unit_price,
        quantity,
        allow_discounts: true,
        tax_lines: tax_lines(rates),
        ..LineItem::default()
    }
}

pub fn adjustment(discount_id: Option<&str>, amount: f64) -> Adjustment {
    Adjustment {
        amount,
        discount_id: discount_id.map(str::to_owned),
    }
}

pub fn method(id: &str, price: i64, includes_tax: bool, rates: &[f64]) -> ShippingMethod {
    ShippingMethod {
        id: id.to_owned(),
        price,
        includes_tax,
        tax_lines: tax_lines(rates),
    }
}
