//! Writing an order read as Medusa's admin API shows it: the rows with their loaded
//! relations, the totals merged in by [`merge_totals`], trimmed to the request's selection
//! as Medusa's `cleanResponseData` trims it.

use std::collections::HashMap;

use medusa_core::{Error, Result};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::rows::{ClaimRows, ItemRows, OrderRows, ShippingMethodRows, SwapRows};
use crate::spec::TotalsRequest;
use medusa_core::number::{json_number, numeric};

/// A line item with its loaded relations. An adjustment's `amount` (a `numeric` column) is
/// shown as a number, as TypeORM reads it.
pub(crate) fn item(rows: &ItemRows) -> Result<Value> {
    let mut json = to_map(&rows.item)?;
    let mut adjustments = Vec::with_capacity(rows.adjustments.len());
    for adjustment in &rows.adjustments {
        let mut shown = to_map(adjustment)?;
        shown.insert("amount".into(), json_number(numeric(&adjustment.amount)));
        adjustments.push(Value::Object(shown));
    }
    json.insert("adjustments".into(), Value::Array(adjustments));
    let tax_lines = rows
        .tax_lines
        .iter()
        .map(to_map)
        .collect::<Result<Vec<_>>>()?;
    json.insert(
        "tax_lines".into(),
        Value::Array(tax_lines.into_iter().map(Value::Object).collect()),
    );
    if let Some(variant) = &rows.variant {
        json.insert("variant".into(), variant.clone());
    }
    insert_includes_tax(&mut json, rows.includes_tax);
    Ok(Value::Object(json))
}

/// A shipping method with its loaded relations.
pub(crate) fn shipping_method(rows: &ShippingMethodRows) -> Result<Value> {
    let mut json = to_map(&rows.method)?;
    if let Some(option) = &rows.shipping_option {
        let value = match option {
            Some(option) => {
                let mut shown = to_map(option)?;
                insert_includes_tax(&mut shown, rows.option_includes_tax);
                Value::Object(shown)
            }
            None => Value::Null,
        };
        json.insert("shipping_option".into(), value);
    }
    insert_includes_tax(&mut json, rows.includes_tax);
    if let Some(lines) = &rows.tax_lines {
        let lines = lines.iter().map(to_map).collect::<Result<Vec<_>>>()?;
        json.insert(
            "tax_lines".into(),
            Value::Array(lines.into_iter().map(Value::Object).collect()),
        );
    }
    Ok(Value::Object(json))
}

/// The flag-only column, shown only when the server serves the flag.
fn insert_includes_tax(json: &mut Map<String, Value>, includes_tax: Option<bool>) {
    if let Some(value) = includes_tax {
        json.insert("includes_tax".into(), Value::Bool(value));
    }
}

fn items(rows: &[ItemRows]) -> Result<Value> {
    Ok(Value::Array(rows.iter().map(item).collect::<Result<_>>()?))
}

fn objects<M: serde::Serialize>(rows: &[M]) -> Result<Value> {
    Ok(Value::Array(
        rows.iter()
            .map(|row| to_map(row).map(Value::Object))
            .collect::<Result<_>>()?,
    ))
}

pub(crate) fn swap(rows: &SwapRows) -> Result<Value> {
    let mut json = to_map(&rows.swap)?;
    if let Some(additional) = &rows.additional_items {
        json.insert("additional_items".into(), items(additional)?);
    }
    json.extend(rows.shown.clone());
    Ok(Value::Object(json))
}

pub(crate) fn claim(rows: &ClaimRows) -> Result<Value> {
    let mut json = to_map(&rows.claim)?;
    if let Some(additional) = &rows.additional_items {
        json.insert("additional_items".into(), items(additional)?);
    }
    json.extend(rows.shown.clone());
    Ok(Value::Object(json))
}

/// A loaded to-one relation as shown (`null` when the order has none), `None` when not loaded.
fn one<M: Serialize>(row: Option<&Option<M>>) -> Result<Option<Value>> {
    row.map(|row| {
        Ok(row
            .as_ref()
            .map(to_value)
            .transpose()?
            .unwrap_or(Value::Null))
    })
    .transpose()
}

