//! Every case of Medusa's `services/__tests__/totals.js` (the legacy `TotalsService`).
//!
//! Adjustment amounts in the rows are the figures the test's `applyDiscount` helper writes.
//! Transformed cases (Medusa mocks a service there; the row gives the pure input that yields
//! the mocked value) say so where they stand. Medusa's tests pass cart-shaped objects without
//! tax lines; as orders without tax lines they give the same figures.

mod support;

use medusa_totals::allocation::{line_discounts, line_item_discount_adjustment};
use medusa_totals::legacy::{
    discount_total, refund_total, shipping_total, tax_total, total, LineItemNotOnOrder,
};
use medusa_totals::{Discount, DiscountRuleType, LineItem, OrderInput, TaxSettings};
use support::{adjustment, item, method};

fn with_adjustments(
    mut line: LineItem,
    discount_id: Option<&str>,
    amount: Option<f64>,
) -> LineItem {
    line.adjustments = amount
        .map(|a| adjustment(discount_id, a))
        .into_iter()
        .collect();
    line
}

#[test]
fn get_allocation_item_discounts() {
    // The discount in these cases has no id and neither have the adjustments: they match.
    #[rustfmt::skip]
    let rows: &[(&str, i64, i64, f64, f64)] = &[
        ("percentage discount", 10, 10, 10.0, 10.0),
        ("fixed discount", 10, 10, 90.0, 90.0),
    ];
    for (case, unit_price, quantity, adjusted, expected) in rows {
        let line = with_adjustments(
            item("test", *unit_price, *quantity, &[]),
            None,
            Some(*adjusted),
        );
        assert_eq!(
            line_item_discount_adjustment(&line, None),
            *expected,
            "{case}"
        );
    }
}

