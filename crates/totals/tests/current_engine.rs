//! Every case of Medusa's `services/__tests__/new-totals.ts`, one row each.
//!
//! Where Medusa's test mocks the tax provider ("should fetch the … tax lines"), the row
//! gives the item or method the lines the mock returns (one 30 % line): this crate takes
//! resolved tax lines as input. "includeTax: false" rows keep the lines the fixture carries,
//! because Medusa still uses lines already on the item; they only stop the provider call.

mod support;

use medusa_totals::current::{line_item_refund, line_item_totals, shipping_method_totals};
use medusa_totals::gift_card::gift_card_totals;
use medusa_totals::{GiftCard, GiftCardTransaction, LineAllocation, Region, TaxSettings};
use support::{item, method};

const FLAG_OFF: bool = false;
const FLAG_ON: bool = true;

/// (case, tax_inclusive_pricing, item includes_tax, tax-line rates, order tax rate,
///  expected [subtotal, total, original_total, discount_total, original_tax_total, tax_total])
type ItemRow = (
    &'static str,
    bool,
    bool,
    &'static [f64],
    Option<f64>,
    [i64; 6],
);

#[test]
fn line_item_totals_match_new_totals_tests() {
    #[rustfmt::skip]
    let rows: &[ItemRow] = &[
        ("uses the item's tax lines", FLAG_OFF, false, &[20.0], None, [1000, 1200, 1200, 0, 200, 200]),
        ("fetched tax lines (30 %)", FLAG_OFF, false, &[30.0], None, [1000, 1300, 1300, 0, 300, 300]),
        ("no tax lines when includeTax is off", FLAG_OFF, false, &[], None, [1000, 1000, 1000, 0, 0, 0]),
        ("the provided tax rate", FLAG_OFF, false, &[20.0], Some(20.0), [1000, 1200, 1200, 0, 200, 200]),
        ("inclusive: the item's tax lines", FLAG_ON, true, &[20.0], None, [833, 1000, 1000, 0, 167, 167]),
        ("inclusive: fetched tax lines (30 %)", FLAG_ON, true, &[30.0], None, [769, 1000, 1000, 0, 231, 231]),
        ("inclusive: includeTax off, lines on the item", FLAG_ON, true, &[20.0], None, [833, 1000, 1000, 0, 167, 167]),
        ("inclusive: the provided tax rate", FLAG_ON, true, &[20.0], Some(20.0), [833, 1000, 1000, 0, 167, 167]),
    ];
    for (case, flag, includes_tax, rates, order_tax_rate, expected) in rows {
        let mut line = item("item_1", 1000, 1, rates);
        line.includes_tax = *includes_tax;
        let settings = TaxSettings {
            order_tax_rate: *order_tax_rate,
            tax_inclusive_pricing: *flag,
        };
        let t = line_item_totals(&line, &LineAllocation::default(), &settings);
        let got = [
            t.subtotal,
            t.total,
            t.original_total,
            t.discount_total,
            t.original_tax_total,
            t.tax_total,
        ];
        assert_eq!(got, *expected, "{case}");
    }
}

/// (case, tax_inclusive_pricing, includes_tax, rates, order tax rate, free shipping,
///  expected [price, subtotal, total, original_total, original_tax_total, tax_total])
type ShippingRow = (
    &'static str,
    bool,
    bool,
    &'static [f64],
    Option<f64>,
    bool,
    [i64; 6],
);

#[test]
fn shipping_method_totals_match_new_totals_tests() {
    #[rustfmt::skip]
    let rows: &[ShippingRow] = &[
        ("uses the method's tax lines", FLAG_OFF, false, &[20.0], None, false, [1000, 1000, 1200, 1200, 200, 200]),
        ("fetched tax lines (30 %)", FLAG_OFF, false, &[30.0], None, false, [1000, 1000, 1300, 1300, 300, 300]),
        ("no tax lines when includeTax is off", FLAG_OFF, false, &[], None, false, [1000, 1000, 1000, 1000, 0, 0]),
        // Legacy: the tax is reported but not added to the totals.
        ("the provided tax rate", FLAG_OFF, false, &[20.0], Some(20.0), false, [1000, 1000, 1000, 1000, 200, 200]),
        ("free shipping", FLAG_OFF, false, &[20.0], None, true, [1000, 0, 0, 1200, 200, 0]),
        ("inclusive: the method's tax lines", FLAG_ON, true, &[20.0], None, false, [1000, 833, 1000, 1000, 167, 167]),
        ("inclusive: fetched tax lines (30 %)", FLAG_ON, true, &[30.0], None, false, [1000, 769, 1000, 1000, 231, 231]),
        ("inclusive: includeTax off, no lines", FLAG_ON, true, &[], None, false, [1000, 1000, 1000, 1000, 0, 0]),
        ("inclusive: free shipping", FLAG_ON, true, &[20.0], None, true, [1000, 0, 0, 1000, 167, 0]),
    ];
    for (case, flag, includes_tax, rates, order_tax_rate, free, expected) in rows {
        let m = method("sm_1", 1000, *includes_tax, rates);
        let settings = TaxSettings {
            order_tax_rate: *order_tax_rate,
            tax_inclusive_pricing: *flag,
        };
        let t = shipping_method_totals(&m, *free, &settings);
        let got = [
            t.price,
            t.subtotal,
            t.total,
            t.original_total,
            t.original_tax_total,
            t.tax_total,
        ];
        assert_eq!(got, *expected, "{case}");
    }
}

