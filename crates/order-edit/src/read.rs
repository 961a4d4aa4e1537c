//! Order edits as the admin API shows them: the edit's columns and `status`, its changes
//! (with their line items), its payment collection, and its items with the totals Medusa's
//! `decorateTotals` gives: the order's totals computed again with the edit's items in place
//! of the order's, and `difference_due` against the order's own total.
//!
//! A page of edits is read relation by relation through `medusa-load`, the orders behind it
//! through `medusa-order`'s loader: the number of statements does not grow with the page.

use std::collections::HashMap;

use medusa_core::{Error, Result};
use medusa_entity::{
    line_item, order_edit, order_item_change, payment_collection, product_variant,
};
use medusa_load::{by_key, children, live, Connection, Reader};
use medusa_order::edit_rows::{item_json, orders_for_edit_totals, owned_items};
use medusa_order::rows::{ItemRows, OrderRows};
use medusa_query_dsl::{in_insertion_order, Selection};
use sea_orm::EntityTrait;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::rules::{difference_due, Status};

/// The totals `decorateTotals` copies onto an edit.
const EDIT_TOTALS: &[&str] = &[
    "discount_total",
    "gift_card_total",
    "gift_card_tax_total",
    "shipping_total",
    "subtotal",
    "tax_total",
    "total",
];

fn to_map<M: Serialize>(model: &M) -> Result<Map<String, Value>> {
    match serde_json::to_value(model) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(Error::UnexpectedState("a row is not an object".into())),
    }
}

/// The edit's figures: its items with line totals, and the edit-level totals.
pub struct EditTotals {
    pub items: Vec<Value>,
    pub totals: Map<String, Value>,
    pub difference_due: f64,
}

/// `decorateTotals`: the order's totals with `items` in place of its own.
pub fn edit_totals(order: &OrderRows, items: &[ItemRows]) -> Result<EditTotals> {
    let mut input = medusa_order::totals::order_input(order);
    let order_total = medusa_totals::current::order_totals(&input).total;
    input.items = items.iter().map(medusa_order::totals::line_item).collect();
    let mut json = Map::new();
    let shown = items.iter().map(item_json).collect::<Result<Vec<_>>>()?;
    json.insert("items".into(), Value::Array(shown));
    medusa_order::totals::merge_current(&mut json, &input, false);
    let edit_total = json.get("total").and_then(Value::as_f64).unwrap_or(0.0);
    let items = match json.remove("items") {
        Some(Value::Array(items)) => items,
        _ => Vec::new(),
    };
    let totals = EDIT_TOTALS
        .iter()
        .filter_map(|key| json.get(*key).map(|v| ((*key).to_owned(), v.clone())))
        .collect();
    Ok(EditTotals {
        items,
        totals,
        difference_due: difference_due(edit_total, order_total),
    })
}

/// The edits' orders and items, loaded for their totals.
struct Figures {
    orders: HashMap<String, OrderRows>,
    items: Vec<Vec<ItemRows>>,
}

async fn figures<C: Connection>(
    conn: &C,
    edits: &[order_edit::Model],
    tax_inclusive: bool,
) -> Result<Figures> {
    let ids: Vec<String> = edits.iter().map(|e| e.id.clone()).collect();
    let items = owned_items(conn, line_item::Column::OrderEditId, &ids, tax_inclusive).await?;
    let mut order_ids: Vec<String> = edits.iter().map(|e| e.order_id.clone()).collect();
    order_ids.sort();
    order_ids.dedup();
    let loaded = orders_for_edit_totals(conn, order_ids, tax_inclusive).await?;
    let orders = loaded
        .into_iter()
        .map(|rows| (rows.order.id.clone(), rows))
        .collect();
    Ok(Figures { orders, items })
}

/// Shows `line_item` rows by id, with their variants when `with_variant`.
async fn shown_lines<C: Connection>(
    reader: &mut Reader<'_, C>,
    ids: Vec<String>,
    with_variant: bool,
) -> Result<HashMap<String, Value>> {
    let lines = by_key(
        reader,
        line_item::Entity::find(),
        line_item::Column::Id,
        ids,
    )
    .await?;
    let variants = if with_variant {
        let keys = lines.values().filter_map(|l| l.variant_id.clone());
        Some(
            by_key(
                reader,
                product_variant::Entity::find(),
                product_variant::Column::Id,
                keys,
            )
            .await?,
        )
    } else {
        None
    };
    let mut shown = HashMap::new();
    for (id, line) in lines {
        let mut json = to_map(&line)?;
        if let Some(variants) = &variants {
            let variant = line
                .variant_id
                .as_ref()
                .and_then(|v| variants.get(v))
                .map(to_map)
                .transpose()?;
            json.insert("variant".into(), variant.map_or(Value::Null, Value::Object));
        }
        shown.insert(id, Value::Object(json));
    }
    Ok(shown)
}

