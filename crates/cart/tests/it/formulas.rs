//! Medusa's per-line discount formulas and caps, as a table of cases.

use medusa_cart::adjustments::{line_discount, RuleKind};

/// `(kind, value, quantity, line subtotal, discountable subtotal) -> amount`.
fn check(kind: RuleKind, value: f64, quantity: i64, line: f64, all: f64, expected: f64) {
    let got = line_discount(kind, value, quantity, line, all);
    assert!(
        (got - expected).abs() < 1e-9,
        "{kind:?} {value} x{quantity} line {line} of {all}: got {got}, expected {expected}"
    );
}

#[test]
fn percentage_rounds_half_up_per_line() {
    check(RuleKind::Percentage, 10.0, 2, 16000.0, 16000.0, 1600.0);
    check(RuleKind::Percentage, 10.0, 1, 1955.0, 1955.0, 196.0);
    check(RuleKind::Percentage, 15.0, 3, 333.0, 333.0, 50.0);
    // Never more than the line.
    check(RuleKind::Percentage, 150.0, 1, 1000.0, 1000.0, 1000.0);
}

#[test]
fn fixed_total_is_shared_in_proportion_and_not_rounded() {
    // 1000 over lines of 16000 and 20000 (Medusa's own test: 444.44.. and 555.55..).
    check(
        RuleKind::FixedTotal,
        1000.0,
        2,
        16000.0,
        36000.0,
        1000.0 * (16000.0 / 36000.0),
    );
    check(
        RuleKind::FixedTotal,
        1000.0,
        2,
        20000.0,
        36000.0,
        1000.0 * (20000.0 / 36000.0),
    );
    // A value above every discountable line is capped at their sum, then at the line.
    check(RuleKind::FixedTotal, 5000.0, 1, 1000.0, 3000.0, 1000.0);
    check(RuleKind::FixedTotal, 5000.0, 1, 2000.0, 3000.0, 2000.0);
    // Nothing discountable: nothing.
    check(RuleKind::FixedTotal, 500.0, 1, 0.0, 0.0, 0.0);
}

#[test]
fn fixed_item_is_per_unit_and_capped_at_the_line() {
    check(RuleKind::FixedItem, 300.0, 3, 3000.0, 9000.0, 900.0);
    check(RuleKind::FixedItem, 1500.0, 2, 2000.0, 2000.0, 2000.0);
}
