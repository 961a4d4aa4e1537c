//! Whole-order figures of both engines: the worked example of
//! `shared/reference/medusa-v1-behavior.md` §4.8, and rows for the paths Medusa's unit tests
//! do not reach (legacy order rate, free shipping, gift-card balances, swap items, refunds).

mod support;

use medusa_totals::{current, legacy};
use medusa_totals::{
    Discount, DiscountRuleType, GiftCard, GiftCardTransaction, LineItem, OrderInput, Region,
    TaxSettings,
};
use support::{adjustment, item, method};

const A_ADJUSTMENT: f64 = 333.4444814938313; // 500 · 2000 / 2999, stored unrounded
const B_ADJUSTMENT: f64 = 166.55551850616874; // 500 · 999 / 2999

/// §4.8: EUR, gift cards taxable, fixed 500 discount on A (1000 × 2) and B (333 × 3), 25 %
/// everywhere, shipping 500, one payment of 3749.
fn worked_example() -> OrderInput {
    let mut a = item("A", 1000, 2, &[25.0]);
    a.adjustments = vec![adjustment(Some("D"), A_ADJUSTMENT)];
    let mut b = item("B", 333, 3, &[25.0]);
    b.adjustments = vec![adjustment(Some("D"), B_ADJUSTMENT)];
    OrderInput {
        items: vec![a, b],
        shipping_methods: vec![method("sm", 500, false, &[25.0])],
        discounts: vec![Discount {
            id: "D".into(),
            rule_type: DiscountRuleType::Fixed,
        }],
        region: Region {
            tax_rate: 25.0,
            gift_cards_taxable: true,
        },
        payment_amounts: vec![3749],
        ..OrderInput::default()
    }
}

/// [subtotal, discount_total, tax_total, original_tax_total, total, original_total, refundable]
fn item_row(t: &current::LineItemTotals) -> [i64; 7] {
    [
        t.subtotal,
        t.discount_total,
        t.tax_total,
        t.original_tax_total,
        t.total,
        t.original_total,
        t.refundable.unwrap_or(-1),
    ]
}

#[test]
fn worked_example_current_engine() {
    let t = current::order_totals(&worked_example());
    assert_eq!(
        item_row(&t.items[0]),
        [2000, 333, 417, 500, 2084, 2500, 2083],
        "item A"
    );
    assert_eq!(
        item_row(&t.items[1]),
        [999, 167, 208, 250, 1040, 1249, 1039],
        "item B"
    );
    let sm = &t.shipping_methods[0];
    assert_eq!([sm.subtotal, sm.tax_total, sm.total], [500, 125, 625]);
    let json = serde_json::to_value(&t).ok();
    let expected = serde_json::json!({
        "subtotal": 2999, "discount_total": 500, "shipping_total": 500, "item_tax_total": 625,
        "shipping_tax_total": 125, "tax_total": 750, "gift_card_total": 0, "gift_card_tax_total": 0,
        "total": 3749, "paid_total": 3749, "refunded_total": 0, "refundable_amount": 3749
    });
    assert_eq!(json, Some(expected));
}

#[test]
fn worked_example_with_a_gift_card_transaction_in_both_engines() {
    let mut order = worked_example();
    order.gift_card_transactions = vec![GiftCardTransaction {
        amount: 1000,
        tax_rate: Some(25.0),
        is_taxable: Some(true),
        gift_card_tax_rate: Some(25.0),
    }];
    let t = current::order_totals(&order);
    assert_eq!(
        (
            t.gift_card_total,
            t.gift_card_tax_total,
            t.tax_total,
            t.total
        ),
        (1000.0, 250, 500, 2499.0)
    );
    let l = legacy::order_totals(&order);
    assert_eq!(
        (
            l.gift_card_total,
            l.gift_card_tax_total,
            l.tax_total,
            l.total
        ),
        (1000, 250, 500, 2499)
    );
}

#[test]
fn worked_example_legacy_engine() {
    let l = legacy::order_totals(&worked_example());
    let got = [
        l.subtotal,
        l.discount_total,
        l.shipping_total,
        l.tax_total,
        l.gift_card_total,
        l.total,
        l.refundable_amount,
    ];
    assert_eq!(got, [2999, 500, 500, 750, 0, 3749, 3749]);
    let refundable: Vec<i64> = l.items.iter().map(|i| i.refundable).collect();
    assert_eq!(refundable, [2083, 1039]);
}

#[test]
fn legacy_order_rate_in_the_current_engine() {
    // An order from before tax lines: tax_rate 25, 100 × 10 with a 20 adjustment, shipping 100.
    // Item: subtotal 1000, tax round(980 · 0.25) = 245, total = 1000 + 245 (discount not
    // subtracted), refundable round((1000 − 20) · 1.25) = 1225. Shipping tax 25, not added.
    let mut line = item("line", 100, 10, &[]);
    line.adjustments = vec![adjustment(Some("D"), 20.0)];
    let order = OrderInput {
        items: vec![line],
        shipping_methods: vec![method("sm", 100, false, &[])],
        discounts: vec![Discount {
            id: "D".into(),
            rule_type: DiscountRuleType::Fixed,
        }],
        tax: TaxSettings {
            order_tax_rate: Some(25.0),
            tax_inclusive_pricing: false,
        },
        ..OrderInput::default()
    };
    let t = current::order_totals(&order);
    assert_eq!(
        item_row(&t.items[0]),
        [1000, 20, 245, 250, 1245, 1250, 1225]
    );
    let sm = &t.shipping_methods[0];
    assert_eq!([sm.subtotal, sm.tax_total, sm.total], [100, 25, 100]);
    assert_eq!((t.tax_total, t.total), (270, 1350.0));

    // The legacy engine leaves the item's tax unrounded and taxes the order as a whole:
    // round((1000 − 20 + 100) · 0.25) = 270.
    let l = legacy::order_totals(&order);
    assert_eq!((l.items[0].tax_total, l.items[0].total), (245.0, 1245.0));
    assert_eq!((l.tax_total, l.total), (270, 1000 + 270 + 100 - 20));
}

