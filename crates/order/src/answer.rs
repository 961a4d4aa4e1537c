//! The order answer written straight to JSON bytes: the bytes `serde_json` gives for the
//! `Value` [`crate::service::shown`] builds, without building it.
//!
//! Every row is serialized once, field by field ([`RowBytes`]); an object's keys are the
//! row's fields, its relations and what totals add, written in the order a `serde_json::Map`
//! keeps them (sorted, the last value of a key winning, as `insert` replaces), and trimmed
//! as [`Shape::apply`] trims. Totals are merged by the one seam, [`merge_totals`], into a
//! skeleton of the order: its items and shipping methods as their ids only, the relations
//! kept as JSON (fulfillments, returns, swaps, claims, ...) whole; what it adds to an item or
//! a method is written over that row's fields. `returnable_items`, which copies the items
//! as shown, goes the `Value` way.

use std::borrow::Cow;

use medusa_core::number::{json_number, numeric};
use medusa_core::row_bytes::{write_key, RowBytes};
use medusa_core::{Error, Result};
use medusa_entity::gift_card;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::json::merge_totals;
use crate::rows::{GiftCardTransactionRows, ItemRows, OrderRows, ShippingMethodRows};
use crate::shape::{Shape, EXCLUDED};
use crate::spec::OrderQuery;

/// One value of an object being written.
enum Piece<'a> {
    /// JSON already written.
    Bytes(&'a [u8]),
    Owned(Vec<u8>),
    Json(Value),
    JsonRef(&'a Value),
}

impl Piece<'_> {
    fn is_array(&self) -> bool {
        match self {
            Piece::Bytes(bytes) => bytes.first() == Some(&b'['),
            Piece::Owned(bytes) => bytes.first() == Some(&b'['),
            Piece::Json(value) => value.is_array(),
            Piece::JsonRef(value) => value.is_array(),
        }
    }

    fn write(&self, out: &mut Vec<u8>) -> Result<()> {
        match self {
            Piece::Bytes(bytes) => out.extend_from_slice(bytes),
            Piece::Owned(bytes) => out.extend_from_slice(bytes),
            Piece::Json(value) => serde_json::to_writer(out, value).map_err(unwritable)?,
            Piece::JsonRef(value) => serde_json::to_writer(out, value).map_err(unwritable)?,
        }
        Ok(())
    }
}

/// An object's entries, in insertion order until written.
#[derive(Default)]
struct Object<'a> {
    entries: Vec<(Cow<'a, str>, Piece<'a>)>,
}

impl<'a> Object<'a> {
    fn push(&mut self, key: impl Into<Cow<'a, str>>, piece: Piece<'a>) {
        self.entries.push((key.into(), piece));
    }

    /// Row `index`'s fields.
    fn fields(&mut self, rows: &'a RowBytes, index: usize) {
        for (key, json) in rows.row(index) {
            self.entries.push((Cow::Borrowed(key), Piece::Bytes(json)));
        }
    }

    /// What a `Map` holds after these inserts: one value per key (the last), keys sorted;
    /// written keeping the keys `keep` (given the key and whether its value is an array)
    /// keeps.
    fn write(mut self, out: &mut Vec<u8>, mut keep: impl FnMut(&str, bool) -> bool) -> Result<()> {
        // Stable: of equal keys the last inserted stays last.
        self.entries.sort_by(|a, b| a.0.cmp(&b.0));
        out.push(b'{');
        let mut first = true;
        let count = self.entries.len();
        for (at, (key, piece)) in self.entries.iter().enumerate() {
            let replaced = at + 1 < count && self.entries[at + 1].0 == *key;
            if replaced || !keep(key, piece.is_array()) {
                continue;
            }
            if !first {
                out.push(b',');
            }
            first = false;
            write_key(out, key);
            out.push(b':');
            piece.write(out)?;
        }
        out.push(b'}');
        Ok(())
    }
}

fn unwritable(err: impl std::fmt::Display) -> Error {
    Error::UnexpectedState(format!("an order could not be written: {err}"))
}

fn row_bytes<M: Serialize>(rows: &[M]) -> Result<RowBytes> {
    RowBytes::of(rows).map_err(unwritable)
}

/// Rows written whole, as an array of their objects.
fn objects<M: Serialize>(rows: &[M]) -> Result<Vec<u8>> {
    objects_with(rows, |_, _| Ok(()))
}

