//! Partial updates where JSON `null` means "clear" and an absent key means "leave alone".
//!
//! ```ignore
//! #[derive(Deserialize)]
//! struct UpdateUser {
//!     #[serde(default, deserialize_with = "medusa_core::patch::present")]
//!     first_name: Patch<String>,
//! }
//! ```

use serde::{Deserialize, Deserializer};

/// `None`: the key was absent. `Some(None)`: it was `null`. `Some(Some(v))`: it was `v`.
pub type Patch<T> = Option<Option<T>>;

/// Deserializes a present key, even `null`, as `Some(_)`; pair with `#[serde(default)]` so an
/// absent key stays `None`.
pub fn present<'de, D, T>(deserializer: D) -> Result<Patch<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Body {
        #[serde(default, deserialize_with = "present")]
        name: Patch<String>,
    }

    #[test]
    fn tells_absent_from_null() {
        let parse = |s: &str| serde_json::from_str::<Body>(s).unwrap().name;
        assert_eq!(parse("{}"), None);
        assert_eq!(parse(r#"{"name": null}"#), Some(None));
        assert_eq!(parse(r#"{"name": "x"}"#), Some(Some("x".into())));
    }
}
