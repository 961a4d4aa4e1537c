//! The rows of an order a return reads inside its transaction: the order's items and its
//! swaps' and claims' additional items (with tax lines and adjustments), its discounts with
//! their rules, payments, refunds and region, and the legacy totals input built from them.

use std::collections::HashMap;

use medusa_core::{Error, Result};
use medusa_entity::sea_orm_active_enums::DiscountRuleTypeEnum;
use medusa_entity::{
    claim_order, discount, discount_rule, line_item, line_item_adjustment, line_item_tax_line,
    order, order_discounts, payment, refund, region, swap,
};
use medusa_load::{by_key, children, live, Connection, Reader};
use medusa_query_dsl::in_insertion_order;
use medusa_totals as totals;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::rules::Returnable;

/// One order and what a return reads of it.
#[derive(Debug, Clone)]
pub struct OrderFacts {
    pub order: order::Model,
    /// The order's own items.
    pub items: Vec<line_item::Model>,
    /// The additional items of the order's swaps, then of its claims.
    pub extra_items: Vec<line_item::Model>,
    pub tax_rates: HashMap<String, Vec<f64>>,
    pub adjustments: HashMap<String, Vec<line_item_adjustment::Model>>,
    pub discounts: Vec<(discount::Model, Option<discount_rule::Model>)>,
    pub payments: Vec<payment::Model>,
    pub refunds: Vec<refund::Model>,
    pub region: Option<region::Model>,
}

/// Medusa's message when the order of a return is missing.
pub fn order_not_found(id: &str) -> Error {
    Error::not_found(format!("Order with id: {id} was not found"))
}

impl OrderFacts {
    /// Reads the order `id` and its rows through `conn` (a transaction).
    pub async fn load<C: Connection>(conn: &C, id: &str) -> Result<Self> {
        let order = order::Entity::find_by_id(id)
            .one(conn)
            .await?
            .ok_or_else(|| order_not_found(id))?;
        let backend = conn.get_database_backend();
        let mut reader = Reader::new(conn).await?;
        let key = [order.id.clone()];
        let items = children(
            &mut reader,
            in_insertion_order(line_item::Entity::find(), backend),
            line_item::Column::OrderId,
            &key,
        )
        .await?
        .take(0);
        let swaps = children(
            &mut reader,
            live::<swap::Entity>(),
            swap::Column::OrderId,
            &key,
        )
        .await?
        .take(0);
        let claims = children(
            &mut reader,
            live::<claim_order::Entity>(),
            claim_order::Column::OrderId,
            &key,
        )
        .await?
        .take(0);
        let swap_ids: Vec<String> = swaps.iter().map(|s| s.id.clone()).collect();
        let claim_ids: Vec<String> = claims.iter().map(|c| c.id.clone()).collect();
        let mut extra_items: Vec<line_item::Model> = children(
            &mut reader,
            in_insertion_order(line_item::Entity::find(), backend),
            line_item::Column::SwapId,
            &swap_ids,
        )
        .await?
        .into_groups()
        .into_iter()
        .flatten()
        .collect();
        extra_items.extend(
            children(
                &mut reader,
                in_insertion_order(line_item::Entity::find(), backend),
                line_item::Column::ClaimOrderId,
                &claim_ids,
            )
            .await?
            .into_groups()
            .into_iter()
            .flatten(),
        );
        let item_ids: Vec<String> = items
            .iter()
            .chain(&extra_items)
            .map(|i| i.id.clone())
            .collect();
        let mut lines = children(
            &mut reader,
            in_insertion_order(line_item_tax_line::Entity::find(), backend),
            line_item_tax_line::Column::ItemId,
            &item_ids,
        )
        .await?;
        let mut adjustments = children(
            &mut reader,
            in_insertion_order(line_item_adjustment::Entity::find(), backend),
            line_item_adjustment::Column::ItemId,
            &item_ids,
        )
        .await?;
        let mut tax_rates = HashMap::new();
        let mut adjustment_map = HashMap::new();
        for (index, id) in item_ids.iter().enumerate() {
            let rates = lines
                .take(index)
                .iter()
                .map(|l| f64::from(l.rate))
                .collect();
            tax_rates.insert(id.clone(), rates);
            adjustment_map.insert(id.clone(), adjustments.take(index));
        }
        let links = children(
            &mut reader,
            in_insertion_order(order_discounts::Entity::find(), backend),
            order_discounts::Column::OrderId,
            &key,
        )
        .await?
        .take(0);
        let found = by_key(
            &mut reader,
            discount::Entity::find(),
            discount::Column::Id,
            links.iter().map(|l| l.discount_id.clone()),
        )
        .await?;
        let rules = by_key(
            &mut reader,
            discount_rule::Entity::find(),
            discount_rule::Column::Id,
            found.values().filter_map(|d| d.rule_id.clone()),
        )
        .await?;
        let discounts = links
            .iter()
            .filter_map(|l| found.get(&l.discount_id).cloned())
            .map(|d| {
                let rule = d.rule_id.as_ref().and_then(|r| rules.get(r).cloned());
                (d, rule)
            })
            .collect();
        let payments = children(
            &mut reader,
            in_insertion_order(payment::Entity::find(), backend),
            payment::Column::OrderId,
            &key,
        )
        .await?
        .take(0);
        let refunds = children(
            &mut reader,
            in_insertion_order(refund::Entity::find(), backend),
            refund::Column::OrderId,
            &key,
        )
        .await?
        .take(0);
        drop(reader);
        let region = region::Entity::find()
            .filter(region::Column::Id.eq(order.region_id.clone()))
            .one(conn)
            .await?;
        Ok(Self {
            order,
            items,
            extra_items,
            tax_rates,
            adjustments: adjustment_map,
            discounts,
            payments,
            refunds,
            region,
        })
    }

