//! JavaScript number semantics that Medusa's figures depend on.

use serde::Serializer;

/// `Math.round` as JavaScript defines it: the nearest integer, halves toward +∞.
///
/// Differs from [`f64::round`] on negative halves (`js_round(-2.5) == -2.0`), which is why
/// every rounding step of both engines goes through this function.
pub fn js_round(x: f64) -> f64 {
    // floor(x + 0.5) is wrong for 0.49999999999999994 (x + 0.5 rounds up to 1.0 in f64),
    // so take the floor first and compare the remainder, which is exact.
    let floor = x.floor();
    if x - floor >= 0.5 {
        floor + 1.0
    } else {
        floor
    }
}

/// Serializes an f64 the way `JSON.stringify` prints a JavaScript number: integral values
/// without a fraction (`1200`, not `1200.0`), non-finite values as `null`.
pub fn serialize_js_number<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    // Beyond 2^53 an f64 no longer holds every integer; JavaScript prints those with
    // exponents, so only the exact range is written as an integer.
    const EXACT_INTEGER_LIMIT: f64 = 9_007_199_254_740_992.0;
    if !value.is_finite() {
        serializer.serialize_none()
    } else if value.fract() == 0.0 && value.abs() < EXACT_INTEGER_LIMIT {
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}
