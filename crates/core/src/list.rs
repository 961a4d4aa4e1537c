//! The list envelope: `{ "<plural>": [...], "count": n, "offset": n, "limit": n }`.

use serde::ser::{Serialize, SerializeMap, Serializer};

/// One page of a list endpoint, serialized under the resource's plural key.
#[derive(Debug, Clone, PartialEq)]
pub struct ListPage<T> {
    /// The JSON key of the items, e.g. `users`.
    pub key: &'static str,
    pub items: Vec<T>,
    /// Total number of rows matching the filters, ignoring `limit` and `offset`.
    pub count: u64,
    pub offset: u64,
    pub limit: u64,
}

impl<T: Serialize> Serialize for ListPage<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(4))?;
        map.serialize_entry(self.key, &self.items)?;
        map.serialize_entry("count", &self.count)?;
        map.serialize_entry("offset", &self.offset)?;
        map.serialize_entry("limit", &self.limit)?;
        map.end()
    }
}

impl<T> ListPage<T> {
    /// The same page with each item transformed.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> ListPage<U> {
        ListPage {
            key: self.key,
            items: self.items.into_iter().map(f).collect(),
            count: self.count,
            offset: self.offset,
            limit: self.limit,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_under_plural_key() {
        let page = ListPage {
            key: "users",
            items: vec![1, 2],
            count: 7,
            offset: 2,
            limit: 2,
        };
        assert_eq!(
            serde_json::to_value(&page).unwrap(),
            serde_json::json!({"users": [1, 2], "count": 7, "offset": 2, "limit": 2})
        );
    }
}
