//! From an order's typed rows to the totals crate's input, and the figures it returns merged
//! into the order's JSON under Medusa's names.
//!
//! [`order_input`] is the whole mapping: every column a total reads, converted as Medusa's
//! JavaScript sees it (`real` rates as PostgreSQL prints them, the `numeric` adjustment amount
//! as a number). [`merge_legacy`] and [`merge_current`] write what each of Medusa's two
//! engines attaches, on the order, its items, the swaps' and claims' additional items and the
//! shipping methods; [`crate::json::merge_totals`] decides which ones run.

use medusa_core::number::{json_number, numeric, real};
use std::collections::HashMap;

use medusa_entity::sea_orm_active_enums::DiscountRuleTypeEnum;
use medusa_totals::current::{LineItemTotals, OrderTotals};
use medusa_totals::{
    Adjustment, Discount, DiscountRuleType, GiftCard, GiftCardTransaction, LineItem, OrderInput,
    Region, ShippingMethod, TaxLine, TaxSettings,
};
use serde_json::{Map, Value};

use crate::rows::{ItemRows, OrderRows};

/// One line item with its tax lines and adjustments. `includes_tax` exists only under the
/// tax-inclusive-pricing flag; without it Medusa reads `undefined`, i.e. false.
pub fn line_item(rows: &ItemRows) -> LineItem {
    let item = &rows.item;
    LineItem {
        id: item.id.clone(),
        unit_price: i64::from(item.unit_price),
        quantity: i64::from(item.quantity),
        allow_discounts: item.allow_discounts,
        includes_tax: rows.includes_tax.unwrap_or(false),
        tax_lines: rows
            .tax_lines
            .iter()
            .map(|line| TaxLine {
                rate: real(line.rate),
            })
            .collect(),
        adjustments: rows
            .adjustments
            .iter()
            .map(|adjustment| Adjustment {
                amount: numeric(&adjustment.amount),
                discount_id: adjustment.discount_id.clone(),
            })
            .collect(),
        returned_quantity: item.returned_quantity.map(i64::from),
        shipped_quantity: item.shipped_quantity.map(i64::from),
    }
}

fn rule_type(rule: Option<&DiscountRuleTypeEnum>) -> DiscountRuleType {
    match rule {
        Some(DiscountRuleTypeEnum::FreeShipping) => DiscountRuleType::FreeShipping,
        Some(DiscountRuleTypeEnum::Percentage) => DiscountRuleType::Percentage,
        // A discount without a rule cannot be created; counted as an allocated one.
        Some(DiscountRuleTypeEnum::Fixed) | None => DiscountRuleType::Fixed,
    }
}

