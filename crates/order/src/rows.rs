//! The typed rows of an order read: what the totals are computed from, and what the
//! answer shows.
//!
//! Totals need items (with tax lines and adjustments), shipping methods (with tax lines),
//! discounts with their rules, gift cards and gift-card transactions, payments, refunds, the
//! region, and the additional items of swaps and claims; those are kept typed, and so are the
//! to-one relations read in the orders' own statement (addresses, customer, sales channel).
//! The other relations only shown (fulfillments, returns, edits) are kept as the JSON they are
//! shown as.

use medusa_entity::{
    address, claim_order, customer, discount, discount_rule, gift_card, gift_card_transaction,
    line_item, line_item_adjustment, line_item_tax_line, order, payment, refund, region,
    sales_channel, shipping_method, shipping_method_tax_line, shipping_option, swap,
};
use serde_json::{Map, Value};

/// A line item with what its totals read.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemRows {
    pub item: line_item::Model,
    pub tax_lines: Vec<line_item_tax_line::Model>,
    pub adjustments: Vec<line_item_adjustment::Model>,
    /// The variant as shown (with its product, and the product's shipping profiles, when
    /// loaded); `None` when not loaded or when the item has none.
    pub variant: Option<Value>,
    /// The flag-only `includes_tax`: `None` unless the server runs with tax-inclusive pricing.
    pub includes_tax: Option<bool>,
}

/// A shipping method with its tax lines, and its option when loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct ShippingMethodRows {
    pub method: shipping_method::Model,
    /// `None` when the tax lines were not loaded.
    pub tax_lines: Option<Vec<shipping_method_tax_line::Model>>,
    /// `None` when not loaded; `Some(None)` when the option row is gone.
    pub shipping_option: Option<Option<shipping_option::Model>>,
    /// The flag-only `includes_tax` of the method and of its loaded option: `None` unless the
    /// server runs with tax-inclusive pricing.
    pub includes_tax: Option<bool>,
    pub option_includes_tax: Option<bool>,
}

/// A discount of the order and its rule.
#[derive(Debug, Clone, PartialEq)]
pub struct DiscountRows {
    pub discount: discount::Model,
    /// `None` when not loaded or when the discount has no rule.
    pub rule: Option<discount_rule::Model>,
}

/// A gift-card transaction of the order, with its card when loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct GiftCardTransactionRows {
    pub transaction: gift_card_transaction::Model,
    pub gift_card: Option<gift_card::Model>,
}

/// A swap: its additional items are typed (totals read them), the rest is shown as loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct SwapRows {
    pub swap: swap::Model,
    /// `None` when not loaded.
    pub additional_items: Option<Vec<ItemRows>>,
    /// The swap's other loaded relations, by name, as shown.
    pub shown: Map<String, Value>,
}

/// A claim: as a swap.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRows {
    pub claim: claim_order::Model,
    pub additional_items: Option<Vec<ItemRows>>,
    pub shown: Map<String, Value>,
}

/// One order with every relation the read loaded. Each `Option` is `None` when that
/// relation was not loaded; the list reads and the retrieve always load what Medusa's
/// `getTotalsRelations` names (items with tax lines, adjustments and variant, swaps and
/// claims with their additional items, discounts with rules, gift cards, gift-card
/// transactions, refunds, shipping methods with tax lines, region, payments).
#[derive(Debug, Clone, PartialEq)]
pub struct OrderRows {
    pub order: order::Model,
    /// The to-one relations below: `None` when not loaded, `Some(None)` when the order has
    /// none (or its row is gone).
    pub region: Option<Option<region::Model>>,
    pub billing_address: Option<Option<address::Model>>,
    pub shipping_address: Option<Option<address::Model>>,
    pub customer: Option<Option<customer::Model>>,
    pub sales_channel: Option<Option<sales_channel::Model>>,
    /// The region's flag-only `includes_tax`, as the items'.
    pub region_includes_tax: Option<bool>,
    pub items: Option<Vec<ItemRows>>,
    pub shipping_methods: Option<Vec<ShippingMethodRows>>,
    pub discounts: Option<Vec<DiscountRows>>,
    pub gift_cards: Option<Vec<gift_card::Model>>,
    pub gift_card_transactions: Option<Vec<GiftCardTransactionRows>>,
    pub payments: Option<Vec<payment::Model>>,
    pub refunds: Option<Vec<refund::Model>>,
    pub swaps: Option<Vec<SwapRows>>,
    pub claims: Option<Vec<ClaimRows>>,
    /// The other loaded relations (fulfillments, returns, edits), by name, as shown.
    pub shown: Map<String, Value>,
    /// The read served `MEDUSA_FF_TAX_INCLUSIVE_PRICING` (the rows carry `includes_tax`).
    pub tax_inclusive_pricing: bool,
}

impl OrderRows {
    pub fn bare(order: order::Model) -> Self {
        Self {
            order,
            region: None,
            billing_address: None,
            shipping_address: None,
            customer: None,
            sales_channel: None,
            region_includes_tax: None,
            items: None,
            shipping_methods: None,
            discounts: None,
            gift_cards: None,
            gift_card_transactions: None,
            payments: None,
            refunds: None,
            swaps: None,
            claims: None,
            shown: Map::new(),
            tax_inclusive_pricing: false,
        }
    }
}
