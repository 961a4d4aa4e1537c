//! Numbers as Medusa's JSON prints them.
//!
//! PostgreSQL `real` columns reach Medusa as the column's text form parsed by JavaScript, so a
//! rate stored as 0.1 prints `0.1` (not the f32's `0.10000000149011612`) and 12.0 prints `12`.

use serde::Serializer;
use serde_json::Value;

/// The JavaScript number Medusa prints for a `real` column's value.
pub fn js_number(value: f32) -> Value {
    // f32's Display is the shortest text that reads back as the same f32: PostgreSQL's form.
    let shortest: f64 = value.to_string().parse().unwrap_or(f64::from(value));
    if shortest.fract() == 0.0 && shortest.abs() < 9.0e15 {
        Value::from(shortest as i64)
    } else {
        serde_json::Number::from_f64(shortest).map_or(Value::Null, Value::Number)
    }
}

/// `serialize_with` helper for a `real` column.
pub fn serialize_real<S: Serializer>(value: &f32, s: S) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&js_number(*value), s)
}

/// `serialize_with` helper for a nullable `real` column.
pub fn serialize_opt_real<S: Serializer>(value: &Option<f32>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => serialize_real(value, s),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn prints_reals_like_javascript() {
        assert_eq!(js_number(0.1), json!(0.1));
        assert_eq!(js_number(12.0), json!(12));
        assert_eq!(js_number(12.5), json!(12.5));
        assert_eq!(js_number(0.0), json!(0));
        assert_eq!(js_number(-3.0), json!(-3));
    }
}
