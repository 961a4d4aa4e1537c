//! Metadata update semantics shared by every resource with a `metadata` column.
//!
//! An update is shallow-merged into the stored object: given keys replace stored ones whole
//! (nested objects are not deep-merged), and a key whose new value is the empty string is
//! removed.

use serde_json::{Map, Value};

/// Applies `update` to `current` and returns the new metadata value.
///
/// `current` may be `null` (no metadata yet). An update that is not an object leaves the
/// stored value unchanged; callers validate the shape before getting here.
pub fn merge(current: Option<&Value>, update: &Map<String, Value>) -> Value {
    let mut merged = match current {
        Some(Value::Object(map)) => map.clone(),
        _ => Map::new(),
    };
    for (key, value) in update {
        if value.as_str() == Some("") {
            merged.remove(key);
        } else {
            merged.insert(key.clone(), value.clone());
        }
    }
    Value::Object(merged)
}

/// Metadata as stored on create: given keys kept, except those set to the empty string.
pub fn initial(given: &Map<String, Value>) -> Value {
    merge(None, given)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn obj(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn merges_shallowly_and_deletes_empty_strings() {
        let current = json!({"a": 1, "b": {"x": 1, "y": 2}, "c": "keep"});
        let update = obj(json!({"a": "", "b": {"x": 9}, "d": null}));
        assert_eq!(
            merge(Some(&current), &update),
            json!({"b": {"x": 9}, "c": "keep", "d": null})
        );
    }

    #[test]
    fn merges_into_null() {
        assert_eq!(
            merge(Some(&Value::Null), &obj(json!({"k": "v"}))),
            json!({"k": "v"})
        );
        assert_eq!(initial(&obj(json!({"k": "", "j": 1}))), json!({"j": 1}));
    }
}
