//! A cart as Medusa's `CartService.retrieveWithTotals` shows it: its row with the relations
//! the draft-order routes load, its items and shipping methods with the tax lines the system
//! provider computes (when the region taxes automatically), and the totals of
//! `medusa_totals::current::cart_totals` merged in under Medusa's names.

use std::collections::HashMap;

use medusa_core::Result;
use medusa_entity::sea_orm_active_enums::DiscountRuleTypeEnum;
use medusa_load::Connection;
use medusa_totals::current::{cart_totals, CartTotals};
use medusa_totals::{
    Adjustment, Discount, DiscountRuleType, GiftCard, LineItem, OrderInput, Region, ShippingMethod,
    TaxLine, TaxSettings,
};
use sea_orm::prelude::Decimal;
use serde::Serialize;
use serde_json::{json, Map, Number, Value};

use crate::rows::{load_cart, AddressRows, CartRows};
use crate::tax_lines::{rates_for_option, rates_for_products, Rate, TaxRegion};

/// The tax lines the provider gives each item and method, when the region taxes.
#[derive(Debug, Clone, Default)]
pub struct ComputedTaxLines {
    pub items: HashMap<String, Vec<Rate>>,
    pub methods: HashMap<String, Vec<Rate>>,
    /// Whether taxes were computed at all (`region.automatic_taxes`).
    pub computed: bool,
}

/// The provider's lines for the cart (none unless the region taxes automatically).
pub async fn computed_tax_lines<C: Connection>(
    conn: &C,
    rows: &CartRows,
) -> Result<ComputedTaxLines> {
    if !rows.region.automatic_taxes {
        return Ok(ComputedTaxLines::default());
    }
    let region = TaxRegion::of(&rows.region);
    let products: Vec<String> = rows
        .items
        .iter()
        .filter_map(|i| i.product_id.clone())
        .collect();
    let rates = rates_for_products(conn, &region, &products).await?;
    let mut out = ComputedTaxLines {
        computed: true,
        ..ComputedTaxLines::default()
    };
    for item in &rows.items {
        if item.item.is_return {
            continue;
        }
        let lines = item
            .product_id
            .as_ref()
            .and_then(|p| rates.get(p))
            .cloned()
            .unwrap_or_default();
        out.items.insert(item.item.id.clone(), lines);
    }
    for method in &rows.shipping_methods {
        let lines = rates_for_option(conn, &region, &method.method.shipping_option_id).await?;
        out.methods.insert(method.method.id.clone(), lines);
    }
    Ok(out)
}

/// A `real` column as JavaScript reads PostgreSQL's text of it.
pub(crate) fn real(value: f32) -> f64 {
    value.to_string().parse().unwrap_or(f64::from(value))
}

/// The `numeric` adjustment amount as a number.
pub(crate) fn numeric(value: &Decimal) -> f64 {
    value.to_string().parse().unwrap_or(0.0)
}

/// A JavaScript number: integral values without a fraction.
pub(crate) fn js_number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9_007_199_254_740_992.0 {
        #[allow(clippy::cast_possible_truncation)]
        Value::Number(Number::from(value as i64))
    } else {
        Number::from_f64(value).map_or(Value::Null, Value::Number)
    }
}

/// The totals crate's input for a cart.
pub fn totals_input(rows: &CartRows, taxes: &ComputedTaxLines, tax_inclusive: bool) -> OrderInput {
    let rates = |lines: Option<&Vec<Rate>>| -> Vec<TaxLine> {
        lines
            .map(|l| l.iter().map(|r| TaxLine { rate: real(r.rate) }).collect())
            .unwrap_or_default()
    };
    OrderInput {
        items: rows
            .items
            .iter()
            .map(|i| LineItem {
                id: i.item.id.clone(),
                unit_price: i64::from(i.item.unit_price),
                quantity: i64::from(i.item.quantity),
                allow_discounts: i.item.allow_discounts,
                includes_tax: i.includes_tax.unwrap_or(false),
                tax_lines: rates(taxes.items.get(&i.item.id)),
                adjustments: i
                    .adjustments
                    .iter()
                    .map(|a| Adjustment {
                        amount: numeric(&a.amount),
                        discount_id: a.discount_id.clone(),
                    })
                    .collect(),
                returned_quantity: i.item.returned_quantity.map(i64::from),
                shipped_quantity: i.item.shipped_quantity.map(i64::from),
            })
            .collect(),
        swap_and_claim_items: Vec::new(),
        shipping_methods: rows
            .shipping_methods
            .iter()
            .map(|m| ShippingMethod {
                id: m.method.id.clone(),
                price: i64::from(m.method.price),
                includes_tax: m.includes_tax.unwrap_or(false),
                tax_lines: rates(taxes.methods.get(&m.method.id)),
            })
            .collect(),
        discounts: rows
            .discounts
            .iter()
            .filter_map(|d| {
                d.rule.as_ref().map(|rule| Discount {
                    id: d.discount.id.clone(),
                    rule_type: match rule.r#type {
                        DiscountRuleTypeEnum::Fixed => DiscountRuleType::Fixed,
                        DiscountRuleTypeEnum::Percentage => DiscountRuleType::Percentage,
                        DiscountRuleTypeEnum::FreeShipping => DiscountRuleType::FreeShipping,
                    },
                })
            })
            .collect(),
        gift_cards: rows
            .gift_cards
            .iter()
            .map(|g| GiftCard {
                balance: i64::from(g.balance),
                tax_rate: g.tax_rate.map(real),
            })
            .collect(),
        gift_card_transactions: Vec::new(),
        region: Region {
            tax_rate: real(rows.region.tax_rate),
            gift_cards_taxable: rows.region.gift_cards_taxable,
        },
        tax: TaxSettings {
            order_tax_rate: None,
            tax_inclusive_pricing: tax_inclusive,
        },
        payment_amounts: Vec::new(),
        refund_amounts: Vec::new(),
    }
}

