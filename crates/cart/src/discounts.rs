//! Discounts and gift cards on a cart (`CartService.update` with `discounts`,
//! `applyDiscounts`, `DiscountService.validateDiscountForCartOrThrow`): the codes are found
//! (upper-cased), validated against the cart, the cart keeps at most one discount that is not
//! free shipping and one that is, its lines' adjustments are rewritten, and free shipping
//! zeroes its methods.

use chrono::Utc;
use medusa_core::{Error, Result};
use medusa_entity::sea_orm_active_enums::{DiscountConditionTypeEnum, DiscountRuleTypeEnum};
use medusa_entity::{
    cart_discounts, customer_group_customers, discount, discount_condition,
    discount_condition_customer_group, discount_regions, discount_rule,
};
use medusa_load::Connection;
use medusa_query_dsl::{in_insertion_order, key_in};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use crate::adjustments::{refresh_adjustments_in, DiscountableLine};
use crate::rows::{load_cart, CartRows};
use crate::shipping::{adjust_free_shipping_in, has_free_shipping};
use crate::view::{computed_tax_lines, totals_input};

/// A discount with its rule, as found by code.
#[derive(Debug, Clone)]
struct Found {
    discount: discount::Model,
    rule: discount_rule::Model,
}

async fn find_by_codes<C: Connection>(conn: &C, codes: &[String]) -> Result<Vec<Found>> {
    let normalized: Vec<String> = codes.iter().map(|c| c.trim().to_uppercase()).collect();
    let discounts = in_insertion_order(discount::Entity::find(), conn.get_database_backend())
        .filter(key_in(
            discount::Column::Code.into_expr(),
            normalized.clone(),
            conn.get_database_backend(),
        ))
        .filter(discount::Column::DeletedAt.is_null())
        .all(conn)
        .await?;
    if discounts.len() != codes.len() {
        return Err(Error::not_found(format!(
            "Discounts with code [{}] was not found",
            normalized.join(", ")
        )));
    }
    // In the order the database reads them (Medusa's unordered read).
    let mut found = Vec::with_capacity(discounts.len());
    for d in discounts {
        let rule = match &d.rule_id {
            Some(rule_id) => {
                discount_rule::Entity::find_by_id(rule_id.as_str())
                    .one(conn)
                    .await?
            }
            None => None,
        }
        .ok_or_else(|| Error::not_found(format!("Discount with code {} has no rule", d.code)))?;
        found.push(Found { discount: d, rule });
    }
    Ok(found)
}

async fn validate<C: Connection>(conn: &C, rows: &CartRows, found: &Found) -> Result<()> {
    let d = &found.discount;
    let now = Utc::now();
    if d.usage_limit
        .is_some_and(|limit| limit != 0 && d.usage_count >= limit)
    {
        return Err(Error::not_allowed(format!(
            "Discount {} has been used maximum allowed times",
            d.code
        )));
    }
    if d.starts_at > now {
        return Err(Error::not_allowed(format!(
            "Discount {} is not valid yet",
            d.code
        )));
    }
    if d.ends_at.is_some_and(|end| end < now) {
        return Err(Error::not_allowed(format!(
            "Discount {} is expired",
            d.code
        )));
    }
    if d.is_disabled {
        return Err(Error::not_allowed(format!(
            "The discount code {} is disabled",
            d.code
        )));
    }
    let group_conditions: Vec<discount_condition::Model> = discount_condition::Entity::find()
        .filter(discount_condition::Column::DiscountRuleId.eq(&found.rule.id))
        .filter(discount_condition::Column::Type.eq(DiscountConditionTypeEnum::CustomerGroups))
        .filter(discount_condition::Column::DeletedAt.is_null())
        .all(conn)
        .await?;
    if rows.cart.customer_id.is_none() && !group_conditions.is_empty() {
        return Err(Error::not_allowed(format!(
            "Discount {} is only valid for specific customer",
            d.code
        )));
    }
    let region_owner = d.parent_discount_id.clone().unwrap_or_else(|| d.id.clone());
    let in_region = discount_regions::Entity::find()
        .filter(discount_regions::Column::DiscountId.eq(region_owner))
        .filter(discount_regions::Column::RegionId.eq(&rows.cart.region_id))
        .one(conn)
        .await?
        .is_some();
    if !in_region {
        return Err(Error::invalid_data(
            "The discount is not available in current region",
        ));
    }
    if let Some(customer_id) = &rows.cart.customer_id {
        if !group_conditions.is_empty() {
            let groups: Vec<String> = customer_group_customers::Entity::find()
                .filter(customer_group_customers::Column::CustomerId.eq(customer_id))
                .all(conn)
                .await?
                .into_iter()
                .map(|g| g.customer_group_id)
                .collect();
            for condition in &group_conditions {
                let listed: Vec<String> = discount_condition_customer_group::Entity::find()
                    .filter(
                        discount_condition_customer_group::Column::ConditionId.eq(&condition.id),
                    )
                    .all(conn)
                    .await?
                    .into_iter()
                    .map(|g| g.customer_group_id)
                    .collect();
                let among = groups.iter().any(|g| listed.contains(g));
                let holds = match condition.operator {
                    medusa_entity::sea_orm_active_enums::DiscountConditionOperatorEnum::In => among,
                    medusa_entity::sea_orm_active_enums::DiscountConditionOperatorEnum::NotIn => {
                        !among
                    }
                };
                if !holds {
                    return Err(Error::not_allowed(format!(
                        "Discount {} is not valid for customer",
                        d.code
                    )));
                }
            }
        }
    }
    Ok(())
}

