//! JavaScript's `new Date(text)` as Node's V8 reads the forms people type in a query string.
//!
//! Medusa turns every date filter value into `new Date(value)` (or, when that is invalid,
//! `new Date(Number(value) * 1000)`), so `deleted_at[gt]=01-26-1990`, `Jan 26 1990` or
//! `1700000000` are valid filters there. Two grammars are read: the ECMAScript ISO format
//! (a date alone is UTC) and V8's legacy one (US month-day-year order, month names, 12-hour
//! clocks, `GMT`/`UTC` and numeric offsets). A time without an offset is read as UTC, the
//! time zone Medusa servers run in.

use chrono::{DateTime, Duration, NaiveDate, Utc};

/// The instant `new Date(text)` gives, or `None` where JavaScript's is invalid.
pub fn parse(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    iso(text).or_else(|| legacy(text))
}

/// `Number(text)` for the forms a query value takes, or `None` where it is `NaN`.
pub fn number(text: &str) -> Option<f64> {
    let text = text.trim();
    let value = match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        Some(hex) => u64::from_str_radix(hex, 16).ok()? as f64,
        None if text
            .chars()
            .all(|c| c.is_ascii_digit() || "+-.eE".contains(c)) =>
        {
            text.parse().ok()?
        }
        None => return None,
    };
    value.is_finite().then_some(value)
}

/// Calendar fields, checked the way V8 checks them: months 1-12, days 1-31 (a day past the
/// month's end rolls into the next month), hours up to 24:00.
struct Fields {
    year: i32,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
    millis: u32,
    /// Minutes east of UTC.
    offset: i32,
}

impl Fields {
    fn instant(&self) -> Option<DateTime<Utc>> {
        let valid_time = self.minute < 60
            && self.second < 60
            && (self.hour < 24
                || (self.hour == 24 && self.minute + self.second + self.millis == 0));
        if !(1..=12).contains(&self.month) || !(1..=31).contains(&self.day) || !valid_time {
            return None;
        }
        let first = NaiveDate::from_ymd_opt(self.year, self.month, 1)?;
        let local = first.and_hms_opt(0, 0, 0)?
            + Duration::days(i64::from(self.day) - 1)
            + Duration::hours(i64::from(self.hour))
            + Duration::minutes(i64::from(self.minute) - i64::from(self.offset))
            + Duration::seconds(i64::from(self.second))
            + Duration::milliseconds(i64::from(self.millis));
        Some(local.and_utc())
    }
}

fn digits(text: &str, len: usize) -> Option<u32> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// `YYYY[-MM[-DD]][THH:mm[:ss[.sss]][Z|±HH:mm]]`, years also as `±YYYYYY`.
fn iso(text: &str) -> Option<DateTime<Utc>> {
    let (date, time) = match text.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (text, None),
    };
    let (year, rest) = match date.as_bytes().first()? {
        b'+' | b'-' => {
            let year = digits(date.get(1..7)?, 6)? as i32;
            let year = if date.starts_with('-') { -year } else { year };
            (year, &date[7..])
        }
        _ => (digits(date.get(..4)?, 4)? as i32, &date[4..]),
    };
    let mut parts = rest.split('-').skip(1);
    if !rest.is_empty() && !rest.starts_with('-') {
        return None;
    }
    let month = parts.next().map(|m| digits(m, 2)).unwrap_or(Some(1))?;
    let day = parts.next().map(|d| digits(d, 2)).unwrap_or(Some(1))?;
    if parts.next().is_some() {
        return None;
    }
    let mut fields = Fields {
        year,
        month,
        day,
        hour: 0,
        minute: 0,
        second: 0,
        millis: 0,
        offset: 0,
    };
    if let Some(time) = time {
        let (clock, offset) = split_iso_offset(time)?;
        fields.offset = offset;
        let (hms, fraction) = match clock.split_once('.') {
            Some((hms, fraction)) => (hms, Some(fraction)),
            None => (clock, None),
        };
        let mut hms = hms.split(':');
        fields.hour = digits(hms.next()?, 2)?;
        fields.minute = digits(hms.next()?, 2)?;
        fields.second = hms.next().map(|s| digits(s, 2)).unwrap_or(Some(0))?;
        if hms.next().is_some() {
            return None;
        }
        if let Some(fraction) = fraction {
            fields.millis = millis(fraction)?;
        }
    }
    fields.instant()
}