/// The cart's totals.
pub async fn cart_totals_in<C: Connection>(
    conn: &C,
    rows: &CartRows,
    tax_inclusive: bool,
) -> Result<CartTotals> {
    let taxes = computed_tax_lines(conn, rows).await?;
    Ok(cart_totals(&totals_input(rows, &taxes, tax_inclusive)))
}

/// A row as JSON (rows always serialize).
fn value<T: Serialize>(row: &T) -> Value {
    serde_json::to_value(row).unwrap_or(Value::Null)
}

fn to_map<T: Serialize>(row: &T) -> Result<Map<String, Value>> {
    match value(row) {
        Value::Object(map) => Ok(map),
        _ => Ok(Map::new()),
    }
}

fn address_json(rows: &Option<AddressRows>) -> Result<Value> {
    let Some(rows) = rows else {
        return Ok(Value::Null);
    };
    let mut json = to_map(&rows.address)?;
    json.insert(
        "country".into(),
        rows.country.as_ref().map(value).unwrap_or(Value::Null),
    );
    Ok(Value::Object(json))
}

fn tax_line_json(rate: &Rate, owner_key: &str, owner: &str) -> Value {
    json!({
        "rate": medusa_core::number::js_number(rate.rate),
        "name": rate.name,
        "code": rate.code,
        owner_key: owner,
    })
}