/// Replaces the cart's discounts with these codes (`[]` removes them all), then rewrites the
/// adjustments and the shipping prices.
pub async fn set_discounts_in<C: Connection>(
    conn: &C,
    cart_id: &str,
    codes: &[String],
    tax_inclusive: bool,
) -> Result<()> {
    let rows = load_cart(conn, cart_id, tax_inclusive).await?;
    let had_free_shipping = has_free_shipping(&rows);
    let found = if codes.is_empty() {
        Vec::new()
    } else {
        find_by_codes(conn, codes).await?
    };
    for f in &found {
        validate(conn, &rows, f).await?;
    }
    // Every free-shipping discount and the first one that is not.
    let mut kept: Vec<&Found> = Vec::new();
    let mut saw_other = false;
    for f in &found {
        if f.rule.r#type == DiscountRuleTypeEnum::FreeShipping {
            kept.push(f);
        } else if !saw_other {
            saw_other = true;
            kept.push(f);
        }
    }
    let has_free = kept
        .iter()
        .any(|f| f.rule.r#type == DiscountRuleTypeEnum::FreeShipping);
    cart_discounts::Entity::delete_many()
        .filter(cart_discounts::Column::CartId.eq(cart_id))
        .exec(conn)
        .await?;
    for f in &kept {
        cart_discounts::ActiveModel {
            cart_id: Set(cart_id.to_owned()),
            discount_id: Set(f.discount.id.clone()),
        }
        .insert(conn)
        .await?;
    }
    refresh_cart_adjustments_in(conn, cart_id, tax_inclusive).await?;
    if codes.is_empty() {
        // Medusa leaves the shipping prices as they are when every discount is removed.
    } else if has_free {
        adjust_free_shipping_in(conn, cart_id, true).await?;
    } else if had_free_shipping {
        adjust_free_shipping_in(conn, cart_id, false).await?;
    }
    Ok(())
}

/// Rewrites the adjustments of the cart's lines for its first discount that is not free
/// shipping (after lines or discounts changed).
pub async fn refresh_cart_adjustments_in<C: Connection>(
    conn: &C,
    cart_id: &str,
    tax_inclusive: bool,
) -> Result<()> {
    let rows = load_cart(conn, cart_id, tax_inclusive).await?;
    let discount = rows.discounts.iter().find_map(|d| {
        d.rule
            .as_ref()
            .filter(|r| r.r#type != DiscountRuleTypeEnum::FreeShipping)
            .map(|r| (d.discount.id.as_str(), r))
    });
    // A tax-inclusive line is discounted on its tax-exclusive subtotal.
    let subtotals = if tax_inclusive {
        let taxes = computed_tax_lines(conn, &rows).await?;
        let mut input = totals_input(&rows, &taxes, true);
        for item in &mut input.items {
            item.adjustments.clear();
        }
        input.discounts.clear();
        medusa_totals::current::cart_totals(&input)
            .items
            .into_iter()
            .map(|t| (t.id, t.subtotal as f64))
            .collect()
    } else {
        std::collections::HashMap::new()
    };
    let lines: Vec<DiscountableLine<'_>> = rows
        .items
        .iter()
        .map(|i| DiscountableLine {
            item: &i.item,
            product_id: i.product_id.as_deref(),
            subtotal: subtotals
                .get(&i.item.id)
                .copied()
                .unwrap_or(f64::from(i.item.unit_price) * f64::from(i.item.quantity)),
        })
        .collect();
    refresh_adjustments_in(conn, &lines, discount).await
}
