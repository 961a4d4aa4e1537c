//! Timestamps serialized the way Medusa (JavaScript's `Date#toJSON`) writes them:
//! UTC, millisecond precision, a `Z` suffix: `2024-01-07T10:00:00.000Z`.

use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};
use serde::Serializer;

/// The timestamp type of every `timestamp with time zone` column.
pub type Timestamp = DateTime<FixedOffset>;

/// The current instant as a column value, truncated to milliseconds as JavaScript keeps it.
pub fn now() -> Timestamp {
    let now = Utc::now();
    let millis = now.timestamp_millis();
    DateTime::from_timestamp_millis(millis)
        .unwrap_or(now)
        .fixed_offset()
}

/// Formats an instant as Medusa does.
pub fn format(ts: &Timestamp) -> String {
    ts.with_timezone(&Utc)
        .to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// `serialize_with` helper for a timestamp field.
pub fn serialize<S: Serializer>(ts: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format(ts))
}

/// `serialize_with` helper for an optional timestamp field (`null` when absent).
pub fn serialize_opt<S: Serializer>(ts: &Option<Timestamp>, s: S) -> Result<S::Ok, S::Error> {
    match ts {
        Some(ts) => s.serialize_str(&format(ts)),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_javascript() {
        let ts = DateTime::parse_from_rfc3339("2024-01-07T11:00:00.123456+01:00").unwrap();
        assert_eq!(format(&ts), "2024-01-07T10:00:00.123Z");
        let ts = DateTime::parse_from_rfc3339("2024-01-07T10:00:00Z").unwrap();
        assert_eq!(format(&ts), "2024-01-07T10:00:00.000Z");
    }

    #[test]
    fn now_has_millisecond_precision() {
        assert_eq!(now().timestamp_subsec_nanos() % 1_000_000, 0);
    }
}