/// The order with every loaded relation, untrimmed and without totals.
pub(crate) fn order(rows: &OrderRows) -> Result<Map<String, Value>> {
    let mut json = to_map(&rows.order)?;
    if let Some(region) = &rows.region {
        let value = match region {
            Some(region) => {
                let mut shown = to_map(region)?;
                insert_includes_tax(&mut shown, rows.region_includes_tax);
                Value::Object(shown)
            }
            None => Value::Null,
        };
        json.insert("region".into(), value);
    }
    let joined = [
        ("billing_address", one(rows.billing_address.as_ref())?),
        ("shipping_address", one(rows.shipping_address.as_ref())?),
        ("customer", one(rows.customer.as_ref())?),
        ("sales_channel", one(rows.sales_channel.as_ref())?),
    ];
    for (key, value) in joined {
        if let Some(value) = value {
            json.insert(key.into(), value);
        }
    }
    if let Some(rows) = &rows.items {
        json.insert("items".into(), items(rows)?);
    }
    if let Some(methods) = &rows.shipping_methods {
        let shown = methods.iter().map(shipping_method).collect::<Result<_>>()?;
        json.insert("shipping_methods".into(), Value::Array(shown));
    }
    if let Some(discounts) = &rows.discounts {
        let mut shown = Vec::with_capacity(discounts.len());
        for d in discounts {
            let mut discount = to_map(&d.discount)?;
            let rule = d.rule.as_ref().map(to_map).transpose()?.map(Value::Object);
            discount.insert("rule".into(), rule.unwrap_or(Value::Null));
            shown.push(Value::Object(discount));
        }
        json.insert("discounts".into(), Value::Array(shown));
    }
    if let Some(cards) = &rows.gift_cards {
        json.insert("gift_cards".into(), objects(cards)?);
    }
    if let Some(transactions) = &rows.gift_card_transactions {
        let mut shown = Vec::with_capacity(transactions.len());
        for t in transactions {
            let mut transaction = to_map(&t.transaction)?;
            if let Some(card) = &t.gift_card {
                transaction.insert("gift_card".into(), Value::Object(to_map(card)?));
            }
            shown.push(Value::Object(transaction));
        }
        json.insert("gift_card_transactions".into(), Value::Array(shown));
    }
    if let Some(payments) = &rows.payments {
        json.insert("payments".into(), objects(payments)?);
    }
    if let Some(refunds) = &rows.refunds {
        json.insert("refunds".into(), objects(refunds)?);
    }
    if let Some(swaps) = &rows.swaps {
        let shown = swaps.iter().map(swap).collect::<Result<_>>()?;
        json.insert("swaps".into(), Value::Array(shown));
    }
    if let Some(claims) = &rows.claims {
        let shown = claims.iter().map(claim).collect::<Result<_>>()?;
        json.insert("claims".into(), Value::Array(shown));
    }
    json.extend(rows.shown.clone());
    Ok(json)
}

