//! Medusa's CSV conventions: `;` between cells, `\r\n` after each line, a cell quoted only
//! when it holds a line break, a comma or a semicolon (its quotes then doubled), and amounts
//! humanized (minor units / 100, or / 1 in zero-decimal currencies) on the way out and
//! computerized (`round(x * 100)`) on the way in. On the way in, a text cell is also read
//! as Medusa's parser (papaparse with `dynamicTyping`) reads it (`typed_text`).

use std::borrow::Cow;
use std::sync::LazyLock;

use medusa_core::number::js_text;
use regex::Regex;

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
    js_text(amount as f64 / divisor(currency))
}

/// An amount read from the CSV in minor units (`computerizeAmount`).
pub fn computerize(amount: f64, currency: &str) -> i64 {
    // JavaScript's Math.round: halves round up.
    (amount * divisor(currency) + 0.5).floor() as i64
}

/// papaparse's `FLOAT`: what `dynamicTyping` reads as a number.
static FLOAT: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^\s*-?(\d+\.?|\.\d+|\d+\.\d+)([eE][-+]?\d+)?\s*$").ok());

/// papaparse's bound on those numbers (`2^53`, exclusive).
const MAX_FLOAT: f64 = 9_007_199_254_740_992.0;

/// A text cell as Medusa stores it: its parser types every cell (`true`/`TRUE` and
/// `false`/`FALSE` become booleans, a number-looking cell a JavaScript number), and the
/// value is then written to a text column as JavaScript prints it: `9405.10` is stored
/// `9405.1`, `007` is `7`, `TRUE` is `true`. (A cell shaped like an ISO date-time would
/// become a `Date`; that one is kept as written.)
pub fn typed_text(cell: &str) -> Cow<'_, str> {
    match cell {
        "true" | "TRUE" => return Cow::Borrowed("true"),
        "false" | "FALSE" => return Cow::Borrowed("false"),
        _ => {}
    }
    let looks_numeric = FLOAT.as_ref().is_some_and(|float| float.is_match(cell));
    match cell.trim().parse::<f64>() {
        Ok(number) if looks_numeric && number.abs() < MAX_FLOAT => {
            // JavaScript prints -0 as 0.
            Cow::Owned(js_text(if number == 0.0 { 0.0 } else { number }))
        }
        _ => Cow::Borrowed(cell),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cells_are_typed_as_medusas_parser_types_them() {
        let cases = [
            ("9405.10", "9405.1"),
            ("007", "7"),
            ("25", "25"),
            ("-0", "0"),
            ("1e3", "1000"),
            (" 12 ", "12"),
            ("12.", "12"),
            (".5", "0.5"),
            ("TRUE", "true"),
            ("False", "False"),
            ("9007199254740993", "9007199254740993"),
            ("1.2.3", "1.2.3"),
            ("0x10", "0x10"),
            ("12abc", "12abc"),
            ("REF-MUG", "REF-MUG"),
            ("inf", "inf"),
            ("NaN", "NaN"),
            ("2024-01-01T10:00:00Z", "2024-01-01T10:00:00Z"),
        ];
        for (cell, expected) in cases {
            assert_eq!(typed_text(cell), expected, "{cell:?}");
        }
    }

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
