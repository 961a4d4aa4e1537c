//! Typed reading of query-string scalars: integers, booleans, timestamps and enum members.

use chrono::{DateTime, FixedOffset, Utc};
use sea_orm::Value;

use crate::error::QueryError;
use crate::spec::FieldKind;

/// A non-negative integer parameter (`limit`, `offset`).
pub(crate) fn parse_count(param: &str, text: &str) -> Result<u64, QueryError> {
    // The database binds counts as signed 64-bit integers: anything larger is refused here,
    // not left to fail (or panic) when the statement is built.
    const MAX: u64 = i64::MAX as u64;
    let too_large = || QueryError::TooLarge {
        param: param.to_owned(),
        max: MAX,
    };
    let trimmed = text.trim();
    if let Ok(n) = trimmed.parse::<u64>() {
        return if n > MAX { Err(too_large()) } else { Ok(n) };
    }
    if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return Err(too_large());
    }
    match trimmed.parse::<f64>() {
        Ok(n) if n.is_finite() && n < 0.0 => Err(QueryError::Negative(param.to_owned())),
        Ok(n) if n.is_finite() && n.fract() != 0.0 => {
            Err(QueryError::NotAnInteger(param.to_owned()))
        }
        _ => Err(QueryError::NotANumber(param.to_owned())),
    }
}

/// A timestamp as Medusa reads a date filter: `new Date(value)` when that is a valid date
/// (ISO dates and date-times, `01-26-1990`, `Jan 26 1990`, ... see [`crate::js_date`]),
/// otherwise `new Date(Number(value) * 1000)`, epoch seconds. Normalised to UTC.
pub fn parse_date(text: &str) -> Option<DateTime<FixedOffset>> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let utc = match crate::js_date::parse(text) {
        Some(date) => date,
        None => {
            let millis = crate::js_date::number(text)? * 1000.0;
            DateTime::<Utc>::from_timestamp_millis(millis.trunc() as i64)?
        }
    };
    Some(utc.fixed_offset())
}

/// Reads one filter value as the column's type, ready to be bound.
pub(crate) fn typed(
    param: &str,
    kind: FieldKind,
    text: &str,
    in_list: bool,
) -> Result<Value, QueryError> {
    match kind {
        FieldKind::Text => Ok(Value::from(text.to_owned())),
        FieldKind::Bool => match text {
            "true" => Ok(Value::from(true)),
            "false" => Ok(Value::from(false)),
            _ => Err(QueryError::NotABoolean(param.to_owned())),
        },
        FieldKind::Int => text
            .trim()
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| QueryError::NotANumber(param.to_owned())),
        FieldKind::Date => parse_date(text)
            .map(Value::from)
            .ok_or_else(|| QueryError::NotADate(param.to_owned())),
        FieldKind::Enum { values, .. } => {
            if values.contains(&text) {
                Ok(Value::from(text.to_owned()))
            } else {
                Err(QueryError::NotInEnum {
                    param: param.to_owned(),
                    values: values.iter().map(|v| (*v).to_owned()).collect(),
                    each: in_list,
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates_like_javascript() {
        let iso = |s: &str| parse_date(s).map(|d| d.to_rfc3339());
        assert_eq!(
            iso("2024-01-01").as_deref(),
            Some("2024-01-01T00:00:00+00:00")
        );
        assert_eq!(
            iso("2024-01-01T10:00:00Z").as_deref(),
            Some("2024-01-01T10:00:00+00:00")
        );
        assert_eq!(
            iso("2024-01-01T10:00:00+02:00").as_deref(),
            Some("2024-01-01T08:00:00+00:00")
        );
        assert_eq!(
            iso("2024-01-01T10:00:00.5").as_deref(),
            Some("2024-01-01T10:00:00.500+00:00")
        );
        // Not a date string: epoch seconds (Medusa's `Number(value) * 1000`).
        assert_eq!(
            iso("1700000000").as_deref(),
            Some("2023-11-14T22:13:20+00:00")
        );
        assert_eq!(
            iso("01-26-1990").as_deref(),
            Some("1990-01-26T00:00:00+00:00")
        );
        assert_eq!(iso("2024-13-01"), None);
        assert_eq!(iso("yesterday"), None);
        assert_eq!(iso("99999999999999999999"), None);
    }

    #[test]
    fn counts_are_non_negative_integers() {
        assert_eq!(parse_count("limit", " 10"), Ok(10));
        assert_eq!(
            parse_count("offset", "9223372036854775807"),
            Ok(9_223_372_036_854_775_807)
        );
        for huge in [
            "9223372036854775808",
            "18446744073709551615",
            "99999999999999999999999",
        ] {
            assert_eq!(
                parse_count("offset", huge).map_err(|e| e.to_string()),
                Err("offset must not be greater than 9223372036854775807".to_owned()),
                "{huge}"
            );
        }
        assert_eq!(
            parse_count("limit", "-1"),
            Err(QueryError::Negative("limit".into()))
        );
        assert_eq!(
            parse_count("limit", "1.5"),
            Err(QueryError::NotAnInteger("limit".into()))
        );
        assert_eq!(
            parse_count("limit", "abc"),
            Err(QueryError::NotANumber("limit".into()))
        );
        assert_eq!(
            parse_count("limit", "NaN"),
            Err(QueryError::NotANumber("limit".into()))
        );
    }
}