/// The edits' changes, one list per edit, with their line items as `selection` asks.
async fn changes<C: Connection>(
    conn: &C,
    edits: &[order_edit::Model],
    selection: &Selection,
) -> Result<Vec<Vec<Value>>> {
    let ids: Vec<String> = edits.iter().map(|e| e.id.clone()).collect();
    let mut reader = Reader::new(conn).await?;
    let select = in_insertion_order(live::<order_item_change::Entity>(), reader.backend());
    let groups = children(
        &mut reader,
        select,
        order_item_change::Column::OrderEditId,
        &ids,
    )
    .await?
    .into_groups();
    let mut groups = groups;
    groups.resize_with(ids.len(), Vec::new);
    let relation = |name: &str| -> (bool, bool) {
        let path = format!("changes.{name}");
        (
            selection.has_relation(&path),
            selection.has_relation(&format!("{path}.variant")),
        )
    };
    let (with_line, line_variant) = relation("line_item");
    let (with_original, original_variant) = relation("original_line_item");
    let all = groups.iter().flatten();
    let lines = if with_line {
        let keys = all.clone().filter_map(|c| c.line_item_id.clone()).collect();
        shown_lines(&mut reader, keys, line_variant).await?
    } else {
        HashMap::new()
    };
    let originals = if with_original {
        let keys = all
            .filter_map(|c| c.original_line_item_id.clone())
            .collect();
        shown_lines(&mut reader, keys, original_variant).await?
    } else {
        HashMap::new()
    };
    let pick = |shown: &HashMap<String, Value>, key: &Option<String>| {
        key.as_ref()
            .and_then(|k| shown.get(k).cloned())
            .unwrap_or(Value::Null)
    };
    groups
        .into_iter()
        .map(|group| {
            group
                .iter()
                .map(|change| {
                    let mut json = to_map(change)?;
                    if with_line {
                        json.insert("line_item".into(), pick(&lines, &change.line_item_id));
                    }
                    if with_original {
                        let original = pick(&originals, &change.original_line_item_id);
                        json.insert("original_line_item".into(), original);
                    }
                    Ok(Value::Object(json))
                })
                .collect()
        })
        .collect()
}

/// Shows a page of edits: the selected columns, `status`, the selected relations, and the
/// items with totals (always: `decorateTotals` sets them whatever was selected).
pub async fn show_edits<C: Connection>(
    conn: &C,
    edits: &[order_edit::Model],
    selection: &Selection,
    tax_inclusive: bool,
) -> Result<Vec<Value>> {
    if edits.is_empty() {
        return Ok(Vec::new());
    }
    let figures = figures(conn, edits, tax_inclusive).await?;
    let changes = if selection.has_relation("changes") {
        Some(changes(conn, edits, selection).await?)
    } else {
        None
    };
    let collections = if selection.has_relation("payment_collection") {
        let mut reader = Reader::new(conn).await?;
        let keys = edits.iter().filter_map(|e| e.payment_collection_id.clone());
        let select = live::<payment_collection::Entity>();
        Some(by_key(&mut reader, select, payment_collection::Column::Id, keys).await?)
    } else {
        None
    };
    let mut shown = Vec::with_capacity(edits.len());
    for (at, edit) in edits.iter().enumerate() {
        let mut json = to_map(edit)?;
        json.retain(|key, _| selection.has_field(key));
        // Medusa derives the status from the timestamps it selected.
        let status = Status::from_steps(
            edit.requested_at.is_some() && selection.has_field("requested_at"),
            edit.declined_at.is_some() && selection.has_field("declined_at"),
            edit.confirmed_at.is_some() && selection.has_field("confirmed_at"),
            edit.canceled_at.is_some() && selection.has_field("canceled_at"),
        );
        json.insert("status".into(), Value::String(status.as_str().into()));
        if let Some(changes) = &changes {
            let list = changes.get(at).cloned().unwrap_or_default();
            json.insert("changes".into(), Value::Array(list));
        }
        if let Some(collections) = &collections {
            let collection = edit
                .payment_collection_id
                .as_ref()
                .and_then(|id| collections.get(id))
                .map(to_map)
                .transpose()?;
            json.insert(
                "payment_collection".into(),
                collection.map_or(Value::Null, Value::Object),
            );
        }
        let order = figures.orders.get(&edit.order_id).ok_or_else(|| {
            Error::not_found(format!("Order with id: {} was not found", edit.order_id))
        })?;
        let items = figures.items.get(at).map(Vec::as_slice).unwrap_or_default();
        let totals = edit_totals(order, items)?;
        json.insert("items".into(), Value::Array(totals.items));
        json.extend(totals.totals);
        json.insert(
            "difference_due".into(),
            medusa_core::number::json_number(totals.difference_due),
        );
        shown.push(Value::Object(json));
    }
    Ok(shown)
}