#[test]
fn line_item_refund_matches_new_totals_tests() {
    // (case, flag, includes_tax, order tax rate, expected); the item: 1000 × 1, one 20 % line.
    #[rustfmt::skip]
    let rows: &[(&str, bool, bool, Option<f64>, i64)] = &[
        ("tax lines", FLAG_OFF, false, None, 1200),
        ("the tax rate (30)", FLAG_OFF, false, Some(30.0), 1300),
        ("inclusive: tax lines", FLAG_ON, true, None, 1000),
        ("inclusive: the tax rate (30)", FLAG_ON, true, Some(30.0), 1000),
    ];
    for (case, flag, includes_tax, order_tax_rate, expected) in rows {
        let mut line = item("item_1", 1000, 1, &[20.0]);
        line.includes_tax = *includes_tax;
        let settings = TaxSettings {
            order_tax_rate: *order_tax_rate,
            tax_inclusive_pricing: *flag,
        };
        let refund = line_item_refund(&line, line.quantity, &LineAllocation::default(), &settings);
        assert_eq!(refund, *expected, "{case}");
    }
}

struct GiftCardRow {
    case: &'static str,
    cards: Vec<GiftCard>,
    transactions: Vec<GiftCardTransaction>,
    region: Region,
    expected_total: f64,
    expected_tax: i64,
}

#[test]
fn gift_card_totals_match_new_totals_tests() {
    // The fixture cards: balance 10000, without or with a 20 % rate; gift-cardable amount 1000.
    let plain = GiftCard {
        balance: 10_000,
        tax_rate: None,
    };
    let taxed = GiftCard {
        balance: 10_000,
        tax_rate: Some(20.0),
    };
    let tx = |is_taxable, card: GiftCard| GiftCardTransaction {
        amount: 1000,
        tax_rate: Some(20.0),
        is_taxable,
        gift_card_tax_rate: card.tax_rate,
    };
    #[rustfmt::skip]
    let rows = [
        GiftCardRow {
            case: "non-taxable region",
            cards: vec![plain],
            transactions: vec![],
            region: Region { tax_rate: 0.0, gift_cards_taxable: false },
            expected_total: 1000.0,
            expected_tax: 0,
        },
        GiftCardRow {
            case: "the card's tax rate decides, not the region",
            cards: vec![taxed],
            transactions: vec![],
            region: Region { tax_rate: 0.0, gift_cards_taxable: true },
            expected_total: 1000.0,
            expected_tax: 200,
        },
        GiftCardRow {
            case: "transactions in a non-taxable region",
            cards: vec![],
            transactions: vec![tx(Some(false), plain)],
            region: Region { tax_rate: 0.0, gift_cards_taxable: false },
            expected_total: 1000.0,
            expected_tax: 200,
        },
        GiftCardRow {
            case: "old transactions in a taxable region take the region rate",
            cards: vec![],
            transactions: vec![tx(None, plain)],
            region: Region { tax_rate: 30.0, gift_cards_taxable: true },
            expected_total: 1000.0,
            expected_tax: 300,
        },
        GiftCardRow {
            case: "old transactions of a card with a rate take the card's rate",
            cards: vec![],
            transactions: vec![tx(None, taxed)],
            region: Region { tax_rate: 99.0, gift_cards_taxable: false },
            expected_total: 1000.0,
            expected_tax: 200,
        },
    ];
    for row in rows {
        let t = gift_card_totals(1000.0, &row.cards, &row.transactions, &row.region);
        assert_eq!(
            (t.total, t.tax_total),
            (row.expected_total, row.expected_tax),
            "{}",
            row.case
        );
    }
}

#[test]
fn item_totals_serialize_with_medusa_names_and_without_the_raw_discount() {
    let line = item("item_1", 1000, 1, &[20.0]);
    let allocation = LineAllocation {
        amount: 333.4444814938313,
        unit_amount: 333.0,
    };
    let t = line_item_totals(&line, &allocation, &TaxSettings::default());
    let json = serde_json::to_value(&t).ok();
    let expected = serde_json::json!({
        "id": "item_1", "subtotal": 1000, "discount_total": 333, "tax_total": 133,
        "original_tax_total": 200, "total": 800, "original_total": 1200
    });
    assert_eq!(json, Some(expected));
}