/// Rows as an array of objects, `extra` adding entries to row `index`'s object.
fn objects_with<M: Serialize>(
    rows: &[M],
    mut extra: impl FnMut(usize, &mut Object<'_>) -> Result<()>,
) -> Result<Vec<u8>> {
    let bytes = row_bytes(rows)?;
    let mut out = Vec::with_capacity(rows.len() * 256 + 2);
    out.push(b'[');
    for index in 0..rows.len() {
        if index > 0 {
            out.push(b',');
        }
        let mut object = Object::default();
        object.fields(&bytes, index);
        extra(index, &mut object)?;
        object.write(&mut out, |_, _| true)?;
    }
    out.push(b']');
    Ok(out)
}

/// One row as its object, `extra` adding entries.
fn object_with<M: Serialize>(row: &M, extra: impl FnOnce(&mut Object<'_>)) -> Result<Vec<u8>> {
    let bytes = row_bytes(std::slice::from_ref(row))?;
    let mut object = Object::default();
    object.fields(&bytes, 0);
    extra(&mut object);
    let mut out = Vec::with_capacity(512);
    object.write(&mut out, |_, _| true)?;
    Ok(out)
}

fn boolean(value: bool) -> Piece<'static> {
    Piece::Bytes(if value { b"true" } else { b"false" })
}

const NULL: Piece<'static> = Piece::Bytes(b"null");

/// A loaded to-one row with its flag-only `includes_tax` (when served and given), or `null`.
fn one_flagged<M: Serialize>(
    row: Option<&M>,
    includes_tax: Option<bool>,
) -> Result<Piece<'static>> {
    Ok(match row {
        Some(row) => Piece::Owned(object_with(row, |object| {
            if let Some(value) = includes_tax {
                object.push("includes_tax", boolean(value));
            }
        })?),
        None => NULL,
    })
}

/// `rows` as an array of their `model`s, each with its to-one row `one` under `key` (or
/// `null` when `null_when_missing`).
fn with_one<R, M: Serialize, O: Serialize>(
    rows: &[R],
    model: impl Fn(&R) -> &M,
    key: &'static str,
    one: impl Fn(&R) -> Option<&O>,
    null_when_missing: bool,
) -> Result<Vec<u8>> {
    let models: Vec<&M> = rows.iter().map(model).collect();
    objects_with(&models, |index, object| {
        match rows.get(index).and_then(&one) {
            Some(row) => object.push(key, Piece::Owned(object_with(row, |_| ())?)),
            None if null_when_missing => object.push(key, NULL),
            None => {}
        }
        Ok(())
    })
}

fn card_of(transaction: &GiftCardTransactionRows) -> Option<&gift_card::Model> {
    transaction.gift_card.as_ref()
}

/// What totals added to row `index`, written over its fields.
fn push_totals(object: &mut Object<'_>, totals: &mut [Map<String, Value>], index: usize) {
    if let Some(added) = totals.get_mut(index) {
        for (key, value) in std::mem::take(added) {
            object.push(key, Piece::Json(value));
        }
    }
}

fn number(value: f64) -> Result<Vec<u8>> {
    serde_json::to_vec(&json_number(value)).map_err(unwritable)
}

