//! Discount adjustments of a cart's lines: only the cart's first discount that is not free
//! shipping is written to its lines, one `line_item_adjustment` per line it discounts
//! (`CartService.refreshAdjustments_`, `LineItemAdjustmentService.generateAdjustments`,
//! `DiscountService.calculateDiscountForLineItem`).
//!
//! The per-line amount is a pure function ([`line_discount`]) so Medusa's formulas and caps
//! are checked by a table of cases.

use std::collections::HashSet;

use medusa_core::{generate_id, Result};
use medusa_entity::sea_orm_active_enums::{
    DiscountConditionOperatorEnum, DiscountConditionTypeEnum, DiscountRuleAllocationEnum,
    DiscountRuleTypeEnum,
};
use medusa_entity::{
    discount_condition, discount_condition_product, discount_condition_product_collection,
    discount_condition_product_tag, discount_condition_product_type, discount_rule, line_item,
    line_item_adjustment, product, product_tags,
};
use medusa_load::find_live;
use medusa_query_dsl::key_in;
use medusa_totals::js_round;
use sea_orm::prelude::Decimal;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// A discount rule as the per-line formula reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKind {
    /// `value` percent of the line.
    Percentage,
    /// `value` spread over the discountable lines in proportion to their subtotals.
    FixedTotal,
    /// `value` per unit.
    FixedItem,
}

impl RuleKind {
    /// The kind of a rule that writes adjustments (`None` for free shipping).
    pub fn of(rule: &discount_rule::Model) -> Option<Self> {
        match rule.r#type {
            DiscountRuleTypeEnum::FreeShipping => None,
            DiscountRuleTypeEnum::Percentage => Some(Self::Percentage),
            DiscountRuleTypeEnum::Fixed => Some(match rule.allocation {
                Some(DiscountRuleAllocationEnum::Item) => Self::FixedItem,
                _ => Self::FixedTotal,
            }),
        }
    }
}

/// The discount of one line. `line_subtotal` is the line's full price (its unit price times
/// its quantity, or its tax-exclusive subtotal when its price includes tax),
/// `discountable_subtotal` the sum of that over every line that allows discounts. Never more
/// than the line's full price; fixed-total shares are not rounded (the column is numeric).
pub fn line_discount(
    kind: RuleKind,
    value: f64,
    quantity: i64,
    line_subtotal: f64,
    discountable_subtotal: f64,
) -> f64 {
    let amount = match kind {
        RuleKind::Percentage => js_round(line_subtotal / 100.0 * value),
        RuleKind::FixedTotal => {
            if discountable_subtotal == 0.0 {
                return 0.0;
            }
            value.min(discountable_subtotal) * (line_subtotal / discountable_subtotal)
        }
        RuleKind::FixedItem => value * quantity as f64,
    };
    amount.min(line_subtotal)
}

