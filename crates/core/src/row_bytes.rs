//! Rows held as the JSON of their fields ([`RowBytes`]), and the small writers of JSON bytes
//! ([`write_key`], [`write_array`]): what a read model needs to write its answer straight to
//! bytes, without building a `serde_json::Value` per row. The product and order read models
//! write their pages with them.

use serde::Serialize;

/// The JSON bytes of a list of rows, field by field: each row's fields serialized once, as the
/// row's own `Serialize` writes them, into one shared buffer, so a page can be written without
/// building a `serde_json::Value` per row.
///
/// Kept compact because a page is written from it field by field, tens of thousands of times:
/// one offset per field, and in a uniform level (every row the same keys in the same order,
/// as read from a table) the keys stored once, not per row.
pub struct RowBytes {
    buf: Vec<u8>,
    /// Field `i`'s JSON is `buf[bounds[i]..bounds[i + 1]]`.
    bounds: Vec<usize>,
    /// Each field's key; in a uniform level only the first row's.
    names: Vec<&'static str>,
    /// Where each row's fields start; one more entry than rows.
    starts: Vec<usize>,
    /// Every row has the first row's keys at the same places.
    uniform: bool,
}

impl RowBytes {
    pub fn of<T: Serialize>(rows: &[T]) -> Result<Self, serde_json::Error> {
        let mut this = Self::with_capacity(rows.len());
        for row in rows {
            row.serialize(FieldCollector { out: &mut this })?;
            this.end_row();
        }
        Ok(this)
    }

    /// Empty, with room for `rows` rows; filled field by field with [`Self::buf`],
    /// [`Self::start_field`], [`Self::end_field`] and [`Self::end_row`].
    pub fn with_capacity(rows: usize) -> Self {
        let mut this = Self {
            buf: Vec::with_capacity(rows * 512),
            bounds: Vec::with_capacity(rows * 24 + 1),
            names: Vec::with_capacity(24),
            starts: Vec::with_capacity(rows + 1),
            uniform: false,
        };
        this.bounds.push(0);
        this.starts.push(0);
        this
    }

    /// Declares, before the first row, that every row will have the first row's keys at the
    /// same places.
    pub fn set_uniform(&mut self) {
        self.uniform = true;
    }

    /// Where the next field's JSON starts in [`Self::buf`]: right after the last field's.
    pub fn start_field(&self) -> usize {
        self.buf.len()
    }

    /// The buffer a field's JSON is written to.
    pub fn buf(&mut self) -> &mut Vec<u8> {
        &mut self.buf
    }

    /// Records the JSON written since `start` (from [`Self::start_field`]) as the current
    /// row's field `key`.
    pub fn end_field(&mut self, key: &'static str, start: usize) {
        debug_assert_eq!(self.bounds.last().copied(), Some(start));
        self.bounds.push(self.buf.len());
        if !self.uniform || self.starts.len() == 1 {
            self.names.push(key);
        }
    }

    /// Ends the current row.
    pub fn end_row(&mut self) {
        self.starts.push(self.bounds.len() - 1);
    }

    /// Row `index`'s fields: where they start, and how many.
    fn span(&self, index: usize) -> (usize, usize) {
        let from = self.starts.get(index).copied().unwrap_or_default();
        let to = self.starts.get(index + 1).copied().unwrap_or(from);
        (from, to.saturating_sub(from))
    }

    /// The key of the field at `position` in a row whose fields start at `from`.
    fn name(&self, from: usize, position: usize) -> Option<&'static str> {
        let at = if self.uniform {
            position
        } else {
            from + position
        };
        self.names.get(at).copied()
    }

    /// The JSON of field `field` (counted over all rows).
    fn json(&self, field: usize) -> &[u8] {
        match (self.bounds.get(field), self.bounds.get(field + 1)) {
            (Some(&start), Some(&end)) => self.buf.get(start..end).unwrap_or_default(),
            _ => &[],
        }
    }

    /// Row `index`'s fields with their JSON bytes, in declaration order.
    pub fn row(&self, index: usize) -> impl Iterator<Item = (&'static str, &[u8])> {
        let (from, count) = self.span(index);
        (0..count).filter_map(move |position| {
            self.name(from, position)
                .map(|name| (name, self.json(from + position)))
        })
    }

    /// One field of row `index`.
    pub fn field(&self, index: usize, key: &str) -> Option<&[u8]> {
        self.row(index).find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// One field of row `index`, looked for first at `position` (where rows of one type have
    /// it), then by name.
    pub fn field_at(&self, index: usize, position: usize, key: &str) -> Option<&[u8]> {
        let (from, count) = self.span(index);
        if position < count {
            if let Some(found) = self.name(from, position) {
                if std::ptr::eq(found, key) || found == key {
                    return Some(self.json(from + position));
                }
            }
        }
        self.field(index, key)
    }

    /// [`Self::field_at`] when the position is known, [`Self::field`] otherwise.
    pub fn field_near(&self, index: usize, position: Option<usize>, key: &str) -> Option<&[u8]> {
        match position {
            Some(position) => self.field_at(index, position, key),
            None => self.field(index, key),
        }
    }

    /// Where the first row has `key`.
    pub fn position(&self, key: &str) -> Option<usize> {
        self.row(0).position(|(k, _)| k == key)
    }

    /// Every key any row has, in first-seen order.
    pub fn keys(&self) -> Vec<&'static str> {
        let mut keys: Vec<&'static str> = self.row(0).map(|(key, _)| key).collect();
        if self.uniform {
            return keys;
        }
        let first = keys.len();
        for index in 1..self.starts.len().saturating_sub(1) {
            // Rows of one type have the same keys at the same places: only the odd one is
            // looked up.
            for (position, (key, _)) in self.row(index).enumerate() {
                let known = keys
                    .get(position)
                    .filter(|_| position < first)
                    .is_some_and(|k| std::ptr::eq(*k, key) || *k == key);
                if !known && !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        keys
    }
}

/// A serializer that accepts one struct and records its fields into [`RowBytes`].
struct FieldCollector<'a> {
    out: &'a mut RowBytes,
}