    /// A line of the order, its swaps or its claims.
    pub fn line(&self, id: &str) -> Option<&line_item::Model> {
        self.items
            .iter()
            .chain(&self.extra_items)
            .find(|i| i.id == id)
    }

    pub fn returnable(&self, id: &str) -> Option<Returnable> {
        self.line(id).map(|l| Returnable {
            quantity: i64::from(l.quantity),
            returned_quantity: i64::from(l.returned_quantity.unwrap_or(0)),
        })
    }

    /// `paid_total − refunded_total`.
    pub fn refundable_amount(&self) -> i64 {
        let paid: i64 = self.payments.iter().map(|p| i64::from(p.amount)).sum();
        let refunded: i64 = self.refunds.iter().map(|r| i64::from(r.amount)).sum();
        paid - refunded
    }

    /// A line as the totals read it, with `quantity` units.
    pub fn totals_line(&self, item: &line_item::Model, quantity: i64) -> totals::LineItem {
        let adjustments = self
            .adjustments
            .get(&item.id)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        totals::LineItem {
            id: item.id.clone(),
            unit_price: i64::from(item.unit_price),
            quantity,
            allow_discounts: item.allow_discounts,
            // `line_item.includes_tax` exists only under the tax-inclusive flag (not read yet).
            includes_tax: false,
            tax_lines: self
                .tax_rates
                .get(&item.id)
                .map(|rates| rates.iter().map(|&rate| totals::TaxLine { rate }).collect())
                .unwrap_or_default(),
            adjustments: adjustments
                .iter()
                .map(|a| totals::Adjustment {
                    amount: a.amount.to_string().parse().unwrap_or(0.0),
                    discount_id: a.discount_id.clone(),
                })
                .collect(),
            returned_quantity: item.returned_quantity.map(i64::from),
            shipped_quantity: item.shipped_quantity.map(i64::from),
        }
    }

    /// The legacy totals input (`tax_inclusive_pricing` as the server runs).
    pub fn totals_input(&self, tax_inclusive_pricing: bool) -> totals::OrderInput {
        let line = |i: &line_item::Model| self.totals_line(i, i64::from(i.quantity));
        totals::OrderInput {
            items: self.items.iter().map(line).collect(),
            swap_and_claim_items: self.extra_items.iter().map(line).collect(),
            shipping_methods: Vec::new(),
            discounts: self
                .discounts
                .iter()
                .filter_map(|(d, rule)| {
                    let rule_type = match rule.as_ref()?.r#type {
                        DiscountRuleTypeEnum::Fixed => totals::DiscountRuleType::Fixed,
                        DiscountRuleTypeEnum::Percentage => totals::DiscountRuleType::Percentage,
                        DiscountRuleTypeEnum::FreeShipping => {
                            totals::DiscountRuleType::FreeShipping
                        }
                    };
                    Some(totals::Discount {
                        id: d.id.clone(),
                        rule_type,
                    })
                })
                .collect(),
            gift_cards: Vec::new(),
            gift_card_transactions: Vec::new(),
            region: totals::Region {
                tax_rate: self.region.as_ref().map_or(0.0, |r| f64::from(r.tax_rate)),
                gift_cards_taxable: self.region.as_ref().is_some_and(|r| r.gift_cards_taxable),
            },
            tax: totals::TaxSettings {
                order_tax_rate: self.order.tax_rate.map(f64::from),
                tax_inclusive_pricing,
            },
            payment_amounts: self.payments.iter().map(|p| i64::from(p.amount)).collect(),
            refund_amounts: self.refunds.iter().map(|r| i64::from(r.amount)).collect(),
        }
    }
}