/// Everything the totals of one order read, from its rows. Relations not loaded count as
/// empty (Medusa always loads them for totals).
pub fn order_input(rows: &OrderRows) -> OrderInput {
    let items = rows.items.as_deref().unwrap_or_default();
    let swap_items = rows
        .swaps
        .iter()
        .flatten()
        .filter_map(|swap| swap.additional_items.as_ref())
        .flatten();
    let claim_items = rows
        .claims
        .iter()
        .flatten()
        .filter_map(|claim| claim.additional_items.as_ref())
        .flatten();
    let region = rows.region.as_ref().and_then(Option::as_ref);
    OrderInput {
        items: items.iter().map(line_item).collect(),
        swap_and_claim_items: swap_items.chain(claim_items).map(line_item).collect(),
        shipping_methods: rows
            .shipping_methods
            .iter()
            .flatten()
            .map(|method| ShippingMethod {
                id: method.method.id.clone(),
                price: i64::from(method.method.price),
                includes_tax: method.includes_tax.unwrap_or(false),
                tax_lines: method
                    .tax_lines
                    .iter()
                    .flatten()
                    .map(|line| TaxLine {
                        rate: real(line.rate),
                    })
                    .collect(),
            })
            .collect(),
        discounts: rows
            .discounts
            .iter()
            .flatten()
            .map(|d| Discount {
                id: d.discount.id.clone(),
                rule_type: rule_type(d.rule.as_ref().map(|rule| &rule.r#type)),
            })
            .collect(),
        gift_cards: rows
            .gift_cards
            .iter()
            .flatten()
            .map(|card| GiftCard {
                balance: i64::from(card.balance),
                tax_rate: card.tax_rate.map(real),
            })
            .collect(),
        gift_card_transactions: rows
            .gift_card_transactions
            .iter()
            .flatten()
            .map(|t| GiftCardTransaction {
                amount: i64::from(t.transaction.amount),
                tax_rate: t.transaction.tax_rate.map(real),
                is_taxable: t.transaction.is_taxable,
                gift_card_tax_rate: t.gift_card.as_ref().and_then(|c| c.tax_rate).map(real),
            })
            .collect(),
        region: Region {
            tax_rate: region.map_or(0.0, |r| real(r.tax_rate)),
            gift_cards_taxable: region.is_some_and(|r| r.gift_cards_taxable),
        },
        tax: TaxSettings {
            order_tax_rate: rows.order.tax_rate.map(real),
            tax_inclusive_pricing: rows.tax_inclusive_pricing,
        },
        payment_amounts: rows
            .payments
            .iter()
            .flatten()
            .map(|p| i64::from(p.amount))
            .collect(),
        refund_amounts: rows
            .refunds
            .iter()
            .flatten()
            .map(|r| i64::from(r.amount))
            .collect(),
    }
}

/// The fields of a serialized totals struct, `id` left out.
fn fields_of<T: serde::Serialize>(totals: &T) -> Map<String, Value> {
    match serde_json::to_value(totals) {
        Ok(Value::Object(mut map)) => {
            map.remove("id");
            map
        }
        _ => Map::new(),
    }
}

fn item_id(item: &Value) -> Option<&str> {
    item.get("id").and_then(Value::as_str)
}

/// Runs `f` on each object of `json[key]` (an array), with the object's id.
fn each_object(
    json: &mut Map<String, Value>,
    key: &str,
    mut f: impl FnMut(&str, &mut Map<String, Value>),
) {
    if let Some(Value::Array(elements)) = json.get_mut(key) {
        for element in elements {
            if let Some(id) = item_id(element).map(str::to_owned) {
                if let Value::Object(object) = element {
                    f(&id, object);
                }
            }
        }
    }
}

/// Runs `f` on each of the swaps' (`parent = "swaps"`) or claims' additional items.
fn each_additional_item(
    json: &mut Map<String, Value>,
    parent: &str,
    mut f: impl FnMut(&str, &mut Map<String, Value>),
) {
    if let Some(Value::Array(parents)) = json.get_mut(parent) {
        for parent in parents.iter_mut().filter_map(Value::as_object_mut) {
            each_object(parent, "additional_items", &mut f);
        }
    }
}

/// `decorateTotalsLegacy`: what `GET /admin/orders` attaches when `fields` names totals.
pub fn merge_legacy(json: &mut Map<String, Value>, input: &OrderInput, fields: &[String]) {
    use medusa_totals::legacy;
    let named = |f: &str| fields.iter().any(|field| field == f);
    // The order's own totals only when a field names one (Medusa's default fields name
    // only the items' `refundable`s).
    let order_level = fields.iter().any(|field| !field.contains('.'));
    let totals = order_level.then(|| legacy::order_totals(input));
    if let Some(totals) = totals
        .as_ref()
        .filter(|_| named("subtotal") || named("total"))
    {
        let by_id: HashMap<&str, _> = totals.items.iter().map(|t| (t.id.as_str(), t)).collect();
        each_object(json, "items", |id, item| {
            if let Some(line) = by_id.get(id) {
                let mut shown = fields_of(*line);
                shown.remove("refundable");
                item.extend(shown);
                item.insert(
                    "raw_discount_total".into(),
                    json_number(line.raw_discount_total),
                );
            }
        });
    }
    let order_fields = totals.as_ref().map(fields_of).unwrap_or_default();
    for field in fields {
        let keys: &[&str] = match field.as_str() {
            "gift_card_total" => &["gift_card_total", "gift_card_tax_total"],
            "subtotal" | "tax_total" | "shipping_total" | "discount_total" | "total"
            | "paid_total" | "refunded_total" | "refundable_amount" => &[field.as_str()],
            "items.refundable" => {
                let refunds = legacy::item_refunds(input);
                each_object(json, "items", |id, item| {
                    if let Some(refund) = refunds.get(id) {
                        item.insert("refundable".into(), Value::from(*refund));
                    }
                });
                &[]
            }
            "swaps.additional_items.refundable" | "claims.additional_items.refundable" => {
                let parent = field.split('.').next().unwrap_or_default();
                let items: HashMap<&str, &LineItem> = input
                    .swap_and_claim_items
                    .iter()
                    .map(|item| (item.id.as_str(), item))
                    .collect();
                each_additional_item(json, parent, |id, shown| {
                    if let Some(item) = items.get(id) {
                        let refund =
                            legacy::line_item_refund(input, item, item.refundable_quantity());
                        shown.insert("refundable".into(), Value::from(refund));
                    }
                });
                &[]
            }
            _ => &[],
        };
        for key in keys {
            if let Some(value) = order_fields.get(*key) {
                json.insert((*key).to_owned(), value.clone());
            }
        }
    }
}

/// A line's totals as `Object.assign` writes them onto the item: the figures, `refundable`,
/// and the stored `quantity` (the totals object carries the quantity the totals were
/// computed with); with an order tax rate the totals carry no tax lines.
fn assign_line(item: &mut Map<String, Value>, line: &LineItemTotals, input: &OrderInput) {
    item.extend(fields_of(line));
    item.insert(
        "raw_discount_total".into(),
        json_number(line.raw_discount_total),
    );
    if input.tax.order_tax_rate.is_some_and(|rate| rate != 0.0) {
        item.insert("tax_lines".into(), Value::Array(Vec::new()));
    }
}

/// `decorateTotals` with a context: every total of the order (`GET /admin/orders/{id}`, and
/// `GET /admin/orders` when `fields` names none). The swaps' and claims' additional items get
/// their line totals only when `returnable_items` was asked for; otherwise only `refundable`
/// and their `quantity` less `returned_quantity`.
pub fn merge_current(json: &mut Map<String, Value>, input: &OrderInput, returnable_items: bool) {
    let totals: OrderTotals = medusa_totals::current::order_totals(input);
    let items: HashMap<&str, &LineItemTotals> =
        totals.items.iter().map(|t| (t.id.as_str(), t)).collect();
    each_object(json, "items", |id, item| {
        if let Some(line) = items.get(id) {
            assign_line(item, line, input);
        }
    });
    let methods: HashMap<&str, _> = totals
        .shipping_methods
        .iter()
        .map(|t| (t.id.as_str(), t))
        .collect();
    let truthy_rate = input.tax.order_tax_rate.is_some_and(|rate| rate != 0.0);
    each_object(json, "shipping_methods", |id, method| {
        if let Some(totals) = methods.get(id) {
            method.extend(fields_of(*totals));
            if truthy_rate {
                method.insert("tax_lines".into(), Value::Array(Vec::new()));
            }
        }
    });
    let additional: HashMap<&str, &LineItemTotals> = totals
        .swap_and_claim_items
        .iter()
        .map(|t| (t.id.as_str(), t))
        .collect();
    for parent in ["swaps", "claims"] {
        each_additional_item(json, parent, |id, item| {
            let Some(line) = additional.get(id) else {
                return;
            };
            if returnable_items {
                assign_line(item, line, input);
            } else {
                let returned = item
                    .get("returned_quantity")
                    .and_then(Value::as_i64)
                    .unwrap_or(0);
                if let Some(quantity) = item.get("quantity").and_then(Value::as_i64) {
                    item.insert("quantity".into(), Value::from(quantity - returned));
                }
                if let Some(refundable) = line.refundable {
                    item.insert("refundable".into(), Value::from(refundable));
                }
            }
        });
    }
    json.extend(fields_of(&totals));
    json.insert(
        "raw_discount_total".into(),
        json_number(totals.raw_discount_total),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn real_columns_read_as_postgres_prints_them() {
        for (stored, read) in [(0.1_f32, 0.1_f64), (12.5, 12.5), (19.0, 19.0), (7.7, 7.7)] {
            assert_eq!(real(stored), read);
        }
        assert_eq!(numeric(&sea_orm::prelude::Decimal::new(2005, 1)), 200.5);
    }

    fn item(id: &str, quantity: i64, returned: Option<i64>) -> LineItem {
        LineItem {
            id: id.into(),
            unit_price: 1000,
            quantity,
            allow_discounts: true,
            tax_lines: vec![TaxLine { rate: 10.0 }],
            returned_quantity: returned,
            shipped_quantity: Some(quantity),
            ..LineItem::default()
        }
    }

    fn order_json() -> Map<String, Value> {
        let shown = |id: &str, quantity: i64, returned: i64| json!({"id": id, "quantity": quantity, "returned_quantity": returned, "tax_lines": [{"rate": 10}]});
        let Value::Object(map) = json!({
            "items": [shown("a", 3, 1)],
            "swaps": [{"id": "s", "additional_items": [shown("b", 2, 1)]}],
            "shipping_methods": [{"id": "m", "price": 500, "tax_lines": [{"rate": 10}]}],
        }) else {
            unreachable!()
        };
        map
    }

    #[test]
    fn swap_items_get_line_totals_only_with_returnable_items() {
        let input = OrderInput {
            items: vec![item("a", 3, Some(1))],
            swap_and_claim_items: vec![item("b", 2, Some(1))],
            ..OrderInput::default()
        };
        let mut plain = order_json();
        merge_current(&mut plain, &input, false);
        // Order items: stored quantity, totals on it, refund on the 2 not returned.
        assert_eq!(plain["items"][0]["quantity"], 3);
        assert_eq!(plain["items"][0]["total"], 3300);
        assert_eq!(plain["items"][0]["refundable"], 2200);
        let swap_item = &plain["swaps"][0]["additional_items"][0];
        assert_eq!(swap_item["quantity"], 1);
        assert_eq!(swap_item["refundable"], 1100);
        assert!(swap_item.get("total").is_none());
        assert_eq!(plain["total"], 3300);

        let mut returnable = order_json();
        merge_current(&mut returnable, &input, true);
        let swap_item = &returnable["swaps"][0]["additional_items"][0];
        assert_eq!(
            (swap_item["quantity"].clone(), swap_item["total"].clone()),
            (json!(2), json!(2200))
        );
    }

    #[test]
    fn an_order_tax_rate_shows_no_tax_lines() {
        let input = OrderInput {
            items: vec![item("a", 3, None)],
            shipping_methods: vec![ShippingMethod {
                id: "m".into(),
                price: 500,
                ..ShippingMethod::default()
            }],
            tax: TaxSettings {
                order_tax_rate: Some(25.0),
                tax_inclusive_pricing: false,
            },
            ..OrderInput::default()
        };
        let mut json = order_json();
        merge_current(&mut json, &input, false);
        assert_eq!(json["items"][0]["tax_lines"], json!([]));
        assert_eq!(json["items"][0]["tax_total"], 750);
        assert_eq!(json["shipping_methods"][0]["tax_lines"], json!([]));
        assert_eq!(json["shipping_methods"][0]["tax_total"], 125);
    }
}
