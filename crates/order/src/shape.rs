//! What an order answer keeps: Medusa's `allowedProperties` (the request's fields and
//! relations as dotted paths) applied by its `cleanResponseData` (`pickDeep`, after removing
//! `raw_discount_total`).
//!
//! `pickDeep` walks only plain JavaScript objects: an entity (a customer, a swap, a line item
//! as TypeORM read it) named by a path prefix is kept whole when its array is walked, and
//! dropped when it is a single value. The items of an order are plain objects exactly when
//! Medusa's legacy totals wrote their `refundable` (they are then copies), which happens
//! whenever `fields` names `items.refundable` (Medusa's default fields do).

use std::collections::HashSet;

use medusa_query_dsl::{RawQuery, RawValue, Selection};
use serde_json::{Map, Value};

/// The totals keys Medusa keeps whatever the request selects (its `INCLUDED_FIELDS`), at the
/// top of the order.
const ALWAYS_KEPT: &[&str] = &[
    "shipping_total",
    "discount_total",
    "tax_total",
    "refunded_total",
    "total",
    "subtotal",
    "paid_total",
    "refundable_amount",
    "gift_card_total",
    "gift_card_tax_total",
    "item_tax_total",
    "shipping_tax_total",
    "refundable",
    "original_total",
    "original_tax_total",
];

/// Removed from the order and from plain objects in it (Medusa's `EXCLUDED_FIELDS`).
pub(crate) const EXCLUDED: &str = "raw_discount_total";

/// How an order answer is trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    /// Dotted paths kept (fields and relations).
    pub paths: Vec<String>,
    /// Whether `items[]` are plain objects (walked into) rather than entities.
    pub plain_items: bool,
    /// The paths kept whole (`paths` and [`ALWAYS_KEPT`]), and every path some kept path
    /// lies under: decided once per request, looked up for each key of each order.
    kept: HashSet<String>,
    under_kept: HashSet<String>,
}

/// Medusa's field list for a request: `fields` replacing or adjusting the defaults
/// (`prepareListQuery`); `id` (and `created_at` on lists) added when `fields` is given; the
/// `*relation` entries returned apart.
pub(crate) fn all_fields(
    raw: &RawQuery,
    defaults: &[&str],
    list: bool,
) -> (Vec<String>, Vec<String>) {
    let Some(value) = raw.get("fields") else {
        return (
            defaults.iter().map(|f| (*f).to_owned()).collect(),
            Vec::new(),
        );
    };
    let entries: Vec<String> = texts(value)
        .iter()
        .flat_map(|t| t.split(','))
        .filter(|e| !e.is_empty())
        .map(str::to_owned)
        .collect();
    let prefixed = |e: &String| e.starts_with(['+', '-', '*', ' ']);
    let mut fields: Vec<String> = Vec::new();
    let add = |fields: &mut Vec<String>, f: String| {
        if !fields.contains(&f) {
            fields.push(f);
        }
    };
    if entries.is_empty() || !entries.iter().all(prefixed) {
        for entry in &entries {
            add(
                &mut fields,
                entry.trim_start_matches(['+', '-', ' ']).to_owned(),
            );
        }
    } else {
        for default in defaults {
            add(&mut fields, (*default).to_owned());
        }
        for entry in &entries {
            if let Some(removed) = entry.strip_prefix('-') {
                fields.retain(|f| f != removed);
            } else {
                add(&mut fields, entry.trim_start_matches(['+', ' ']).to_owned());
            }
        }
    }
    if list {
        add(&mut fields, "created_at".to_owned());
    }
    add(&mut fields, "id".to_owned());
    let (stars, fields): (Vec<String>, Vec<String>) =
        fields.into_iter().partition(|f| f.starts_with('*'));
    let stars = stars.iter().map(|s| s[1..].to_owned()).collect();
    (fields, stars)
}

fn texts(value: &RawValue) -> Vec<&str> {
    match value {
        RawValue::Text(text) => vec![text.as_str()],
        RawValue::List(items) => items.iter().filter_map(RawValue::as_text).collect(),
        RawValue::Map(_) => Vec::new(),
    }
}