/// The cart as the draft-order routes answer it, with its totals.
pub async fn cart_json<C: Connection>(
    conn: &C,
    cart_id: &str,
    tax_inclusive: bool,
) -> Result<Value> {
    let rows = load_cart(conn, cart_id, tax_inclusive).await?;
    let taxes = computed_tax_lines(conn, &rows).await?;
    let totals = cart_totals(&totals_input(&rows, &taxes, tax_inclusive));
    let mut json = Map::new();
    json.insert("object".into(), json!("cart"));
    json.extend(to_map(&rows.cart)?);
    json.insert(
        "billing_address".into(),
        address_json(&rows.billing_address)?,
    );
    json.insert(
        "customer".into(),
        rows.customer.as_ref().map(value).unwrap_or(Value::Null),
    );
    let mut discounts = Vec::new();
    for d in &rows.discounts {
        let mut shown = to_map(&d.discount)?;
        shown.insert(
            "rule".into(),
            d.rule.as_ref().map(value).unwrap_or(Value::Null),
        );
        discounts.push(Value::Object(shown));
    }
    json.insert("discounts".into(), Value::Array(discounts));
    json.insert("gift_cards".into(), value(&rows.gift_cards));
    let item_totals: HashMap<&str, _> = totals.items.iter().map(|t| (t.id.as_str(), t)).collect();
    let mut items = Vec::new();
    for item in &rows.items {
        let mut shown = to_map(&item.item)?;
        if let Some(flag) = item.includes_tax {
            shown.insert("includes_tax".into(), Value::Bool(flag));
        }
        let adjustments = item
            .adjustments
            .iter()
            .map(|a| {
                let mut m = to_map(a)?;
                m.insert("amount".into(), js_number(numeric(&a.amount)));
                Ok(Value::Object(m))
            })
            .collect::<Result<Vec<_>>>()?;
        shown.insert("adjustments".into(), Value::Array(adjustments));
        if taxes.computed {
            let lines = taxes
                .items
                .get(&item.item.id)
                .map(|l| {
                    l.iter()
                        .map(|r| tax_line_json(r, "item_id", &item.item.id))
                        .collect()
                })
                .unwrap_or_default();
            shown.insert("tax_lines".into(), Value::Array(lines));
        }
        shown.insert("variant".into(), variant_json(&rows, item)?);
        if let Some(t) = item_totals.get(item.item.id.as_str()) {
            shown.insert("subtotal".into(), json!(t.subtotal));
            shown.insert("discount_total".into(), json!(t.discount_total));
            shown.insert("total".into(), json!(t.total));
            shown.insert("original_total".into(), json!(t.original_total));
            shown.insert("original_tax_total".into(), json!(t.original_tax_total));
            shown.insert("tax_total".into(), json!(t.tax_total));
            shown.insert("raw_discount_total".into(), js_number(t.raw_discount_total));
        }
        items.push(Value::Object(shown));
    }
    json.insert("items".into(), Value::Array(items));
    json.insert(
        "payment".into(),
        rows.payment.as_ref().map(value).unwrap_or(Value::Null),
    );
    // The selected session, as Medusa's cart entity adds it after loading its sessions.
    if let Some(selected) = rows
        .payment_sessions
        .iter()
        .find(|s| s.is_selected == Some(true))
    {
        json.insert("payment_session".into(), value(selected));
    }
    json.insert("payment_sessions".into(), value(&rows.payment_sessions));
    let mut region = to_map(&rows.region)?;
    if let Some(flag) = rows.region_includes_tax {
        region.insert("includes_tax".into(), Value::Bool(flag));
    }
    region.insert("payment_providers".into(), value(&rows.payment_providers));
    region.insert("tax_rates".into(), json!([]));
    json.insert("region".into(), Value::Object(region));
    json.insert(
        "shipping_address".into(),
        address_json(&rows.shipping_address)?,
    );
    let method_totals: HashMap<&str, _> = totals
        .shipping_methods
        .iter()
        .map(|t| (t.id.as_str(), t))
        .collect();
    let mut methods = Vec::new();
    for method in &rows.shipping_methods {
        let mut shown = to_map(&method.method)?;
        if let Some(flag) = method.includes_tax {
            shown.insert("includes_tax".into(), Value::Bool(flag));
        }
        shown.insert(
            "shipping_option".into(),
            method.option.as_ref().map(value).unwrap_or(Value::Null),
        );
        if taxes.computed {
            let lines = taxes
                .methods
                .get(&method.method.id)
                .map(|l| {
                    l.iter()
                        .map(|r| tax_line_json(r, "shipping_method_id", &method.method.id))
                        .collect()
                })
                .unwrap_or_default();
            shown.insert("tax_lines".into(), Value::Array(lines));
        }
        if let Some(t) = method_totals.get(method.method.id.as_str()) {
            shown.insert("original_total".into(), json!(t.original_total));
            shown.insert("total".into(), json!(t.total));
            shown.insert("subtotal".into(), json!(t.subtotal));
            shown.insert("original_tax_total".into(), json!(t.original_tax_total));
            shown.insert("tax_total".into(), json!(t.tax_total));
        }
        methods.push(Value::Object(shown));
    }
    json.insert("shipping_methods".into(), Value::Array(methods));
    json.insert("subtotal".into(), json!(totals.subtotal));
    json.insert("tax_total".into(), json!(totals.tax_total));
    json.insert("shipping_total".into(), json!(totals.shipping_total));
    json.insert("discount_total".into(), json!(totals.discount_total));
    json.insert("gift_card_total".into(), js_number(totals.gift_card_total));
    json.insert(
        "gift_card_tax_total".into(),
        json!(totals.gift_card_tax_total),
    );
    json.insert("total".into(), js_number(totals.total));
    json.insert("item_tax_total".into(), json!(totals.item_tax_total));
    json.insert(
        "shipping_tax_total".into(),
        json!(totals.shipping_tax_total),
    );
    json.insert(
        "raw_discount_total".into(),
        js_number(totals.raw_discount_total),
    );
    Ok(Value::Object(json))
}

fn variant_json(rows: &CartRows, item: &crate::rows::ItemRows) -> Result<Value> {
    let Some(variant) = &item.variant else {
        return Ok(Value::Null);
    };
    let mut shown = to_map(variant)?;
    if let Some((product, profiles)) = rows.products.get(&variant.product_id) {
        let mut p = to_map(product)?;
        p.insert("profiles".into(), value(profiles));
        let first = profiles.first();
        p.insert("profile".into(), first.map(value).unwrap_or(Value::Null));
        p.insert(
            "profile_id".into(),
            first.map_or(Value::Null, |f| Value::String(f.id.clone())),
        );
        shown.insert("product".into(), Value::Object(p));
    }
    Ok(Value::Object(shown))
}