/// Whether a discount rule's product conditions admit a product (`isValidForProduct`): each
/// condition on products, types, collections or tags must hold (`in`: the product is among
/// its resources; `not_in`: it is not). Customer-group conditions do not concern products.
pub async fn rule_admits_product<C: ConnectionTrait>(
    conn: &C,
    rule_id: &str,
    product_id: &str,
) -> Result<bool> {
    let conditions = discount_condition::Entity::find()
        .filter(discount_condition::Column::DiscountRuleId.eq(rule_id))
        .filter(discount_condition::Column::DeletedAt.is_null())
        .all(conn)
        .await?;
    if conditions.is_empty() {
        return Ok(true);
    }
    let Some(product) = find_live::<product::Entity, _>(conn, product_id).await? else {
        return Ok(false);
    };
    for condition in conditions {
        let resources: HashSet<String> = match condition.r#type {
            DiscountConditionTypeEnum::Products => discount_condition_product::Entity::find()
                .filter(discount_condition_product::Column::ConditionId.eq(&condition.id))
                .all(conn)
                .await?
                .into_iter()
                .map(|r| r.product_id)
                .collect(),
            DiscountConditionTypeEnum::ProductTypes => {
                discount_condition_product_type::Entity::find()
                    .filter(discount_condition_product_type::Column::ConditionId.eq(&condition.id))
                    .all(conn)
                    .await?
                    .into_iter()
                    .map(|r| r.product_type_id)
                    .collect()
            }
            DiscountConditionTypeEnum::ProductCollections => {
                discount_condition_product_collection::Entity::find()
                    .filter(
                        discount_condition_product_collection::Column::ConditionId
                            .eq(&condition.id),
                    )
                    .all(conn)
                    .await?
                    .into_iter()
                    .map(|r| r.product_collection_id)
                    .collect()
            }
            DiscountConditionTypeEnum::ProductTags => {
                discount_condition_product_tag::Entity::find()
                    .filter(discount_condition_product_tag::Column::ConditionId.eq(&condition.id))
                    .all(conn)
                    .await?
                    .into_iter()
                    .map(|r| r.product_tag_id)
                    .collect()
            }
            DiscountConditionTypeEnum::CustomerGroups => continue,
        };
        let values: Vec<String> = match condition.r#type {
            DiscountConditionTypeEnum::Products => vec![product.id.clone()],
            DiscountConditionTypeEnum::ProductTypes => product.type_id.iter().cloned().collect(),
            DiscountConditionTypeEnum::ProductCollections => {
                product.collection_id.iter().cloned().collect()
            }
            _ => product_tags::Entity::find()
                .filter(product_tags::Column::ProductId.eq(&product.id))
                .all(conn)
                .await?
                .into_iter()
                .map(|t| t.product_tag_id)
                .collect(),
        };
        let among = values.iter().any(|v| resources.contains(v));
        let holds = match condition.operator {
            DiscountConditionOperatorEnum::In => among,
            DiscountConditionOperatorEnum::NotIn => !among,
        };
        if !holds {
            return Ok(false);
        }
    }
    Ok(true)
}

/// A line as the refresh sees it: its row, its product, and its full price.
#[derive(Debug, Clone)]
pub struct DiscountableLine<'a> {
    pub item: &'a line_item::Model,
    pub product_id: Option<&'a str>,
    /// `unit_price * quantity`, or the tax-exclusive subtotal of a tax-inclusive line.
    pub subtotal: f64,
}

/// Rewrites the discount adjustments of these lines for `discount` (the cart's first discount
/// that is not free shipping, `None` when it has none): every adjustment that belongs to a
/// discount is removed, then each line that allows discounts and whose product the rule
/// admits gets its amount, unless that is 0.
pub async fn refresh_adjustments_in<C: ConnectionTrait>(
    conn: &C,
    lines: &[DiscountableLine<'_>],
    discount: Option<(&str, &discount_rule::Model)>,
) -> Result<()> {
    let ids: Vec<String> = lines
        .iter()
        .filter(|l| !l.item.is_return)
        .map(|l| l.item.id.clone())
        .collect();
    if !ids.is_empty() {
        line_item_adjustment::Entity::delete_many()
            .filter(key_in(
                line_item_adjustment::Column::ItemId.into_expr(),
                ids,
                conn.get_database_backend(),
            ))
            .filter(line_item_adjustment::Column::DiscountId.is_not_null())
            .exec(conn)
            .await?;
    }
    let Some((discount_id, rule)) = discount else {
        return Ok(());
    };
    let Some(kind) = RuleKind::of(rule) else {
        return Ok(());
    };
    let discountable: f64 = lines
        .iter()
        .filter(|l| l.item.allow_discounts)
        .map(|l| l.subtotal)
        .sum();
    for line in lines {
        if !line.item.allow_discounts || line.item.is_return {
            continue;
        }
        let Some(product_id) = line.product_id else {
            continue;
        };
        if !rule_admits_product(conn, &rule.id, product_id).await? {
            continue;
        }
        let amount = line_discount(
            kind,
            f64::from(rule.value),
            i64::from(line.item.quantity),
            line.subtotal,
            discountable,
        );
        if amount == 0.0 || amount.is_nan() {
            continue;
        }
        line_item_adjustment::ActiveModel {
            id: Set(generate_id("lia")),
            item_id: Set(line.item.id.clone()),
            description: Set("discount".into()),
            discount_id: Set(Some(discount_id.to_owned())),
            amount: Set(decimal(amount)),
            metadata: Set(None),
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}

/// The numeric column's value for a JavaScript number (its shortest decimal form).
pub(crate) fn decimal(amount: f64) -> Decimal {
    amount.to_string().parse().unwrap_or_default()
}