/// (case, discount id and type, adjustment of each line, expected)
type DiscountTotalRow = (
    &'static str,
    Option<(&'static str, DiscountRuleType)>,
    [Option<f64>; 2],
    i64,
);

#[test]
fn get_discount_total() {
    // The cart: 18 × 10 and 10 × 10, both discountable. (case, discount, adjustment of
    // each line as `applyDiscount` writes it, expected)
    #[rustfmt::skip]
    let rows: &[DiscountTotalRow] = &[
        ("total percentage", Some(("total10", DiscountRuleType::Percentage)), [Some(18.0), Some(10.0)], 28),
        ("item fixed", Some(("item2Fixed", DiscountRuleType::Fixed)), [Some(20.0), Some(20.0)], 40),
        ("item percentage", Some(("item10Percent", DiscountRuleType::Percentage)), [Some(18.0), Some(10.0)], 28),
        // The helper divides by a subtotal built with the current line's price: 5 and 5.
        ("total fixed", Some(("total10Fixed", DiscountRuleType::Fixed)), [Some(5.0), Some(5.0)], 10),
        ("expired discount (no adjustments written)", Some(("expired", DiscountRuleType::Fixed)), [None, None], 0),
        ("no discount", None, [None, None], 0),
    ];
    for (case, discount, amounts, expected) in rows {
        let id = discount.map(|(id, _)| id);
        let order = OrderInput {
            items: vec![
                with_adjustments(item("line", 18, 10, &[]), id, amounts[0]),
                with_adjustments(item("line2", 10, 10, &[]), id, amounts[1]),
            ],
            discounts: discount
                .map(|(id, rule_type)| Discount {
                    id: id.to_owned(),
                    rule_type,
                })
                .into_iter()
                .collect(),
            ..OrderInput::default()
        };
        assert_eq!(discount_total(&order), *expected, "{case}");
    }
    let empty = OrderInput {
        discounts: vec![Discount {
            id: "total10Fixed".into(),
            rule_type: DiscountRuleType::Fixed,
        }],
        ..OrderInput::default()
    };
    assert_eq!(discount_total(&empty), 0, "no items in the cart");
}

#[test]
fn get_line_discounts() {
    let discount = Discount {
        id: "total10Fixed".into(),
        rule_type: DiscountRuleType::Fixed,
    };
    // "items is empty" and "items is undefined" are the same empty input here.
    assert!(line_discounts(&[], &[], Some(&discount)).is_empty());

    // Two order items, three swap items (two swaps), three claim items (two claims), each
    // with one 10 adjustment of the discount.
    let lines: Vec<LineItem> = (18..=25)
        .map(|price| {
            with_adjustments(
                item(&format!("item{price}"), price, 1, &[]),
                Some("total10Fixed"),
                Some(10.0),
            )
        })
        .collect();
    let (order_items, swap_and_claim_items) = lines.split_at(2);
    let got = line_discounts(order_items, swap_and_claim_items, Some(&discount));
    let ids: Vec<&str> = got.iter().map(|l| l.item_id.as_str()).collect();
    let expected_ids: Vec<String> = (18..=25).map(|price| format!("item{price}")).collect();
    assert_eq!(ids, expected_ids);
    assert!(got.iter().all(|l| l.amount == 10.0), "{got:?}");
}

/// The refund order: 100 × 10 (`line`, tax-inclusive in the flagged variant at 125),
/// 100 × 10 (`line2`), 100 × 1 not discountable; order tax rate 25.
fn refund_order(tax_inclusive_pricing: bool, discount: Option<(&str, [f64; 3])>) -> OrderInput {
    let mut first = item("line", 100, 10, &[]);
    if tax_inclusive_pricing {
        first.unit_price = 125;
        first.includes_tax = true;
    }
    let mut non_discount = item("non-discount", 100, 1, &[]);
    non_discount.allow_discounts = false;
    let mut items = vec![first, item("line2", 100, 10, &[]), non_discount];
    if let Some((id, amounts)) = discount {
        for (line, amount) in items.iter_mut().zip(amounts) {
            line.adjustments = vec![adjustment(Some(id), amount)];
        }
    }
    OrderInput {
        items,
        discounts: discount
            .map(|(id, _)| Discount {
                id: id.to_owned(),
                rule_type: DiscountRuleType::Fixed,
            })
            .into_iter()
            .collect(),
        tax: TaxSettings {
            order_tax_rate: Some(25.0),
            tax_inclusive_pricing,
        },
        ..OrderInput::default()
    }
}

/// (case, flag, discount with the adjustments of the three lines, refunded line, expected)
type RefundRow = (
    &'static str,
    bool,
    Option<(&'static str, [f64; 3])>,
    &'static str,
    i64,
);

#[test]
fn get_refund_total() {
    const ITEM_FIXED: (&str, [f64; 3]) = ("item2Fixed", [20.0, 20.0, 2.0]);
    const ITEM_PERCENT: (&str, [f64; 3]) = ("item10Percent", [100.0, 100.0, 10.0]);
    // (case, flag, discount with the adjustments of the three lines, refunded line, expected)
    #[rustfmt::skip]
    let rows: &[RefundRow] = &[
        ("refund", false, None, "line2", 1250),
        ("item fixed discount", false, Some(ITEM_FIXED), "line2", 1225),
        ("item percentage discount", false, Some(ITEM_PERCENT), "line2", 1125),
        ("inclusive: refund", true, None, "line2", 1250),
        ("inclusive: line that includes tax", true, None, "line", 1250),
        ("inclusive: item fixed discount", true, Some(ITEM_FIXED), "line2", 1225),
        ("inclusive: item fixed discount, line that includes tax", true, Some(ITEM_FIXED), "line", 1225),
        ("inclusive: item percentage discount", true, Some(ITEM_PERCENT), "line2", 1125),
        ("inclusive: item percentage discount, line that includes tax", true, Some(ITEM_PERCENT), "line", 1125),
    ];
    for (case, flag, discount, refunded, expected) in rows {
        let order = refund_order(*flag, *discount);
        // The refunded line is passed as the test passes it: without adjustments.
        let mut line = order
            .items
            .iter()
            .find(|i| i.id == *refunded)
            .cloned()
            .unwrap_or_default();
        line.adjustments.clear();
        assert_eq!(refund_total(&order, &[line]), Ok(*expected), "{case}");
    }
    let stranger = item("notInOrder", 123, 1, &[]);
    let err = refund_total(&refund_order(false, None), &[stranger]);
    assert_eq!(
        err,
        Err(LineItemNotOnOrder {
            item_id: "notInOrder".into()
        })
    );
    assert_eq!(
        err.err().map(|e| e.to_string()).as_deref(),
        Some("Line item does not exist on order")
    );
}

/// (case, flag, price, includes_tax, rates, order tax rate, expected)
type ShippingTotalRow = (
    &'static str,
    bool,
    i64,
    bool,
    &'static [f64],
    Option<f64>,
    i64,
);

#[test]
fn get_shipping_total() {
    // Medusa mocks the strategy (20) and the provider's lines; a 20 % line yields that tax.
    // (case, flag, price, includes_tax, rates, order tax rate, expected)
    #[rustfmt::skip]
    let rows: &[ShippingTotalRow] = &[
        ("calculates shipping", false, 100, false, &[20.0], None, 100),
        ("inclusive: tax lines, tax-inclusive", true, 120, true, &[20.0], None, 100),
        ("inclusive: tax lines, not tax-inclusive", true, 100, false, &[20.0], None, 100),
        ("inclusive: old system, not tax-inclusive", true, 100, false, &[], Some(20.0), 100),
    ];
    for (case, flag, price, includes_tax, rates, order_tax_rate, expected) in rows {
        let order = OrderInput {
            shipping_methods: vec![method("expensiveShipping", *price, *includes_tax, rates)],
            tax: TaxSettings {
                order_tax_rate: *order_tax_rate,
                tax_inclusive_pricing: *flag,
            },
            ..OrderInput::default()
        };
        assert_eq!(shipping_total(&order), *expected, "{case}");
    }
}

#[test]
fn get_tax_total() {
    // Medusa mocks the strategy to return 20.3 (rounded to 20); a 50 % line on the 20 × 2
    // item yields 20 from the real strategy. "uses order tax lines" reads the item's lines;
    // "calculates tax" gets them from the provider, here given as the item's lines.
    #[rustfmt::skip]
    let rows: &[(&str, &str)] = &[("uses order tax lines", "orderline1"), ("calculates tax", "line1")];
    for (case, id) in rows {
        let order = OrderInput {
            items: vec![item(id, 20, 2, &[50.0])],
            shipping_methods: vec![method("expensiveShipping", 100, false, &[])],
            ..OrderInput::default()
        };
        assert_eq!(tax_total(&order), 20, "{case}");
    }
}

#[test]
fn get_total() {
    // Medusa mocks getTaxTotal (35, then 45); a 35 % / 45 % shipping tax line yields that tax
    // without changing the shipping subtotal. The flagged case's tax-inclusive item has no
    // tax lines, so its subtotal stays 0: 40 + 0 + 45 + 100 = 185.
    let mut inclusive_item = item("inclusive", 25, 2, &[]);
    inclusive_item.includes_tax = true;
    inclusive_item.allow_discounts = false;
    let mut plain_item = item("plain", 20, 2, &[]);
    plain_item.allow_discounts = false;
    #[rustfmt::skip]
    let rows: Vec<(&str, bool, Vec<LineItem>, f64, i64)> = vec![
        ("calculates total", false, vec![plain_item.clone()], 35.0, 175),
        ("inclusive: calculates total", true, vec![plain_item, inclusive_item], 45.0, 185),
    ];
    for (case, flag, items, shipping_rate, expected) in rows {
        let order = OrderInput {
            items,
            shipping_methods: vec![method("expensiveShipping", 100, false, &[shipping_rate])],
            tax: TaxSettings {
                order_tax_rate: None,
                tax_inclusive_pricing: flag,
            },
            ..OrderInput::default()
        };
        assert_eq!(total(&order), expected, "{case}");
    }
}
