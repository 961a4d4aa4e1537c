//! Reading a raw query string into nested values the way Medusa's `qs` does: brackets make
//! objects (`a[lt]=1`) and arrays (`a[]=x`, `a[0]=x`), repeated keys make arrays, `+` is a
//! space, and brackets may arrive percent-encoded (`a%5B%5D=x`).

use std::borrow::Cow;

use percent_encoding::percent_decode_str;

use crate::error::QueryError;

/// `qs` ignores parameters past its `parameterLimit` of 1000; we refuse them instead, so a
/// request is never silently half-read.
pub const MAX_PARAMETERS: usize = 1000;

/// `qs` splits at most five bracket levels; the rest of the key becomes one literal segment.
const MAX_DEPTH: usize = 5;

/// A parameter's value: a string, an array, or an object of named members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawValue {
    Text(String),
    List(Vec<RawValue>),
    /// Members in the order they first appeared; names are unique.
    Map(Vec<(String, RawValue)>),
}

impl RawValue {
    /// The string, when this value is one.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            RawValue::Text(text) => Some(text),
            _ => None,
        }
    }

    /// A member of an object value.
    pub fn member(&self, name: &str) -> Option<&RawValue> {
        match self {
            RawValue::Map(members) => members.iter().find(|(k, _)| k == name).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// A parsed query string: top-level parameters in order of first appearance, names unique.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawQuery {
    params: Vec<(String, RawValue)>,
}

impl RawQuery {
    /// The value of a top-level parameter.
    pub fn get(&self, name: &str) -> Option<&RawValue> {
        self.params.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// The string value of a top-level parameter, when it is one.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.get(name).and_then(RawValue::as_text)
    }

    /// All top-level parameters in order of first appearance.
    pub fn params(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        self.params.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn is_empty(&self) -> bool {
        self.params.is_empty()
    }

    /// The same query without the named parameters: for an endpoint that reads a spelling
    /// the grammar has no form for (`confirmed_at=null` as `IS NULL`) itself and plans the rest.
    pub fn without(&self, names: &[&str]) -> RawQuery {
        RawQuery {
            params: self
                .params
                .iter()
                .filter(|(name, _)| !names.contains(&name.as_str()))
                .cloned()
                .collect(),
        }
    }
}

/// One bracket segment of a key before arrays are recognised.
enum Segment {
    /// `[]`: append.
    Append,
    /// `[name]` or `[0]`.
    Key(String),
}

/// Parses a raw query string (the part after `?`, without it).
pub fn parse(raw_query_string: &str) -> Result<RawQuery, QueryError> {
    let mut params: Vec<(String, RawValue)> = Vec::new();
    let mut count = 0usize;
    for part in raw_query_string.split('&') {
        if part.is_empty() {
            continue;
        }
        count += 1;
        if count > MAX_PARAMETERS {
            return Err(QueryError::TooManyParameters(MAX_PARAMETERS));
        }
        // Like `qs`, a `]=` marks the end of a bracketed key even if the key holds an `=`.
        let split_at = match part.find("]=") {
            Some(pos) => Some(pos + 1),
            None => part.find('='),
        };
        let (raw_key, raw_value) = match split_at {
            Some(pos) => (&part[..pos], &part[pos + 1..]),
            None => (part, ""),
        };
        let key = decode(raw_key);
        if key.is_empty() {
            continue;
        }
        let (base, segments) = split_key(&key);
        let text = decode(raw_value).into_owned();
        // PostgreSQL refuses NUL in text; refused here, by name, for every endpoint at once.
        if key.contains('\0') || text.contains('\0') {
            return Err(QueryError::ContainsNul(base.to_owned()));
        }
        let value = nest(segments, RawValue::Text(text));
        match params.iter_mut().find(|(k, _)| *k == base) {
            Some((_, existing)) => merge_into(existing, value),
            None => params.push((base.to_owned(), value)),
        }
    }
    for (_, value) in &mut params {
        normalize(value);
    }
    Ok(RawQuery { params })
}

fn decode(raw: &str) -> Cow<'_, str> {
    if raw.contains('+') {
        let spaced = raw.replace('+', " ");
        Cow::Owned(percent_decode_str(&spaced).decode_utf8_lossy().into_owned())
    } else {
        percent_decode_str(raw).decode_utf8_lossy()
    }
}

/// Splits `a[b][]` into `a` and its segments; a key whose first bracket never closes is
/// literal, as in `qs`.
fn split_key(key: &str) -> (&str, Vec<Segment>) {
    let Some(open) = key.find('[') else {
        return (key, Vec::new());
    };
    if open == 0 || !key[open..].contains(']') {
        return (key, Vec::new());
    }
    let base = &key[..open];
    let mut segments = Vec::new();
    let mut rest = &key[open..];
    while let Some(stripped) = rest.strip_prefix('[') {
        if segments.len() == MAX_DEPTH {
            break;
        }
        match stripped.find(['[', ']']) {
            Some(pos) if stripped.as_bytes()[pos] == b']' => {
                let name = &stripped[..pos];
                segments.push(if name.is_empty() {
                    Segment::Append
                } else {
                    Segment::Key(name.to_owned())
                });
                rest = &stripped[pos + 1..];
            }
            _ => break,
        }
    }
    if !rest.is_empty() {
        segments.push(Segment::Key(rest.to_owned()));
    }
    (base, segments)
}

/// Wraps a leaf value in the objects and arrays its key segments describe.
fn nest(segments: Vec<Segment>, leaf: RawValue) -> RawValue {
    segments
        .into_iter()
        .rev()
        .fold(leaf, |inner, segment| match segment {
            Segment::Append => RawValue::List(vec![inner]),
            Segment::Key(name) => RawValue::Map(vec![(name, inner)]),
        })
}

/// Combines a repeated parameter with what was read before, as `qs` does: two strings make an
/// array, arrays concatenate, objects merge member by member. Mixing an object with strings or
/// arrays keeps the object and files the others under the member name `""`.
fn merge_into(existing: &mut RawValue, incoming: RawValue) {
    let current = std::mem::replace(existing, RawValue::List(Vec::new()));
    *existing = match (current, incoming) {
        (RawValue::Map(mut members), RawValue::Map(more)) => {
            for (name, value) in more {
                match members.iter_mut().find(|(k, _)| *k == name) {
                    Some((_, slot)) => merge_into(slot, value),
                    None => members.push((name, value)),
                }
            }
            RawValue::Map(members)
        }
        (RawValue::Map(mut members), other) => {
            members.extend(list_items(other).into_iter().map(|v| (String::new(), v)));
            RawValue::Map(members)
        }
        (other, RawValue::Map(more)) => {
            let mut merged = RawValue::Map(
                list_items(other)
                    .into_iter()
                    .map(|v| (String::new(), v))
                    .collect(),
            );
            merge_into(&mut merged, RawValue::Map(more));
            merged
        }
        (first, second) => {
            let mut items = list_items(first);
            items.extend(list_items(second));
            RawValue::List(items)
        }
    };
}

fn list_items(value: RawValue) -> Vec<RawValue> {
    match value {
        RawValue::List(items) => items,
        other => vec![other],
    }
}

/// Turns objects whose member names are all array indexes (`a[1]=y&a[0]=x`) into arrays
/// ordered by index, as `qs` compacts sparse arrays; appended members (`""`) go last.
fn normalize(value: &mut RawValue) {
    match value {
        RawValue::Text(_) => {}
        RawValue::List(items) => items.iter_mut().for_each(normalize),
        RawValue::Map(members) => {
            members.iter_mut().for_each(|(_, v)| normalize(v));
            let all_indexes = !members.is_empty()
                && members
                    .iter()
                    .all(|(k, _)| k.is_empty() || array_index(k).is_some())
                && members.iter().any(|(k, _)| !k.is_empty());
            if all_indexes {
                let mut indexed = std::mem::take(members);
                indexed.sort_by_key(|(k, _)| array_index(k).unwrap_or(u32::MAX));
                *value = RawValue::List(
                    indexed
                        .into_iter()
                        .flat_map(|(_, v)| list_or_single(v))
                        .collect(),
                );
            }
        }
    }
}

/// An indexed member holding an array came from `a[0][]=x`; flatten it into the parent array
/// so `a[0][]=x` reads like `a[0]=x`.
fn list_or_single(value: RawValue) -> Vec<RawValue> {
    match value {
        RawValue::List(items) => items,
        other => vec![other],
    }
}

/// A canonical array index: decimal digits without a leading zero (except `0` itself).
fn array_index(key: &str) -> Option<u32> {
    if key.is_empty() || (key.len() > 1 && key.starts_with('0')) {
        return None;
    }
    if !key.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    key.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> RawValue {
        RawValue::Text(s.to_owned())
    }

    #[test]
    fn a_nul_character_is_refused_by_parameter_name() {
        for query in [
            "q=a%00b",
            "title[]=x&title[]=%00",
            "created_at[gt%00]=1",
            "id=%00",
        ] {
            let name = query.split(['=', '[']).next().unwrap_or_default();
            assert_eq!(
                parse(query).map_err(|e| e.to_string()),
                Err(format!("{name} must not contain a NUL character")),
                "{query}"
            );
        }
        assert!(parse("q=a%01b").is_ok());
    }

    #[test]
    fn without_drops_only_the_named_parameters() {
        let q = parse("a=null&b[gt]=1&c=x")
            .unwrap_or_default()
            .without(&["a", "c"]);
        let names: Vec<&str> = q.params().map(|(name, _)| name).collect();
        assert_eq!(names, ["b"]);
    }

    #[test]
    fn reads_brackets_arrays_and_encodings() {
        let q =
            parse("a[]=x&a[]=y&b%5B%5D=1&c[1]=second&c[0]=first&d[lt]=2&d[gt]=1&e=one+two%21&f")
                .unwrap_or_default();
        assert_eq!(
            q.get("a"),
            Some(&RawValue::List(vec![text("x"), text("y")]))
        );
        assert_eq!(q.get("b"), Some(&RawValue::List(vec![text("1")])));
        assert_eq!(
            q.get("c"),
            Some(&RawValue::List(vec![text("first"), text("second")]))
        );
        assert_eq!(
            q.get("d"),
            Some(&RawValue::Map(vec![
                ("lt".into(), text("2")),
                ("gt".into(), text("1"))
            ]))
        );
        assert_eq!(q.text("e"), Some("one two!"));
        assert_eq!(q.text("f"), Some(""));
    }

    #[test]
    fn repeated_keys_make_arrays_and_odd_keys_stay_literal() {
        let q = parse("a=1&a=2&b[c=1&[x]=2&d[e]f=3").unwrap_or_default();
        assert_eq!(
            q.get("a"),
            Some(&RawValue::List(vec![text("1"), text("2")]))
        );
        assert_eq!(q.text("b[c"), Some("1"));
        assert_eq!(q.text("[x]"), Some("2"));
        assert_eq!(
            q.get("d"),
            Some(&RawValue::Map(vec![(
                "e".into(),
                RawValue::Map(vec![("f".into(), text("3"))])
            )]))
        );
    }

    #[test]
    fn refuses_more_than_the_parameter_limit() {
        let long = vec!["a=1"; MAX_PARAMETERS + 1].join("&");
        assert_eq!(
            parse(&long),
            Err(QueryError::TooManyParameters(MAX_PARAMETERS))
        );
        assert!(parse(&vec!["a=1"; MAX_PARAMETERS].join("&")).is_ok());
    }
}