/// **The totals seam.** Merges the totals of `rows` into the order's JSON `json`, as
/// `totals` asks. The `medusa-totals` crate fills this function in; until then it adds
/// nothing, and nothing else in this crate computes a total.
///
/// `rows` holds everything Medusa's totals read, typed: `items` (each with `tax_lines` and
/// `adjustments`, and `item.quantity`, `returned_quantity`, `unit_price`, `allow_discounts`),
/// `shipping_methods` (with `tax_lines`), `discounts` (with `rule`), `gift_cards`,
/// `gift_card_transactions` (with `gift_card` when loaded), `payments`, `refunds`, `region`,
/// the order's `tax_rate`, and the `additional_items` of `swaps` and `claims`; they are
/// mapped to the totals crate's input by [`crate::totals::order_input`].
///
/// Quantities: Medusa's newer engine sets each item's `quantity` to `quantity -
/// returned_quantity` and then assigns the line totals, which carry the stored quantity back;
/// so the order's items show the stored quantity, and the swaps' and claims' additional items
/// show the net one unless `returnable_items` gave them line totals.
///
/// What to merge (Medusa 1.20, `medusa-v1-behavior.md` §4), in this order:
/// 1. `totals.fields` (Medusa's legacy `TotalsService`, `decorateTotalsLegacy`, §4.7): each
///    named order field among `subtotal`, `tax_total`, `shipping_total`, `discount_total`,
///    `gift_card_total` (with `gift_card_tax_total`), `total`, `paid_total`,
///    `refunded_total`, `refundable_amount`; when `subtotal` or `total` is named, every item
///    also gets its line totals (`subtotal`, `discount_total`, `raw_discount_total`,
///    `tax_total`, `original_tax_total`, `total`, `original_total`); `items.refundable`,
///    `swaps.additional_items.refundable`, `claims.additional_items.refundable` give those
///    items `refundable` (legacy `getLineItemRefund`, on `quantity - returned_quantity`).
///    Medusa's default fields name the three `refundable`s.
/// 2. then, when `totals.full` (Medusa's newer engine, `decorateTotals`, §4.2-4.5; always on
///    `GET /admin/orders/{id}`, on `GET /admin/orders` only when `fields` names no totals),
///    on the order: `subtotal`, `discount_total`, `shipping_total`, `item_tax_total`,
///    `shipping_tax_total`, `tax_total`, `gift_card_total`, `gift_card_tax_total`, `total`,
///    `paid_total`, `refunded_total`, `refundable_amount`; on each of `items[]` and of the
///    swaps' and claims' `additional_items[]`: `subtotal`, `discount_total`,
///    `raw_discount_total`, `tax_total`, `original_tax_total`, `total`, `original_total`,
///    `refundable`; on each of `shipping_methods[]`: `subtotal`, `price`, `tax_total`,
///    `original_tax_total`, `total`, `original_total`.
///
/// `returnable_items` is built after this function from the items as merged, and the answer
/// is then trimmed by [`crate::shape::Shape::apply`], which keeps the order-level totals keys
/// whatever `fields` says and removes `raw_discount_total` where Medusa does (the order, and
/// items that legacy totals copied).
pub fn merge_totals(json: &mut Map<String, Value>, rows: &OrderRows, totals: &TotalsRequest) {
    if totals.fields.is_empty() && !totals.full {
        return;
    }
    let input = crate::totals::order_input(rows);
    if !totals.fields.is_empty() {
        crate::totals::merge_legacy(json, &input, &totals.fields);
    }
    if totals.full {
        crate::totals::merge_current(json, &input, totals.returnable_items);
    }
}

fn count(item: &Value, key: &str) -> i64 {
    item.get(key).and_then(Value::as_i64).unwrap_or(0)
}

/// `returnable_items`: the items (the order's, then the swaps' and claims' additional
/// items) returned fewer times than shipped, as shown in the answer (totals included).
pub(crate) fn returnable_items(json: &mut Map<String, Value>) {
    let mut all: Vec<&Value> = Vec::new();
    if let Some(Value::Array(items)) = json.get("items") {
        all.extend(items);
    }
    for parents in ["swaps", "claims"] {
        if let Some(Value::Array(parents)) = json.get(parents) {
            for parent in parents {
                if let Some(Value::Array(items)) = parent.get("additional_items") {
                    all.extend(items);
                }
            }
        }
    }
    let returnable: Vec<Value> = all
        .into_iter()
        .filter(|item| count(item, "returned_quantity") < count(item, "shipped_quantity"))
        .cloned()
        .collect();
    json.insert("returnable_items".into(), Value::Array(returnable));
}

/// A row as the JSON object it is shown as.
pub(crate) fn to_map<M: Serialize>(model: &M) -> Result<Map<String, Value>> {
    match serde_json::to_value(model) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(Error::UnexpectedState("a row is not an object".into())),
        Err(err) => Err(Error::UnexpectedState(format!(
            "serialization failed: {err}"
        ))),
    }
}

pub(crate) fn to_value<M: Serialize>(model: &M) -> Result<Value> {
    to_map(model).map(Value::Object)
}

pub(crate) fn array<M: Serialize>(rows: &[M]) -> Result<Value> {
    Ok(Value::Array(
        rows.iter().map(to_value).collect::<Result<_>>()?,
    ))
}

/// A to-one relation shown by key: the row, or `null`.
pub(crate) fn shown_one<M: Serialize>(
    rows: &HashMap<String, M>,
    key: Option<&String>,
) -> Result<Value> {
    Ok(key
        .and_then(|k| rows.get(k))
        .map(to_value)
        .transpose()?
        .unwrap_or(Value::Null))
}