/// The paths an answer keeps: `fields` (Medusa's list of them), and the relations: those
/// `expand` names as given plus the includes (`returnable_items`), none for an empty
/// `expand`, else every relation the read loads for the selection.
pub(crate) fn shape(
    fields: &[String],
    expand: Option<&str>,
    includes: &[&str],
    selection: &Selection,
) -> Shape {
    let mut paths: Vec<String> = fields.to_vec();
    let named: Vec<&str> = expand
        .map(|e| e.split(',').filter(|p| !p.is_empty()).collect())
        .unwrap_or_default();
    if !named.is_empty() || !includes.is_empty() {
        paths.extend(named.iter().map(|p| (*p).to_owned()));
        paths.extend(includes.iter().map(|p| (*p).to_owned()));
    } else if expand.is_none() {
        paths.extend(selection.relation_paths().into_iter().map(str::to_owned));
    }
    let plain_items = fields.iter().any(|f| f == "items.refundable");
    Shape::new(paths, plain_items)
}

impl Shape {
    pub fn new(paths: Vec<String>, plain_items: bool) -> Self {
        let mut kept: HashSet<String> = paths.iter().cloned().collect();
        kept.extend(ALWAYS_KEPT.iter().map(|p| (*p).to_owned()));
        let under_kept = kept
            .iter()
            .flat_map(|path| path.match_indices('.').map(|(at, _)| path[..at].to_owned()))
            .collect();
        Self {
            paths,
            plain_items,
            kept,
            under_kept,
        }
    }

    /// Whether a key at `path` survives the trim: kept whole, or an array some kept path
    /// lies under.
    pub(crate) fn keeps(&self, path: &str, is_array: bool) -> bool {
        self.kept.contains(path) || (is_array && self.under_kept.contains(path))
    }

    /// Whether anything at `path` can survive the trim.
    pub(crate) fn shows(&self, path: &str) -> bool {
        self.kept.contains(path) || self.under_kept.contains(path)
    }

    /// Whether the order's items are walked into and trimmed key by key (plain objects under
    /// a kept path, not kept whole).
    pub(crate) fn walks_items(&self) -> bool {
        self.plain_items && !self.kept.contains("items") && self.under_kept.contains("items")
    }

    /// Trims the order's JSON as Medusa's `cleanResponseData` does.
    pub fn apply(&self, order: &mut Map<String, Value>) {
        order.remove(EXCLUDED);
        // `omitDeep` walks plain objects whether or not `pickDeep` then keeps them whole.
        if self.plain_items {
            if let Some(Value::Array(items)) = order.get_mut("items") {
                for item in items.iter_mut().filter_map(Value::as_object_mut) {
                    item.remove(EXCLUDED);
                }
            }
        }
        let mut path = String::new();
        self.pick(order, &mut path);
    }

    /// Keeps in `map` (found at `path`, empty for the order) what a kept path names: whole
    /// when the key's path is kept, an array when a kept path lies under it (the order's
    /// plain items walked into), nothing else.
    fn pick(&self, map: &mut Map<String, Value>, path: &mut String) {
        let prefix_len = path.len();
        map.retain(|key, value| {
            path.truncate(prefix_len);
            if prefix_len > 0 {
                path.push('.');
            }
            path.push_str(key);
            if self.kept.contains(path.as_str()) {
                return true;
            }
            if !self.under_kept.contains(path.as_str()) {
                return false;
            }
            let Value::Array(elements) = value else {
                return false;
            };
            // Only the order's items can be plain objects.
            if self.plain_items && path == "items" {
                for element in elements.iter_mut() {
                    if let Value::Object(item) = element {
                        item.remove(EXCLUDED);
                        self.pick(item, path);
                    }
                }
            }
            true
        });
        path.truncate(prefix_len);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn shaped(paths: &[&str], plain_items: bool, mut order: Value) -> Value {
        let shape = Shape::new(paths.iter().map(|p| (*p).to_owned()).collect(), plain_items);
        if let Value::Object(map) = &mut order {
            shape.apply(map);
        }
        order
    }

    #[test]
    fn entities_under_a_prefix_are_kept_whole_in_arrays_and_dropped_alone() {
        let order = json!({
            "id": "o", "email": "e", "total": 5, "raw_discount_total": 1,
            "items": [{"id": "i", "refundable": 3, "raw_discount_total": 2, "variant": {"id": "v"}}],
            "swaps": [{"id": "s", "additional_items": []}],
            "region": {"id": "r"},
        });
        let plain = shaped(
            &[
                "id",
                "items.refundable",
                "swaps.additional_items.refundable",
                "region.name",
            ],
            true,
            order.clone(),
        );
        assert_eq!(
            plain,
            json!({"id": "o", "total": 5, "items": [{"refundable": 3}], "swaps": [{"id": "s", "additional_items": []}]})
        );
        let entities = shaped(&["id", "items.refundable"], false, order);
        assert_eq!(entities["items"][0]["raw_discount_total"], 2);
    }
}
