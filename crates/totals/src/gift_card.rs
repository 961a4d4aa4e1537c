//! Gift-card totals (`NewTotalsService.getGiftCardTotals`), shared by both engines; they
//! differ only in the gift-cardable amount they pass in.

use serde::Serialize;

use crate::input::{GiftCard, GiftCardTransaction, Region};
use crate::rounding::{js_round, serialize_js_number};

/// What the gift cards take off an order, and the tax that part carried.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct GiftCardTotals {
    /// `min(gift-cardable amount, Σ balances)`: fractional when the amount is.
    #[serde(serialize_with = "serialize_js_number")]
    pub total: f64,
    pub tax_total: i64,
}

/// The amount gift cards may cover in the new engine: without tax where gift cards are
/// taxable (their tax is accounted separately), with tax otherwise. `NaN` counts as 0.
pub fn gift_cardable_amount(
    gift_cards_taxable: bool,
    subtotal: f64,
    shipping_total: f64,
    discount_total: f64,
    tax_total: f64,
) -> f64 {
    let amount = if gift_cards_taxable {
        subtotal + shipping_total - discount_total
    } else {
        subtotal + shipping_total + tax_total - discount_total
    };
    if amount.is_nan() {
        0.0
    } else {
        amount
    }
}

/// Transactions, when the order has any, decide alone; otherwise the cards' balances do.
pub fn gift_card_totals(
    gift_cardable: f64,
    gift_cards: &[GiftCard],
    transactions: &[GiftCardTransaction],
    region: &Region,
) -> GiftCardTotals {
    if !transactions.is_empty() {
        return transaction_totals(transactions, region);
    }
    if gift_cards.is_empty() {
        return GiftCardTotals::default();
    }
    let mut balance_total = 0.0;
    let mut tax = 0.0;
    let mut remaining = gift_cardable;
    for card in gift_cards {
        let balance = card.balance as f64;
        balance_total += balance;
        let taxable = remaining.min(balance);
        // A card without a (non-zero) rate is skipped before it consumes the remaining
        // amount, so the next card is taxed on the full remainder: Medusa's order of checks.
        let Some(rate) = card.tax_rate.filter(|rate| *rate != 0.0) else {
            continue;
        };
        if taxable <= 0.0 {
            continue;
        }
        tax += js_round(taxable * (rate / 100.0));
        remaining -= taxable;
    }
    GiftCardTotals {
        total: gift_cardable.min(balance_total),
        tax_total: js_round(tax) as i64,
    }
}

/// `getGiftCardTransactionsTotals`: the tax accumulator is rounded at every step.
pub fn transaction_totals(transactions: &[GiftCardTransaction], region: &Region) -> GiftCardTotals {
    let mut total = 0.0;
    let mut tax_total = 0.0;
    for tx in transactions {
        let amount = tx.amount as f64;
        let mut multiplier = tx.tax_rate.unwrap_or(0.0) / 100.0;
        // Rows from before taxability was recorded: taxable when the region or the card says
        // so, at the card's rate, else the region's.
        let card_rate = tx.gift_card_tax_rate.filter(|rate| *rate != 0.0);
        if tx.is_taxable.is_none() && (region.gift_cards_taxable || card_rate.is_some()) {
            multiplier = tx.gift_card_tax_rate.unwrap_or(region.tax_rate) / 100.0;
        }
        total += amount;
        tax_total = js_round(tax_total + amount * multiplier);
    }
    GiftCardTotals {
        total,
        tax_total: tax_total as i64,
    }
}