fn split_iso_offset(time: &str) -> Option<(&str, i32)> {
    if let Some(clock) = time.strip_suffix('Z') {
        return Some((clock, 0));
    }
    match time.rfind(['+', '-']) {
        Some(at) => {
            let (clock, offset) = time.split_at(at);
            let (hours, minutes) = offset[1..].split_once(':')?;
            let minutes = (digits(hours, 2)? * 60 + digits(minutes, 2)?) as i32;
            Some((
                clock,
                if offset.starts_with('-') {
                    -minutes
                } else {
                    minutes
                },
            ))
        }
        None => Some((time, 0)),
    }
}

/// Fractional seconds to milliseconds, truncating past the third digit as V8 does.
fn millis(fraction: &str) -> Option<u32> {
    if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let padded = format!("{:0<3}", &fraction[..fraction.len().min(3)]);
    padded.parse().ok()
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

#[derive(Debug, Clone, PartialEq)]
enum Token<'a> {
    Number(&'a str),
    Word(String),
    Symbol(char),
}

fn tokens(text: &str) -> Option<Vec<Token<'_>>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let len = if c.is_ascii_digit() {
            let len = rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
            out.push(Token::Number(&rest[..len]));
            len
        } else if c.is_ascii_alphabetic() {
            let len = rest
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(rest.len());
            out.push(Token::Word(rest[..len].to_ascii_lowercase()));
            len
        } else if c == '(' {
            // A parenthesised comment, as in `Date.prototype.toString`'s zone name.
            rest.find(')')? + 1
        } else if c.is_whitespace() || c == ',' {
            c.len_utf8()
        } else if ":./-+".contains(c) {
            out.push(Token::Symbol(c));
            1
        } else {
            return None;
        };
        rest = &rest[len..];
    }
    Some(out)
}

/// V8's fallback grammar, for the forms its own tests and browsers' users write.
fn legacy(text: &str) -> Option<DateTime<Utc>> {
    let tokens = tokens(text)?;
    let mut numbers: Vec<&str> = Vec::new();
    let mut named_month = None;
    let mut clock: Vec<&str> = Vec::new();
    let mut millis_text = None;
    let mut meridiem = None;
    let mut offset = None;
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Number(n) if tokens.get(i + 1) == Some(&Token::Symbol(':')) => {
                // A clock: H:M[:S[.fff]].
                clock.push(n);
                i += 1;
                while tokens.get(i) == Some(&Token::Symbol(':')) {
                    match tokens.get(i + 1) {
                        Some(Token::Number(n)) => clock.push(n),
                        _ => return None,
                    }
                    i += 2;
                }
                if tokens.get(i) == Some(&Token::Symbol('.')) {
                    match tokens.get(i + 1) {
                        Some(Token::Number(n)) => millis_text = Some(*n),
                        _ => return None,
                    }
                    i += 2;
                }
                continue;
            }
            Token::Number(n) => numbers.push(n),
            Token::Symbol(sign @ ('+' | '-')) if !clock.is_empty() || offset.is_some() => {
                let Some(Token::Number(n)) = tokens.get(i + 1) else {
                    return None;
                };
                let mut minutes = match n.len() {
                    1 | 2 => n.parse::<i32>().ok()? * 60,
                    4 => n[..2].parse::<i32>().ok()? * 60 + n[2..].parse::<i32>().ok()?,
                    _ => return None,
                };
                i += 2;
                if let (Some(Token::Symbol(':')), Some(Token::Number(m))) =
                    (tokens.get(i), tokens.get(i + 1))
                {
                    minutes += m.parse::<i32>().ok()?;
                    i += 2;
                }
                offset = Some(if *sign == '-' { -minutes } else { minutes });
                continue;
            }
            Token::Symbol(_) => {}
            Token::Word(word) => match word.as_str() {
                "am" | "pm" => meridiem = Some(word.clone()),
                "utc" | "gmt" | "ut" | "z" => offset = Some(0),
                "t" if !numbers.is_empty() => {}
                word if word.len() >= 3 => {
                    if let Some(m) = MONTHS.iter().position(|m| word.starts_with(m)) {
                        named_month = Some(m as u32 + 1);
                    } else if !WEEKDAYS.iter().any(|d| word.starts_with(d)) {
                        return None;
                    }
                }
                _ => return None,
            },
        }
        i += 1;
    }

    let (year_text, month, day) = compose_day(&numbers, named_month)?;
    let mut year: i32 = year_text.parse().ok()?;
    if year_text.len() <= 2 {
        year += if year < 50 { 2000 } else { 1900 };
    }
    let number = |n: Option<&&str>| n.map(|n| n.parse().ok()).unwrap_or(Some(0));
    let mut hour = number(clock.first())?;
    match meridiem.as_deref() {
        Some(_) if hour > 12 => return None,
        Some("pm") => hour = hour % 12 + 12,
        Some(_) => hour %= 12,
        None => {}
    }
    Fields {
        year,
        month,
        day,
        hour,
        minute: number(clock.get(1))?,
        second: number(clock.get(2))?,
        millis: millis_text.map(millis).unwrap_or(Some(0))?,
        offset: offset.unwrap_or(0),
    }
    .instant()
}

