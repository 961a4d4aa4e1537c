//! ISO 8601 durations as Medusa reads them: its validator's pattern and the
//! `iso8601-duration` package's seconds (a year of 365 days, a month of 30).

/// Medusa's ISO 8601 duration pattern:
/// `^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$`.
pub fn is_iso_duration(text: &str) -> bool {
    duration_seconds(text).is_some()
}

/// The seconds of an ISO 8601 duration as the `iso8601-duration` package counts them
/// (a year of 365 days, a month of 30), or `None` when Medusa's pattern refuses it.
pub fn duration_seconds(text: &str) -> Option<f64> {
    let rest = text.strip_prefix('P')?;
    if rest.is_empty() {
        return None;
    }
    let (date_part, time_part) = match rest.split_once('T') {
        Some((d, t)) => {
            if !t.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            (d, Some(t))
        }
        None => (rest, None),
    };
    let mut seconds = 0.0;
    seconds += units(
        date_part,
        &[
            ('Y', 31_536_000.0),
            ('M', 2_592_000.0),
            ('W', 604_800.0),
            ('D', 86_400.0),
        ],
    )?;
    if let Some(time) = time_part {
        seconds += units(time, &[('H', 3600.0), ('M', 60.0), ('S', 1.0)])?;
    }
    Some(seconds)
}

/// `\d+U` groups in the order of `units`, each at most once.
fn units(mut text: &str, units: &[(char, f64)]) -> Option<f64> {
    let mut total = 0.0;
    for (unit, factor) in units {
        let digits = text.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 {
            continue;
        }
        if text[digits..].starts_with(*unit) {
            let n: f64 = text[..digits].parse().ok()?;
            total += n * factor;
            text = &text[digits + 1..];
        }
    }
    text.is_empty().then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(duration_seconds("P1D"), Some(86_400.0));
        assert_eq!(
            duration_seconds("P1Y2M3DT4H5M6S"),
            Some(
                31_536_000.0 + 2.0 * 2_592_000.0 + 3.0 * 86_400.0 + 4.0 * 3600.0 + 5.0 * 60.0 + 6.0
            )
        );
        assert_eq!(duration_seconds("PT"), None);
        assert_eq!(duration_seconds("P"), None);
        assert_eq!(duration_seconds("P1H"), None);
        assert_eq!(duration_seconds("xx"), None);
    }
}
