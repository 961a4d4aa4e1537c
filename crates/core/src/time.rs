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
    let mut out = [0; JS_LENGTH];
    match write_js(ts, &mut out) {
        Some(text) => text.to_owned(),
        None => ts
            .with_timezone(&Utc)
            .to_rfc3339_opts(SecondsFormat::Millis, true),
    }
}

/// `YYYY-MM-DDTHH:MM:SS.mmmZ`
const JS_LENGTH: usize = 24;

/// Writes the instant into `out` digit by digit (every row of a page has two or three
/// timestamps, and chrono's general formatter is the slow part of serializing one), or `None`
/// for a year outside 0..=9999, which [`format`] leaves to chrono.
fn write_js<'a>(ts: &Timestamp, out: &'a mut [u8; JS_LENGTH]) -> Option<&'a str> {
    write_unix_millis(ts.timestamp_millis(), out)
}

/// [`write_js`] from milliseconds since 1970-01-01 UTC, the instant as JavaScript holds it.
fn write_unix_millis(millis: i64, out: &mut [u8; JS_LENGTH]) -> Option<&str> {
    const MILLIS_PER_DAY: i64 = 86_400_000;
    let days = millis.div_euclid(MILLIS_PER_DAY);
    let of_day = millis.rem_euclid(MILLIS_PER_DAY);
    // Civil date from days since 1970-01-01 (Howard Hinnant's `civil_from_days`).
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    if !(0..=9999).contains(&year) {
        return None;
    }
    let mut put = |at: usize, value: i64, digits: usize| {
        let mut value = value;
        for index in (at..at + digits).rev() {
            if let Some(slot) = out.get_mut(index) {
                *slot = b'0' + (value % 10) as u8;
            }
            value /= 10;
        }
    };
    put(0, year, 4);
    put(5, month, 2);
    put(8, day, 2);
    put(11, of_day / 3_600_000, 2);
    put(14, of_day / 60_000 % 60, 2);
    put(17, of_day / 1_000 % 60, 2);
    put(20, of_day % 1_000, 3);
    for (at, separator) in [
        (4, b'-'),
        (7, b'-'),
        (10, b'T'),
        (13, b':'),
        (16, b':'),
        (19, b'.'),
        (23, b'Z'),
    ] {
        if let Some(slot) = out.get_mut(at) {
            *slot = separator;
        }
    }
    std::str::from_utf8(out).ok()
}

/// Writes the instant `millis` milliseconds after 1970-01-01 UTC as a JSON string, as
/// [`serialize`] writes a timestamp (for readers that have the instant without a `DateTime`).
pub fn write_json_millis(millis: i64, out: &mut Vec<u8>) {
    let mut text = [0; JS_LENGTH];
    match write_unix_millis(millis, &mut text) {
        Some(text) => {
            out.push(b'"');
            out.extend_from_slice(text.as_bytes());
            out.push(b'"');
        }
        None => {
            let formatted = DateTime::from_timestamp_millis(millis)
                .map(|ts| format(&ts.fixed_offset()))
                .unwrap_or_default();
            out.push(b'"');
            out.extend_from_slice(formatted.as_bytes());
            out.push(b'"');
        }
    }
}

fn serialize_instant<S: Serializer>(ts: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
    let mut out = [0; JS_LENGTH];
    match write_js(ts, &mut out) {
        Some(text) => s.serialize_str(text),
        None => s.serialize_str(&format(ts)),
    }
}

/// `serialize_with` helper for a timestamp field.
pub fn serialize<S: Serializer>(ts: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
    serialize_instant(ts, s)
}

/// `serialize_with` helper for an optional timestamp field (`null` when absent).
pub fn serialize_opt<S: Serializer>(ts: &Option<Timestamp>, s: S) -> Result<S::Ok, S::Error> {
    match ts {
        Some(ts) => serialize_instant(ts, s),
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
    fn digit_writer_agrees_with_chrono() {
        let chrono = |ts: &Timestamp| {
            ts.with_timezone(&Utc)
                .to_rfc3339_opts(SecondsFormat::Millis, true)
        };
        for text in [
            "0001-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999999+00:00",
            "2000-02-29T12:34:56.789-09:30",
            "2024-12-31T23:59:59.9999+05:45",
            "9999-12-31T23:59:59.999Z",
            "1900-03-01T00:00:00.001Z",
            "2100-02-28T23:00:00Z",
            "0000-03-01T00:00:00Z",
        ] {
            let ts = DateTime::parse_from_rfc3339(text).unwrap();
            assert_eq!(format(&ts), chrono(&ts), "{text}");
            assert_eq!(
                serde_json::to_string(&Stamp(ts)).unwrap(),
                format!("\"{}\"", chrono(&ts))
            );
            let mut json = Vec::new();
            write_json_millis(ts.timestamp_millis(), &mut json);
            assert_eq!(json, serde_json::to_vec(&Stamp(ts)).unwrap(), "{text}");
        }
        // Years JavaScript writes in the expanded form are left to chrono.
        let far = DateTime::from_timestamp(253_402_300_800 + 86_400 * 400, 0)
            .unwrap()
            .fixed_offset();
        assert_eq!(format(&far), chrono(&far));
        assert!(format(&far).starts_with("+10001-"), "{}", format(&far));
    }

    #[test]
    fn digit_writer_agrees_with_chrono_across_the_years() {
        // From year 0 to 9999 in uneven steps, leap days and millisecond edges included.
        let first = -62_167_219_200_000_i64;
        let last = 253_402_300_799_999_i64;
        let step = (last - first) / 50_000 + 7_919;
        let mut millis = first;
        while millis <= last {
            let ts = DateTime::from_timestamp_millis(millis)
                .unwrap()
                .fixed_offset();
            let expected = ts
                .with_timezone(&Utc)
                .to_rfc3339_opts(SecondsFormat::Millis, true);
            assert_eq!(format(&ts), expected, "{millis}");
            millis += step;
        }
    }

    #[derive(serde::Serialize)]
    struct Stamp(#[serde(serialize_with = "serialize")] Timestamp);

    #[test]
    fn now_has_millisecond_precision() {
        assert_eq!(now().timestamp_subsec_nanos() % 1_000_000, 0);
    }
}