/// Which number is the year, month and day: with a month name, the day and year in either
/// order (a number over 31 or of three digits or more is the year); without one, `Y M D`
/// when the first number is year-like, else the US `M D Y`.
fn compose_day<'a>(numbers: &[&'a str], named_month: Option<u32>) -> Option<(&'a str, u32, u32)> {
    let year_like = |n: &str| n.len() >= 3 || n.parse::<u32>().is_ok_and(|v| v > 31);
    let value = |n: &str| n.parse::<u32>().ok();
    match (named_month, numbers) {
        (Some(month), [year]) if year_like(year) => Some((year, month, 1)),
        (Some(month), [first, second]) if year_like(first) => Some((first, month, value(second)?)),
        (Some(month), [day, year]) => Some((year, month, value(day)?)),
        // A lone number is a year, up to the last one a JavaScript date can hold.
        (None, [year]) if value(year)? <= 275_760 => Some((year, 1, 1)),
        (None, [first, month, day]) if year_like(first) => {
            Some((first, value(month)?, value(day)?))
        }
        (None, [month, day, year]) => Some((year, value(month)?, value(day)?)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{number, parse};

    /// Each row is what Node 20's `new Date(text).toISOString()` printed, in UTC (years past
    /// 9999 in chrono's spelling, `+12345` for Node's `+012345`).
    #[test]
    fn dates_read_as_node_reads_them() {
        let cases: &[(&str, Option<&str>)] = &[
            ("1990-01-26", Some("1990-01-26T00:00:00.000Z")),
            ("1990-01", Some("1990-01-01T00:00:00.000Z")),
            ("1990", Some("1990-01-01T00:00:00.000Z")),
            ("+002000-01-02", Some("2000-01-02T00:00:00.000Z")),
            ("1990-01-26T10:00:00.000Z", Some("1990-01-26T10:00:00.000Z")),
            ("1990-01-26T10:00Z", Some("1990-01-26T10:00:00.000Z")),
            (
                "1990-01-26T10:00:00+02:00",
                Some("1990-01-26T08:00:00.000Z"),
            ),
            ("2000-01-02T03:04:05.678", Some("2000-01-02T03:04:05.678Z")),
            (
                "2000-01-02T03:04:05.678+01:00",
                Some("2000-01-02T02:04:05.678Z"),
            ),
            ("2000-01-02T24:00", Some("2000-01-03T00:00:00.000Z")),
            ("2024-02-30", Some("2024-03-01T00:00:00.000Z")),
            ("1990-13-01", None),
            (" 2000-01-02 ", Some("2000-01-02T00:00:00.000Z")),
            ("01-26-1990", Some("1990-01-26T00:00:00.000Z")),
            ("10-10-2005", Some("2005-10-10T00:00:00.000Z")),
            ("02-30-2024", Some("2024-03-01T00:00:00.000Z")),
            ("01-26-1990 10:20:30", Some("1990-01-26T10:20:30.000Z")),
            ("1990/01/26", Some("1990-01-26T00:00:00.000Z")),
            ("2005-1-5", Some("2005-01-05T00:00:00.000Z")),
            ("1/2/2000", Some("2000-01-02T00:00:00.000Z")),
            ("1/26/90", Some("1990-01-26T00:00:00.000Z")),
            ("2000/1/2 3:04", Some("2000-01-02T03:04:00.000Z")),
            ("1990-01-26 10:00", Some("1990-01-26T10:00:00.000Z")),
            ("2000-01-02 03:04:05.6789", Some("2000-01-02T03:04:05.678Z")),
            ("1990 01 26", Some("1990-01-26T00:00:00.000Z")),
            ("5.1.2000", Some("2000-05-01T00:00:00.000Z")),
            ("26.1.1990", None),
            ("13/01/2000", None),
            ("Jan 26 1990", Some("1990-01-26T00:00:00.000Z")),
            ("26 Jan 1990", Some("1990-01-26T00:00:00.000Z")),
            ("26 January 1990", Some("1990-01-26T00:00:00.000Z")),
            ("Tue Jan 26 1990", Some("1990-01-26T00:00:00.000Z")),
            ("Jan 2000", Some("2000-01-01T00:00:00.000Z")),
            ("2000 Jan 5", Some("2000-01-05T00:00:00.000Z")),
            ("Jan 32 2000", None),
            ("January 26, 1990 10:00", Some("1990-01-26T10:00:00.000Z")),
            ("Jan 26, 1990 10:00 PM", Some("1990-01-26T22:00:00.000Z")),
            ("Jan 26 1990 12:00 AM", Some("1990-01-26T00:00:00.000Z")),
            (
                "Mon, 26 Jan 1990 10:00:00 GMT",
                Some("1990-01-26T10:00:00.000Z"),
            ),
            ("1/26/1990 10:00:00 GMT", Some("1990-01-26T10:00:00.000Z")),
            ("1/26/1990 10:00 +0100", Some("1990-01-26T09:00:00.000Z")),
            ("1/26/1990 10:00 UTC+1", Some("1990-01-26T09:00:00.000Z")),
            ("01/26/1990 GMT+0200", Some("1990-01-25T22:00:00.000Z")),
            (
                "Fri Jan 26 1990 10:00:00 GMT+0000 (Coordinated Universal Time)",
                Some("1990-01-26T10:00:00.000Z"),
            ),
            ("12345", Some("+12345-01-01T00:00:00.000Z")),
            ("0", Some("2000-01-01T00:00:00.000Z")),
            ("99", Some("1999-01-01T00:00:00.000Z")),
            ("abc", None),
            ("1700000000", None),
        ];
        for (text, expected) in cases {
            let parsed = parse(text).map(|d| d.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string());
            assert_eq!(parsed.as_deref(), *expected, "new Date({text:?})");
        }
    }

    #[test]
    fn numbers_read_as_javascript_number() {
        let cases: &[(&str, Option<f64>)] = &[
            ("1700000000", Some(1_700_000_000.0)),
            ("1e3", Some(1000.0)),
            ("0x10", Some(16.0)),
            ("1.5", Some(1.5)),
            ("abc", None),
            ("1/2", None),
        ];
        for (text, expected) in cases {
            assert_eq!(number(text), *expected, "Number({text:?})");
        }
    }
}
