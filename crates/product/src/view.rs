//! Products and variants as the admin API answers them: JSON objects already trimmed to the
//! request's `fields`/`expand`, with Medusa's derived keys (`profile`, `profile_id`) and the
//! context-free pricing decoration; and what trims a page written straight to bytes (`Kept`;
//! the rows and writers are `medusa_core::row_bytes`), as `shape` trims.

pub(crate) use medusa_core::row_bytes::{write_array, write_key, RowBytes};
use serde::Serialize;
use serde_json::{Map, Value};

/// The price keys Medusa's pricing decoration adds to every variant; without a region or
/// currency context they are all `null`.
pub const PRICE_DECORATION_KEYS: &[&str] = &[
    "original_price",
    "calculated_price",
    "original_price_incl_tax",
    "calculated_price_incl_tax",
    "original_tax",
    "calculated_tax",
    "tax_rates",
];

/// A product as Medusa's admin API serializes it, trimmed to the selection it was loaded with.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct ProductView {
    json: Map<String, Value>,
}

/// A variant as `GET /admin/variants` and `GET /admin/products/{id}/variants` serialize it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct VariantView {
    json: Map<String, Value>,
}

macro_rules! json_view {
    ($view:ident) => {
        impl $view {
            pub(crate) fn from_json(json: Map<String, Value>) -> Self {
                Self { json }
            }

            /// The key, always selected.
            pub fn id(&self) -> &str {
                self.json
                    .get("id")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
            }

            pub fn as_json(&self) -> &Map<String, Value> {
                &self.json
            }

            pub fn into_json(self) -> Value {
                Value::Object(self.json)
            }

            /// For the decorations other crates own (a variant's prices in a pricing context).
            pub fn as_json_mut(&mut self) -> &mut Map<String, Value> {
                &mut self.json
            }
        }
    };
}

json_view!(ProductView);
json_view!(VariantView);

/// The keys a selection keeps at each level of a loaded tree, found by trimming a probe (one
/// object per level, holding every key that level's rows can have) with
/// [`medusa_query_dsl::Selection::shape`]: the fast writer then keeps exactly what `shape` keeps.
#[derive(Debug, Default)]
pub(crate) struct Kept {
    keys: Vec<String>,
    children: Vec<(String, Kept)>,
}

/// One level of a probe: its keys and the relations attached below it.
#[derive(Debug, Default)]
pub(crate) struct Probe {
    pub keys: Vec<&'static str>,
    pub children: Vec<(&'static str, Probe)>,
}

impl Probe {
    fn to_value(&self) -> Value {
        let mut map = Map::new();
        for key in &self.keys {
            map.insert((*key).to_owned(), Value::Null);
        }
        for (name, child) in &self.children {
            map.insert((*name).to_owned(), Value::Array(vec![child.to_value()]));
        }
        Value::Object(map)
    }
}

impl Kept {
    pub(crate) fn by_shaping(probe: &Probe, selection: &medusa_query_dsl::Selection) -> Self {
        let mut value = probe.to_value();
        selection.shape(&mut value);
        Self::from_value(&value)
    }

    fn from_value(value: &Value) -> Self {
        let Value::Object(map) = value else {
            return Self::default();
        };
        let mut kept = Self::default();
        for (key, value) in map {
            kept.keys.push(key.clone());
            if let Value::Array(items) = value {
                if let Some(first) = items.first() {
                    kept.children.push((key.clone(), Self::from_value(first)));
                }
            }
        }
        kept
    }

    /// Whether the key survives; the keys come sorted from the map.
    pub(crate) fn keeps(&self, key: &str) -> bool {
        self.keys.binary_search_by(|k| k.as_str().cmp(key)).is_ok()
    }

    /// The kept keys of a relation's rows (nothing kept when the relation is not).
    pub(crate) fn child(&self, name: &str) -> &Kept {
        static NOTHING: Kept = Kept {
            keys: Vec::new(),
            children: Vec::new(),
        };
        self.children
            .iter()
            .find(|(n, _)| n == name)
            .map_or(&NOTHING, |(_, kept)| kept)
    }
}