/// The skeleton's objects at `key` (what totals added to each row), by position.
fn decorations(skeleton: &mut Map<String, Value>, key: &str) -> Vec<Map<String, Value>> {
    match skeleton.remove(key) {
        Some(Value::Array(elements)) => elements
            .into_iter()
            .map(|element| match element {
                Value::Object(mut map) => {
                    map.remove("id");
                    map
                }
                _ => Map::new(),
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn ids<'a>(ids: impl Iterator<Item = &'a String>) -> Value {
    Value::Array(
        ids.map(|id| {
            let mut map = Map::new();
            map.insert("id".into(), Value::String(id.clone()));
            Value::Object(map)
        })
        .collect(),
    )
}

/// Writes the order of `rows` (its `shown` relations taken out as `shown`) as `query` shows
/// it: the bytes of `serde_json::to_vec(&shown(rows, query))`.
pub(crate) fn write_order(
    out: &mut Vec<u8>,
    rows: &OrderRows,
    shown: Map<String, Value>,
    query: &OrderQuery,
) -> Result<()> {
    let shape = &query.shape;
    let mut skeleton = shown;
    if let Some(items) = &rows.items {
        skeleton.insert("items".into(), ids(items.iter().map(|i| &i.item.id)));
    }
    if let Some(methods) = &rows.shipping_methods {
        let method_ids = methods.iter().map(|m| &m.method.id);
        skeleton.insert("shipping_methods".into(), ids(method_ids));
    }
    if let Some(swaps) = &rows.swaps {
        let swaps = swaps.iter().map(crate::json::swap).collect::<Result<_>>()?;
        skeleton.insert("swaps".into(), Value::Array(swaps));
    }
    if let Some(claims) = &rows.claims {
        let claims = claims
            .iter()
            .map(crate::json::claim)
            .collect::<Result<_>>()?;
        skeleton.insert("claims".into(), Value::Array(claims));
    }
    merge_totals(&mut skeleton, rows, &query.totals);
    let item_totals = decorations(&mut skeleton, "items");
    let method_totals = decorations(&mut skeleton, "shipping_methods");

    let order_bytes = row_bytes(std::slice::from_ref(&rows.order))?;
    let mut order = Object::default();
    order.fields(&order_bytes, 0);
    if let Some(region) = &rows.region {
        order.push(
            "region",
            one_flagged(region.as_ref(), rows.region_includes_tax)?,
        );
    }
    if let Some(address) = &rows.billing_address {
        order.push("billing_address", one_flagged(address.as_ref(), None)?);
    }
    if let Some(address) = &rows.shipping_address {
        order.push("shipping_address", one_flagged(address.as_ref(), None)?);
    }
    if let Some(customer) = &rows.customer {
        order.push("customer", one_flagged(customer.as_ref(), None)?);
    }
    if let Some(channel) = &rows.sales_channel {
        order.push("sales_channel", one_flagged(channel.as_ref(), None)?);
    }
    if let Some(items) = rows.items.as_ref().filter(|_| shape.shows("items")) {
        order.push(
            "items",
            Piece::Owned(write_items(items, item_totals, shape)?),
        );
    }
    if let Some(methods) = &rows.shipping_methods {
        let written = write_methods(methods, method_totals)?;
        order.push("shipping_methods", Piece::Owned(written));
    }
    if let Some(discounts) = &rows.discounts {
        // A discount shows its rule, `null` when it has none.
        let written = with_one(
            discounts,
            |d| &d.discount,
            "rule",
            |d| d.rule.as_ref(),
            true,
        )?;
        order.push("discounts", Piece::Owned(written));
    }
    if let Some(cards) = &rows.gift_cards {
        order.push("gift_cards", Piece::Owned(objects(cards)?));
    }
    if let Some(transactions) = &rows.gift_card_transactions {
        // A transaction shows its card only when it was loaded.
        let written = with_one(
            transactions,
            |t| &t.transaction,
            "gift_card",
            card_of,
            false,
        )?;
        order.push("gift_card_transactions", Piece::Owned(written));
    }
    if let Some(payments) = &rows.payments {
        order.push("payments", Piece::Owned(objects(payments)?));
    }
    if let Some(refunds) = &rows.refunds {
        order.push("refunds", Piece::Owned(objects(refunds)?));
    }
    for (key, value) in skeleton {
        order.push(key, Piece::Json(value));
    }
    order.write(out, |key, array| key != EXCLUDED && shape.keeps(key, array))
}

/// The order's items: each with its adjustments (`amount`, a `numeric` column, as a
/// number), tax lines, variant and `includes_tax`, then what totals added; walked into and
/// trimmed when `shape` says they are plain objects under a kept path.
fn write_items(
    items: &[ItemRows],
    mut totals: Vec<Map<String, Value>>,
    shape: &Shape,
) -> Result<Vec<u8>> {
    let models: Vec<_> = items.iter().map(|i| &i.item).collect();
    let bytes = row_bytes(&models)?;
    let walk = shape.walks_items();
    let mut path = String::from("items.");
    let mut out = Vec::with_capacity(items.len() * 1024 + 2);
    out.push(b'[');
    for (index, rows) in items.iter().enumerate() {
        if index > 0 {
            out.push(b',');
        }
        let mut item = Object::default();
        item.fields(&bytes, index);
        let adjustments = objects_with(&rows.adjustments, |at, object| {
            if let Some(adjustment) = rows.adjustments.get(at) {
                let amount = number(numeric(&adjustment.amount))?;
                object.push("amount", Piece::Owned(amount));
            }
            Ok(())
        })?;
        item.push("adjustments", Piece::Owned(adjustments));
        item.push("tax_lines", Piece::Owned(objects(&rows.tax_lines)?));
        if let Some(variant) = &rows.variant {
            item.push("variant", Piece::JsonRef(variant));
        }
        if let Some(value) = rows.includes_tax {
            item.push("includes_tax", boolean(value));
        }
        push_totals(&mut item, &mut totals, index);
        item.write(&mut out, |key, array| {
            if shape.plain_items && key == EXCLUDED {
                return false;
            }
            if !walk {
                return true;
            }
            path.truncate("items.".len());
            path.push_str(key);
            shape.keeps(&path, array)
        })?;
    }
    out.push(b']');
    Ok(out)
}

/// The order's shipping methods: each with its option, `includes_tax` and tax lines, then
/// what totals added.
fn write_methods(
    methods: &[ShippingMethodRows],
    mut totals: Vec<Map<String, Value>>,
) -> Result<Vec<u8>> {
    let models: Vec<_> = methods.iter().map(|m| &m.method).collect();
    objects_with(&models, |index, object| {
        let Some(rows) = methods.get(index) else {
            return Ok(());
        };
        if let Some(option) = &rows.shipping_option {
            let piece = one_flagged(option.as_ref(), rows.option_includes_tax)?;
            object.push("shipping_option", piece);
        }
        if let Some(value) = rows.includes_tax {
            object.push("includes_tax", boolean(value));
        }
        if let Some(lines) = &rows.tax_lines {
            object.push("tax_lines", Piece::Owned(objects(lines)?));
        }
        push_totals(object, &mut totals, index);
        Ok(())
    })
}
