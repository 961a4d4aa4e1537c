//! JavaScript numbers written into integer columns, failing as Medusa (or PostgreSQL) does.

use super::*;

/// A JavaScript number written into an `integer` column of a product, or of a variant being
/// updated. Medusa's validators accept any number there and PostgreSQL's rejection becomes
/// its 500; here it is the client's error, naming the property.
pub(super) fn int_column(value: f64, column: &str) -> Result<i32> {
    if value.fract() != 0.0 {
        Err(Error::invalid_data(format!(
            "{column} must be an integer number"
        )))
    } else if value > f64::from(i32::MAX) {
        Err(Error::invalid_data(format!(
            "{column} must not be greater than {}",
            i32::MAX
        )))
    } else if value < f64::from(i32::MIN) {
        Err(Error::invalid_data(format!(
            "{column} must not be less than {}",
            i32::MIN
        )))
    } else {
        // Whole and in range, so the conversion is exact.
        Ok(value as i32)
    }
}

pub(super) fn opt_int_column(value: Option<f64>, column: &str) -> Result<Option<i32>> {
    value.map(|value| int_column(value, column)).transpose()
}

/// A JavaScript number written into an `integer` column of a new variant. Medusa's variant
/// creation transaction answers PostgreSQL's own message there (as `invalid_data`, with the
/// transaction's appended message), so it is reproduced: PostgreSQL reads the number's text
/// (as JavaScript writes it) digit by digit, so an overflowing integer part is out of range
/// whatever follows it, and anything after the integer part is invalid syntax.
pub(super) fn new_variant_int_column(value: f64) -> Result<i32> {
    let text = medusa_core::number::js_text(value);
    let integer_end = text
        .char_indices()
        .find(|&(at, c)| !(c.is_ascii_digit() || (at == 0 && c == '-')))
        .map_or(text.len(), |(at, _)| at);
    match text[..integer_end].parse::<i32>() {
        Err(_) => Err(Error::invalid_data(format!(
            "value \"{text}\" is out of range for type integer"
        ))),
        Ok(_) if integer_end < text.len() => Err(Error::invalid_data(format!(
            "invalid input syntax for type integer: \"{text}\""
        ))),
        Ok(integer) => Ok(integer),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(result: Result<i32>) -> String {
        match result {
            Ok(value) => format!("ok {value}"),
            Err(err) => err.to_string(),
        }
    }

    #[test]
    fn new_variant_integers_fail_as_postgresql_reads_them() {
        let syntax = |text: &str| format!("invalid input syntax for type integer: \"{text}\"");
        let range = |text: &str| format!("value \"{text}\" is out of range for type integer");
        let cases = [
            (7.0, "ok 7".to_owned()),
            (-2147483648.0, "ok -2147483648".to_owned()),
            (3.25, syntax("3.25")),
            (-0.5, syntax("-0.5")),
            (2147483647.5, syntax("2147483647.5")),
            (1e21, syntax("1e+21")),
            (1.5e-7, syntax("1.5e-7")),
            (1e10, range("10000000000")),
            (-3e9, range("-3000000000")),
            (3000000000.5, range("3000000000.5")),
        ];
        for (value, expected) in cases {
            assert_eq!(message(new_variant_int_column(value)), expected, "{value}");
        }
    }

    #[test]
    fn product_integers_name_their_column() {
        assert_eq!(message(int_column(12.0, "weight")), "ok 12");
        assert_eq!(
            message(int_column(1.5, "weight")),
            "weight must be an integer number"
        );
        assert_eq!(
            message(int_column(1e10, "length")),
            "length must not be greater than 2147483647"
        );
        assert_eq!(
            message(int_column(-3e9, "inventory_quantity")),
            "inventory_quantity must not be less than -2147483648"
        );
    }
}
