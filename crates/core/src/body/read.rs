//! The typed values of a body its [`Class`](super::Class) has accepted.
//!
//! Every accessor reads leniently (a value of another type reads as absent) because the
//! class's rules have already refused such a body; an input type then builds itself from
//! these without a second round of checks.

use serde_json::{Map, Value};

use crate::patch::Patch;

/// An accepted body (or nested object).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Body {
    fields: Map<String, Value>,
}

impl Body {
    pub(super) fn new(fields: Map<String, Value>) -> Self {
        Self { fields }
    }

    /// Whether the property is present (even as `null`).
    pub fn has(&self, name: &str) -> bool {
        self.fields.contains_key(name)
    }

    /// Whether the property is present and `null`.
    pub fn is_null(&self, name: &str) -> bool {
        matches!(self.fields.get(name), Some(Value::Null))
    }

    /// The body's keys, for events that name the fields an update was given.
    pub fn keys(&self) -> Vec<String> {
        self.fields.keys().cloned().collect()
    }

    /// The property's value; `null` is `None`.
    pub fn value(&self, name: &str) -> Option<&Value> {
        self.fields.get(name).filter(|value| !value.is_null())
    }

    pub fn string(&self, name: &str) -> Option<String> {
        self.value(name).and_then(Value::as_str).map(str::to_owned)
    }

    pub fn number(&self, name: &str) -> Option<f64> {
        self.value(name).and_then(Value::as_f64)
    }

    /// An integral number that fits `i32`.
    pub fn int(&self, name: &str) -> Option<i32> {
        self.number(name)
            .filter(|n| n.fract() == 0.0 && *n >= f64::from(i32::MIN) && *n <= f64::from(i32::MAX))
            .map(|n| n as i32)
    }

    pub fn boolean(&self, name: &str) -> Option<bool> {
        self.value(name).and_then(Value::as_bool)
    }

    pub fn object(&self, name: &str) -> Option<Map<String, Value>> {
        self.value(name).and_then(Value::as_object).cloned()
    }

    /// An array's string items (a lone string is a list of one, as `{ each: true }` reads it).
    pub fn strings(&self, name: &str) -> Option<Vec<String>> {
        match self.value(name)? {
            Value::Array(items) => Some(
                items
                    .iter()
                    .filter_map(|item| item.as_str().map(str::to_owned))
                    .collect(),
            ),
            Value::String(text) => Some(vec![text.clone()]),
            _ => None,
        }
    }

    /// A nested object.
    pub fn nested(&self, name: &str) -> Option<Body> {
        self.object(name).map(Body::new)
    }

    /// An array of nested objects.
    pub fn each(&self, name: &str) -> Option<Vec<Body>> {
        let items = self.value(name)?.as_array()?;
        Some(
            items
                .iter()
                .filter_map(|item| item.as_object().cloned().map(Body::new))
                .collect(),
        )
    }

    /// The `id`s of an array of `{ id }` objects.
    pub fn ids(&self, name: &str) -> Option<Vec<String>> {
        let items = self.each(name)?;
        Some(items.iter().filter_map(|item| item.string("id")).collect())
    }

    /// A present property: `Some(None)` for `null`, `None` when absent.
    pub fn patch<T>(&self, name: &str, read: impl FnOnce(&Self, &str) -> Option<T>) -> Patch<T> {
        self.has(name).then(|| read(self, name))
    }

    /// Hands the body's fields over, for inputs kept as JSON.
    pub fn into_map(self) -> Map<String, Value> {
        self.fields
    }
}
