//! Numbers as Medusa's JSON prints them.
//!
//! PostgreSQL `real` columns reach Medusa as the column's text form parsed by JavaScript, so a
//! rate stored as 0.1 prints `0.1` (not the f32's `0.10000000149011612`) and 12.0 prints `12`.

use serde::Serializer;
use serde_json::Value;

/// A `real` column's value as JavaScript reads it: PostgreSQL prints the shortest text that
/// reads back as the same `float4` (f32's Display is that text), and JavaScript parses it as a
/// double: `0.1`, not the f32's exact `0.10000000149…`.
pub fn real(value: f32) -> f64 {
    value.to_string().parse().unwrap_or(f64::from(value))
}

/// A `numeric` column's value as TypeORM hands it to JavaScript: its text, parsed.
pub fn numeric(value: &sea_orm::prelude::Decimal) -> f64 {
    value.to_string().parse().unwrap_or(0.0)
}

/// A JavaScript number in JSON: integral values without a fraction, `NaN` and infinities as
/// `null` (what `JSON.stringify` writes).
pub fn json_number(value: f64) -> Value {
    if !value.is_finite() {
        Value::Null
    } else if value.fract() == 0.0 && value.abs() < 9_007_199_254_740_992.0 {
        #[allow(clippy::cast_possible_truncation)]
        Value::from(value as i64)
    } else {
        serde_json::Number::from_f64(value).map_or(Value::Null, Value::Number)
    }
}

/// A number as JavaScript's `String(number)` writes it (a driver's parameter text, a CSV
/// cell): plain digits, integers without a fraction, exponent notation from 1e21 up and
/// below 1e-6.
pub fn js_text(value: f64) -> String {
    let magnitude = value.abs();
    if magnitude >= 1e21 || (magnitude != 0.0 && magnitude < 1e-6) {
        let scientific = format!("{value:e}");
        match scientific.split_once('e') {
            Some((mantissa, exponent)) if !exponent.starts_with('-') => {
                format!("{mantissa}e+{exponent}")
            }
            _ => scientific,
        }
    } else {
        value.to_string()
    }
}

/// The JavaScript number Medusa prints for a `real` column's value.
pub fn js_number(value: f32) -> Value {
    json_number(real(value))
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

    #[test]
    fn prints_doubles_like_javascript() {
        for (value, json, text) in [
            (12.0, json!(12), "12"),
            (
                333.333_333_333_333_3,
                json!(333.333_333_333_333_3),
                "333.3333333333333",
            ),
            (f64::NAN, Value::Null, "NaN"),
            (1e21, json!(1e21), "1e+21"),
            (1e-7, json!(1e-7), "1e-7"),
        ] {
            assert_eq!(json_number(value), json, "{value}");
            if value.is_finite() {
                assert_eq!(js_text(value), text, "{value}");
            }
        }
    }
}
