//! List parameters built in code, for callers without a query string (a Rust service using a
//! domain crate directly). They render to the grammar's query string, so they are checked
//! and planned exactly as an HTTP request's are: one grammar, one set of rules.

use std::fmt::Write;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// What `qs` leaves unencoded in a value; everything else is percent-encoded.
const VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// A range operator of the v1 dialect (`created_at[gt]=...`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Range {
    Lt,
    Lte,
    Gt,
    Gte,
}

impl Range {
    fn name(self) -> &'static str {
        match self {
            Range::Lt => "lt",
            Range::Lte => "lte",
            Range::Gt => "gt",
            Range::Gte => "gte",
        }
    }
}

/// A list request's parameters, typed. `ListParams::new().limit(10).order_desc("created_at")
/// .eq("email", "jane@example.com")` is `limit=10&order=-created_at&email=jane%40example.com`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListParams {
    pairs: Vec<(String, String)>,
}

impl ListParams {
    pub fn new() -> Self {
        Self::default()
    }

    fn with(mut self, key: String, value: impl Into<String>) -> Self {
        self.pairs.push((key, value.into()));
        self
    }

    /// At most `limit` rows.
    pub fn limit(self, limit: u64) -> Self {
        self.with("limit".into(), limit.to_string())
    }

    /// Skips the first `offset` rows.
    pub fn offset(self, offset: u64) -> Self {
        self.with("offset".into(), offset.to_string())
    }

    /// Ordered by `field`, ascending.
    pub fn order_asc(self, field: &str) -> Self {
        self.with("order".into(), field)
    }

    /// Ordered by `field`, descending.
    pub fn order_desc(self, field: &str) -> Self {
        self.with("order".into(), format!("-{field}"))
    }

    /// The free-text search `q`.
    pub fn search(self, text: &str) -> Self {
        self.with("q".into(), text)
    }

    /// Only these fields of the resource.
    pub fn fields(self, fields: &[&str]) -> Self {
        self.with("fields".into(), fields.join(","))
    }

    /// These relations loaded.
    pub fn expand(self, relations: &[&str]) -> Self {
        self.with("expand".into(), relations.join(","))
    }

    /// `filter` equals `value`.
    pub fn eq(self, filter: &str, value: &str) -> Self {
        self.with(filter.into(), value)
    }

    /// `filter` is one of `values`.
    pub fn any_of(mut self, filter: &str, values: &[&str]) -> Self {
        for value in values {
            self = self.with(format!("{filter}[]"), *value);
        }
        self
    }

    /// `filter` compared with `value` by `range` (dates, numbers).
    pub fn range(self, filter: &str, range: Range, value: &str) -> Self {
        self.with(format!("{filter}[{}]", range.name()), value)
    }

    /// The query string these parameters are, for the `plan_*` functions of the domain crates.
    pub fn query_string(&self) -> String {
        let mut out = String::new();
        for (key, value) in &self.pairs {
            if !out.is_empty() {
                out.push('&');
            }
            // Brackets stay as written: the parser reads them percent-encoded or not.
            let _ = write!(out, "{key}={}", utf8_percent_encode(value, VALUE));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::{ListParams, Range};
    use crate::raw::RawValue;

    #[test]
    fn renders_the_grammar() {
        for (params, expected) in [
            (ListParams::new(), ""),
            (ListParams::new().limit(10).offset(20), "limit=10&offset=20"),
            (
                ListParams::new().order_desc("created_at"),
                "order=-created_at",
            ),
            (
                ListParams::new().eq("email", "jane+x@example.com"),
                "email=jane%2Bx%40example.com",
            ),
            (ListParams::new().search("blue shirt"), "q=blue%20shirt"),
            (ListParams::new().any_of("id", &["a", "b"]), "id[]=a&id[]=b"),
            (
                ListParams::new().range("created_at", Range::Gte, "2024-01-01"),
                "created_at[gte]=2024-01-01",
            ),
            (
                ListParams::new()
                    .fields(&["id", "title"])
                    .expand(&["variants"]),
                "fields=id%2Ctitle&expand=variants",
            ),
        ] {
            assert_eq!(params.query_string(), expected);
        }
    }

    #[test]
    fn parses_back_to_what_was_built() {
        let params = ListParams::new()
            .eq("email", "jane+x@example.com")
            .any_of("id", &["a", "b"])
            .fields(&["id", "title"]);
        let raw = crate::parse(&params.query_string()).unwrap();
        assert_eq!(raw.text("email"), Some("jane+x@example.com"));
        assert_eq!(raw.text("fields"), Some("id,title"));
        assert_eq!(
            raw.get("id"),
            Some(&RawValue::List(vec![
                RawValue::Text("a".into()),
                RawValue::Text("b".into())
            ]))
        );
    }
}
