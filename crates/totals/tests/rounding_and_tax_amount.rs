//! `js_round`, the JSON printing of numbers, and Medusa's `calculatePriceTaxAmount` util tests.

use medusa_totals::{js_round, price_tax_amount};

#[test]
fn js_round_rounds_halves_toward_positive_infinity() {
    // (input, Math.round(input) in JavaScript)
    #[rustfmt::skip]
    let rows: &[(f64, f64)] = &[
        (0.0, 0.0),
        (0.4, 0.0),
        (0.5, 1.0),
        (1.5, 2.0),
        (2.5, 3.0),
        (-0.4, 0.0),
        (-0.5, 0.0),
        (-1.5, -1.0),
        (-2.5, -2.0),
        (-2.6, -3.0),
        (166.66666666666666, 167.0),
        (333.4444814938313, 333.0),
        (416.5, 417.0),
        (207.75, 208.0),
        (0.49999999999999994, 0.0),
        (4_503_599_627_370_495.5, 4_503_599_627_370_496.0),
        (-4_503_599_627_370_495.5, -4_503_599_627_370_495.0),
    ];
    for (input, expected) in rows {
        assert_eq!(js_round(*input), *expected, "js_round({input})");
    }
}

#[test]
fn f64_round_would_differ_on_negative_halves() {
    // Guards the reason js_round exists: the std rounding goes away from zero.
    assert_eq!((-2.5f64).round(), -3.0);
    assert_eq!(js_round(-2.5), -2.0);
}

#[test]
fn calculate_price_tax_amount_matches_medusa_util_tests() {
    // utils/__tests__/calculate-price-tax-amount.ts: (price, rate as a fraction,
    // includes_tax, expected, toBeCloseTo precision 2 ⇒ |diff| < 0.005)
    #[rustfmt::skip]
    let rows: &[(f64, f64, bool, f64)] = &[
        (150.0, 0.19, false, 28.5),
        (120.0, 0.17, false, 20.4), // includesTax omitted in the JS test: not inclusive
        (115.0, 0.15, true, 15.0),
        (2150.0, 0.17, true, 312.39),
    ];
    for (price, rate, includes_tax, expected) in rows {
        let tax = price_tax_amount(*price, *rate, *includes_tax);
        assert!(
            (tax - expected).abs() < 0.005,
            "tax of {price} at {rate} (incl {includes_tax}) = {tax}, want {expected}"
        );
    }
}

#[test]
fn numbers_print_as_javascript_prints_them() {
    #[derive(serde::Serialize)]
    struct Probe {
        #[serde(serialize_with = "medusa_totals::serialize_js_number")]
        n: f64,
    }
    #[rustfmt::skip]
    let rows: &[(f64, &str)] = &[
        (1200.0, r#"{"n":1200}"#),
        (-0.0, r#"{"n":0}"#),
        (249.75, r#"{"n":249.75}"#),
        (333.4444814938313, r#"{"n":333.4444814938313}"#),
        (f64::NAN, r#"{"n":null}"#),
    ];
    for (n, json) in rows {
        assert_eq!(
            serde_json::to_string(&Probe { n: *n }).ok().as_deref(),
            Some(*json),
            "{n}"
        );
    }
}
