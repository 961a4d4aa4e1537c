//! Entity ids as Medusa makes them: `<prefix>_<ULID>`.

/// A new id for an entity whose Medusa prefix is `prefix` (`usr`, `prod`, `invite`, ...).
///
/// The ULID part is 26 upper-case Crockford base32 characters whose first ten encode the
/// creation time in milliseconds, so ids sort roughly by creation like Medusa's.
pub fn generate_id(prefix: &str) -> String {
    format!("{prefix}_{}", ulid::Ulid::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_has_prefix_and_ulid() {
        let id = generate_id("usr");
        let (prefix, ulid) = id.split_once('_').unwrap_or_default();
        assert_eq!(prefix, "usr");
        assert_eq!(ulid.len(), 26);
        assert!(ulid
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()));
        assert!(ulid::Ulid::from_string(ulid).is_ok());
    }
}
