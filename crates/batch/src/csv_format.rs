//! Medusa's CSV conventions: `;` between cells, `\r\n` after each line, a cell quoted only
//! when it holds a line break, a comma or a semicolon (its quotes then doubled), and amounts
//! humanized (minor units / 100, or / 1 in zero-decimal currencies) on the way out and
//! computerized (`round(x * 100)`) on the way in.

/// Between two cells of a line.
pub const DELIMITER: &str = ";";
/// After each line, the header's too.
pub const NEWLINE: &str = "\r\n";

/// The currencies whose amounts have no minor unit (`medusa-core-utils`).
const ZERO_DECIMAL_CURRENCIES: &[&str] = &[
    "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv",
    "xaf", "xof", "xpf",
];

fn divisor(currency: &str) -> f64 {
    if ZERO_DECIMAL_CURRENCIES.contains(&currency.to_ascii_lowercase().as_str()) {
        1.0
    } else {
        100.0
    }
}

/// A cell as Medusa's `csvCellContentFormatter` writes it.
pub fn cell(text: &str) -> String {
    if !text.contains(['\n', ',', ';']) {
        return text.to_owned();
    }
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// One line: the cells formatted, joined and terminated.
pub fn line<S: AsRef<str>>(cells: &[S]) -> String {
    let mut out = String::new();
    for (index, text) in cells.iter().enumerate() {
        if index > 0 {
            out.push_str(DELIMITER);
        }
        out.push_str(&cell(text.as_ref()));
    }
    out.push_str(NEWLINE);
    out
}

/// An amount in minor units as the CSV shows it (`humanizeAmount`, printed as JavaScript
/// prints a number: `12`, `12.5`).
pub fn humanize(amount: i64, currency: &str) -> String {
    js_number(amount as f64 / divisor(currency))
}

/// An amount read from the CSV in minor units (`computerizeAmount`).
pub fn computerize(amount: f64, currency: &str) -> i64 {
    // JavaScript's Math.round: halves round up.
    (amount * divisor(currency) + 0.5).floor() as i64
}

/// A number as JavaScript's `toString` prints it (integers without a fraction).
pub fn js_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e21 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_as_medusa_quotes_them() {
        let cases = [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("a;b", "\"a;b\""),
            ("two\nlines \"x\"", "\"two\nlines \"\"x\"\"\""),
            ("only \"quotes\"", "only \"quotes\""),
            ("", ""),
        ];
        for (text, expected) in cases {
            assert_eq!(cell(text), expected, "{text:?}");
        }
    }

    #[test]
    fn amounts_round_trip() {
        assert_eq!(humanize(4450, "usd"), "44.5");
        assert_eq!(humanize(2500, "EUR"), "25");
        assert_eq!(humanize(1000, "jpy"), "1000");
        assert_eq!(computerize(44.5, "usd"), 4450);
        assert_eq!(computerize(19.99, "eur"), 1999);
        assert_eq!(computerize(1000.0, "jpy"), 1000);
        assert_eq!(line(&["a", "b;c", ""]), "a;\"b;c\";\r\n");
    }
}
