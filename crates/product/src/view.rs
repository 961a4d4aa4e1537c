//! Products and variants as the admin API answers them: JSON objects already trimmed to the
//! request's `fields`/`expand`, with Medusa's derived keys (`profile`, `profile_id`) and the
//! context-free pricing decoration.

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
        }
    };
}

json_view!(ProductView);
json_view!(VariantView);

/// Medusa derives `profile` (the last of `profiles`) and `profile_id` whenever `profiles` is
/// loaded, whatever `fields` says.
pub(crate) fn add_profile(product: &mut Map<String, Value>) {
    let Some(Value::Array(profiles)) = product.get("profiles") else {
        return;
    };
    let profile = profiles.last().cloned().unwrap_or(Value::Null);
    let profile_id = profile.get("id").cloned().unwrap_or(Value::Null);
    product.insert("profile".to_owned(), profile);
    product.insert("profile_id".to_owned(), profile_id);
}

/// A variant's price-decoration keys, all `null`.
pub(crate) fn add_null_prices(variant: &mut Map<String, Value>) {
    for key in PRICE_DECORATION_KEYS {
        variant.insert((*key).to_owned(), Value::Null);
    }
}