fn not_a_struct() -> serde_json::Error {
    serde::ser::Error::custom("a row did not serialize to a struct")
}

macro_rules! refuse {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $method(self, $(_: $arg),*) -> Result<(), serde_json::Error> {
            Err(not_a_struct())
        })*
    };
}

impl<'a> serde::Serializer for FieldCollector<'a> {
    type Ok = ();
    type Error = serde_json::Error;
    type SerializeSeq = serde::ser::Impossible<(), serde_json::Error>;
    type SerializeTuple = serde::ser::Impossible<(), serde_json::Error>;
    type SerializeTupleStruct = serde::ser::Impossible<(), serde_json::Error>;
    type SerializeTupleVariant = serde::ser::Impossible<(), serde_json::Error>;
    type SerializeMap = serde::ser::Impossible<(), serde_json::Error>;
    type SerializeStruct = Self;
    type SerializeStructVariant = serde::ser::Impossible<(), serde_json::Error>;

    refuse!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str),
    );

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(), serde_json::Error> {
        Err(not_a_struct())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<(), serde_json::Error> {
        Err(not_a_struct())
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), serde_json::Error> {
        Err(not_a_struct())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, serde_json::Error> {
        Err(not_a_struct())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, serde_json::Error> {
        Err(not_a_struct())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, serde_json::Error> {
        Err(not_a_struct())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, serde_json::Error> {
        Err(not_a_struct())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, serde_json::Error> {
        Err(not_a_struct())
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, serde_json::Error> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, serde_json::Error> {
        Err(not_a_struct())
    }
}

impl<'a> serde::ser::SerializeStruct for FieldCollector<'a> {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), serde_json::Error> {
        let start = self.out.start_field();
        serde_json::to_writer(self.out.buf(), value)?;
        self.out.end_field(key, start);
        Ok(())
    }

    fn end(self) -> Result<(), serde_json::Error> {
        Ok(())
    }
}

/// A JSON string, escaped as serde_json escapes it.
pub fn write_key(out: &mut Vec<u8>, key: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
    if !key
        .bytes()
        .any(|byte| byte == b'"' || byte == b'\\' || byte < 0x20)
    {
        out.extend_from_slice(key.as_bytes());
        out.push(b'"');
        return;
    }
    for byte in key.bytes() {
        match byte {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            0..=0x1f => {
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(byte >> 4)]);
                out.push(HEX[usize::from(byte & 0xf)]);
            }
            _ => out.push(byte),
        }
    }
    out.push(b'"');
}

/// Writes a JSON array of `items`, each written by `write`.
pub fn write_array<T>(out: &mut Vec<u8>, items: &[T], mut write: impl FnMut(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push(b',');
        }
        write(out, item);
    }
    out.push(b']');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[derive(Serialize)]
    struct Row {
        id: &'static str,
        title: Option<String>,
        metadata: Value,
        #[serde(skip_serializing_if = "Option::is_none")]
        rank: Option<i32>,
    }

    #[test]
    fn row_bytes_hold_each_field_as_serde_json_writes_it() {
        let rows = [
            Row {
                id: "a\"1",
                title: None,
                metadata: serde_json::json!({"z": 1, "a": [true]}),
                rank: Some(3),
            },
            Row {
                id: "b",
                title: Some("é\n".to_owned()),
                metadata: Value::Null,
                rank: None,
            },
        ];
        let bytes = RowBytes::of(&rows).unwrap();
        let first: Vec<(&str, String)> = bytes
            .row(0)
            .map(|(k, v)| (k, String::from_utf8(v.to_vec()).unwrap()))
            .collect();
        assert_eq!(
            first,
            [
                ("id", r#""a\"1""#.to_owned()),
                ("title", "null".to_owned()),
                ("metadata", r#"{"a":[true],"z":1}"#.to_owned()),
                ("rank", "3".to_owned()),
            ]
        );
        assert_eq!(bytes.field(1, "title"), Some("\"é\\n\"".as_bytes()));
        assert_eq!(bytes.field_at(1, 0, "id"), Some(&b"\"b\""[..]));
        assert_eq!(bytes.field(1, "rank"), None);
        assert_eq!(bytes.keys(), ["id", "title", "metadata", "rank"]);
        assert!(RowBytes::of(&[1, 2]).is_err());
    }

    #[test]
    fn keys_are_escaped_as_serde_json_escapes_strings() {
        for text in [
            "plain",
            "quo\"te",
            "back\\slash",
            "tab\tnew\nline",
            "\u{1}\u{1f}",
            "é",
        ] {
            let mut out = Vec::new();
            write_key(&mut out, text);
            assert_eq!(out, serde_json::to_vec(text).unwrap(), "{text:?}");
        }
    }
}
