//! The rows a caller loads before asking for totals, reduced to the columns that change a figure.
//!
//! Money columns that are integers in Medusa's schema (`unit_price`, `price`, `balance`,
//! `amount` of payments, refunds and gift-card transactions) are `i64`; the `numeric`
//! adjustment amount and the `real` tax rates (percentages, 25 = 25 %) are `f64`.

use serde::Deserialize;

/// One `line_item_tax_line` or `shipping_method_tax_line`; only the rate enters the figures.
#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize)]
pub struct TaxLine {
    /// Percentage, e.g. `25.0` for 25 %.
    pub rate: f64,
}

/// One `line_item_adjustment`: a discount amount already allocated to the line.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct Adjustment {
    /// Unrounded for fixed-total discounts (the column is `numeric`).
    pub amount: f64,
    /// `None` for a custom adjustment that belongs to no discount.
    pub discount_id: Option<String>,
}

/// One `line_item` with its tax lines and adjustments.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct LineItem {
    pub id: String,
    pub unit_price: i64,
    pub quantity: i64,
    pub allow_discounts: bool,
    /// The `includes_tax` column: the unit price already contains tax. It only matters when
    /// [`TaxSettings::tax_inclusive_pricing`] is on (and in one legacy quirk, see `legacy`).
    pub includes_tax: bool,
    pub tax_lines: Vec<TaxLine>,
    pub adjustments: Vec<Adjustment>,
    pub returned_quantity: Option<i64>,
    pub shipped_quantity: Option<i64>,
}

impl LineItem {
    /// The quantity Medusa refunds for: `quantity − returned_quantity`.
    pub fn refundable_quantity(&self) -> i64 {
        self.quantity - self.returned_quantity.unwrap_or(0)
    }

    /// Medusa's `returnable_items` test: fewer returned than shipped.
    pub fn is_returnable(&self) -> bool {
        self.returned_quantity.unwrap_or(0) < self.shipped_quantity.unwrap_or(0)
    }
}

/// One `shipping_method` with its tax lines.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct ShippingMethod {
    pub id: String,
    pub price: i64,
    pub includes_tax: bool,
    pub tax_lines: Vec<TaxLine>,
}

/// `discount_rule.type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiscountRuleType {
    Percentage,
    Fixed,
    FreeShipping,
}

/// A discount of the order. Its value and allocation never enter the totals: the amounts were
/// already written to the line adjustments when the discount was applied.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Discount {
    pub id: String,
    pub rule_type: DiscountRuleType,
}

/// A gift card applied to the order (its current balance).
#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize)]
pub struct GiftCard {
    pub balance: i64,
    /// `None` when the card is not taxable.
    pub tax_rate: Option<f64>,
}

/// One `gift_card_transaction` of the order, with the rate of its gift card.
#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize)]
pub struct GiftCardTransaction {
    pub amount: i64,
    pub tax_rate: Option<f64>,
    /// `None` on rows written before Medusa recorded taxability.
    pub is_taxable: Option<bool>,
    /// `gift_card.tax_rate` of the card the transaction debited.
    pub gift_card_tax_rate: Option<f64>,
}

/// The region columns the totals read.
#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize)]
pub struct Region {
    /// Percentage; used for legacy gift-card transactions.
    pub tax_rate: f64,
    pub gift_cards_taxable: bool,
}

/// How taxes are computed for one order.
#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize)]
pub struct TaxSettings {
    /// `order.tax_rate`: set only on orders from before tax lines existed (percentage).
    pub order_tax_rate: Option<f64>,
    /// The `tax_inclusive_pricing` feature flag of the server.
    pub tax_inclusive_pricing: bool,
}

impl TaxSettings {
    /// The new engine takes its legacy path only for a truthy rate: `0` behaves like `null`.
    pub(crate) fn truthy_order_tax_rate(&self) -> Option<f64> {
        self.order_tax_rate.filter(|rate| *rate != 0.0)
    }

    /// Whether a price flagged `includes_tax` is treated as tax-inclusive.
    pub(crate) fn inclusive(&self, includes_tax: bool) -> bool {
        self.tax_inclusive_pricing && includes_tax
    }
}

/// Everything the totals of one order need.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct OrderInput {
    pub items: Vec<LineItem>,
    /// `additional_items` of the order's swaps, then of its claims, in relation order. They
    /// share the discount allocation and get their own totals and `refundable`.
    pub swap_and_claim_items: Vec<LineItem>,
    pub shipping_methods: Vec<ShippingMethod>,
    /// In relation order: the first non-free-shipping discount is the one allocated.
    pub discounts: Vec<Discount>,
    pub gift_cards: Vec<GiftCard>,
    pub gift_card_transactions: Vec<GiftCardTransaction>,
    pub region: Region,
    pub tax: TaxSettings,
    /// `payment.amount` of every payment (captured or not).
    pub payment_amounts: Vec<i64>,
    /// `refund.amount` of every refund.
    pub refund_amounts: Vec<i64>,
}

impl OrderInput {
    /// Any free-shipping discount zeroes every shipping method.
    pub fn has_free_shipping(&self) -> bool {
        self.discounts
            .iter()
            .any(|d| d.rule_type == DiscountRuleType::FreeShipping)
    }

    /// Σ payment amounts (`paid_total` in both engines).
    pub fn paid_total(&self) -> i64 {
        self.payment_amounts.iter().sum()
    }

    /// Σ refund amounts (`refunded_total` in both engines; integers, so rounding is a no-op).
    pub fn refunded_total(&self) -> i64 {
        self.refund_amounts.iter().sum()
    }
}