#[test]
fn free_shipping_zeroes_the_methods_and_their_tax() {
    let mut order = worked_example();
    order.discounts.push(Discount {
        id: "FREE".into(),
        rule_type: DiscountRuleType::FreeShipping,
    });
    let t = current::order_totals(&order);
    assert_eq!(
        (t.shipping_total, t.shipping_tax_total, t.tax_total),
        (0, 0, 625)
    );
    assert_eq!(t.total, (2999 + 625 - 500) as f64);
    assert_eq!(legacy::shipping_total(&order), 0);
}

#[test]
fn gift_card_balances_cover_the_raw_discounted_amount() {
    // A 10 000 card in a taxable region: the gift-cardable amount is 2999 + 500 − raw
    // discount (the float sum of the two adjustments), so the card covers that exact amount.
    let mut order = worked_example();
    order.gift_cards = vec![GiftCard {
        balance: 10_000,
        tax_rate: Some(25.0),
    }];
    let t = current::order_totals(&order);
    let raw = A_ADJUSTMENT + B_ADJUSTMENT;
    assert_eq!(t.raw_discount_total, raw);
    assert_eq!(t.gift_card_total, 3499.0 - raw);
    assert_eq!(t.gift_card_tax_total, 750); // round((3499 − raw) · 0.25) = round(749.75)
    assert_eq!(t.tax_total, 0);
    // The legacy base is subtotal − rounded discount = 2499.
    let l = legacy::gift_card_total(&order);
    assert_eq!((l.total, l.tax_total), (2499.0, 625));
}

#[test]
fn gift_cards_without_a_rate_do_not_consume_the_taxable_amount() {
    // 1000 cardable: card 1 (600, no rate) is skipped before it consumes anything, so card 2
    // (800, 10 %) is taxed on min(1000, 800) = 800.
    let cards = [
        GiftCard {
            balance: 600,
            tax_rate: None,
        },
        GiftCard {
            balance: 800,
            tax_rate: Some(10.0),
        },
    ];
    let t = medusa_totals::gift_card::gift_card_totals(1000.0, &cards, &[], &Region::default());
    assert_eq!((t.total, t.tax_total), (1000.0, 80));
}

#[test]
fn refundable_uses_the_unreturned_quantity_and_swap_items_share_the_allocation() {
    let mut line = item("line", 1000, 3, &[25.0]);
    line.returned_quantity = Some(1);
    line.adjustments = vec![adjustment(Some("D"), 300.0)];
    let mut swap_item: LineItem = item("swap", 500, 1, &[25.0]);
    swap_item.adjustments = vec![adjustment(Some("D"), 50.0), adjustment(None, 10.0)];
    let order = OrderInput {
        items: vec![line],
        swap_and_claim_items: vec![swap_item],
        discounts: vec![Discount {
            id: "D".into(),
            rule_type: DiscountRuleType::Percentage,
        }],
        payment_amounts: vec![3000, 500],
        refund_amounts: vec![700],
        ..OrderInput::default()
    };
    let t = current::order_totals(&order);
    // 2 units: (1000 − 100) · 2 = 1800, tax 450.
    assert_eq!(t.items[0].refundable, Some(2250));
    // Line totals use the stored quantity 3: 3000 − 300 + round(2700 · 0.25).
    assert_eq!(t.items[0].total, 3000 - 300 + 675);
    // The swap item: allocation 50 + 10 custom = 60: 440 + 110.
    assert_eq!(t.swap_and_claim_items[0].refundable, Some(550));
    // Swap items stay out of the order sums.
    assert_eq!(t.subtotal, 3000);
    assert_eq!(
        (t.paid_total, t.refunded_total, t.refundable_amount),
        (3500, 700, 2800)
    );
}

#[test]
fn cart_totals_settle_gift_cards_in_the_total() {
    // (case, gift cards, expected [tax_total, gift_card_total, gift_card_tax_total, total])
    #[rustfmt::skip]
    let rows: &[(&str, Vec<GiftCard>, [f64; 4])] = &[
        ("the worked example as a cart", vec![], [750.0, 0.0, 0.0, 3749.0]),
        // Cardable: 2999 + 500 − 500 (rounded discount) = 2999, taxed round(749.75) = 750;
        // the tax stays in tax_total and the total subtracts it.
        ("a taxable 10 000 card", vec![GiftCard { balance: 10_000, tax_rate: Some(25.0) }], [750.0, 2999.0, 750.0, 0.0]),
        ("a 1000 card without rate", vec![GiftCard { balance: 1000, tax_rate: None }], [750.0, 1000.0, 0.0, 2749.0]),
    ];
    for (case, cards, expected) in rows {
        let mut cart = worked_example();
        cart.gift_cards = cards.clone();
        cart.payment_amounts.clear();
        let t = current::cart_totals(&cart);
        let got = [
            t.tax_total as f64,
            t.gift_card_total,
            t.gift_card_tax_total as f64,
            t.total,
        ];
        assert_eq!(got, *expected, "{case}");
    }
}
