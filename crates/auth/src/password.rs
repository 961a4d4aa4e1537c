//! Password hashes: bcrypt for everything we write, and Medusa's scrypt-kdf hashes read so that
//! users of an existing Medusa database keep logging in (and are moved to bcrypt on success).

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use medusa_core::{Error, Result};
use sha2::{Digest, Sha256};

/// How new password hashes are made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PasswordPolicy {
    /// bcrypt work factor (4..=31). Each step doubles the time a hash takes.
    pub bcrypt_cost: u32,
}

impl Default for PasswordPolicy {
    fn default() -> Self {
        Self { bcrypt_cost: 10 }
    }
}

/// The outcome of checking a password against a stored hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordCheck {
    Invalid,
    /// The password matches; `needs_rehash` says the stored hash is in a format we no longer
    /// write (Medusa's scrypt-kdf) and should be replaced with a fresh bcrypt hash.
    Valid {
        needs_rehash: bool,
    },
}

impl PasswordCheck {
    pub fn is_valid(self) -> bool {
        matches!(self, PasswordCheck::Valid { .. })
    }
}

/// Hashes `password` with bcrypt (`$2b$`) at the policy's cost.
pub fn hash_password(password: &str, policy: &PasswordPolicy) -> Result<String> {
    bcrypt::hash(password, policy.bcrypt_cost)
        .map_err(|err| Error::UnexpectedState(format!("could not hash the password: {err}")))
}

/// Checks `password` against a stored hash: bcrypt (`$2a$`, `$2b$`, `$2y$`) or Medusa's
/// base64 scrypt-kdf. An unreadable or unknown stored value never matches.
pub fn verify_password(password: &str, stored: &str) -> PasswordCheck {
    if stored.starts_with("$2") {
        return verify_bcrypt(password, stored);
    }
    match ScryptKdfHash::decode(stored) {
        Some(hash) if hash.matches(password) => PasswordCheck::Valid { needs_rehash: true },
        _ => PasswordCheck::Invalid,
    }
}

/// Runs [`hash_password`] off the async executor: a bcrypt hash takes tens of milliseconds,
/// which would otherwise stall every other request on the same worker.
pub async fn hash_password_blocking(password: String, policy: PasswordPolicy) -> Result<String> {
    tokio::task::spawn_blocking(move || hash_password(&password, &policy))
        .await
        .map_err(|err| Error::UnexpectedState(format!("password hashing task failed: {err}")))?
}

/// Runs [`verify_password`] off the async executor (see [`hash_password_blocking`]).
pub async fn verify_password_blocking(password: String, stored: String) -> Result<PasswordCheck> {
    tokio::task::spawn_blocking(move || verify_password(&password, &stored))
        .await
        .map_err(|err| Error::UnexpectedState(format!("password check task failed: {err}")))
}

/// bcrypt costs above this are refused when verifying: a tampered hash with cost 31 would keep
/// a thread busy for days.
const MAX_BCRYPT_COST: u32 = 16;

fn verify_bcrypt(password: &str, stored: &str) -> PasswordCheck {
    let cost = stored
        .get(4..6)
        .and_then(|digits| digits.parse::<u32>().ok());
    if !matches!(cost, Some(cost) if cost <= MAX_BCRYPT_COST) {
        return PasswordCheck::Invalid;
    }
    match bcrypt::verify(password, stored) {
        Ok(true) => PasswordCheck::Valid {
            needs_rehash: false,
        },
        _ => PasswordCheck::Invalid,
    }
}

/// scrypt-kdf's 96-byte layout (Tarsnap's header format, version 0).
const SCRYPT_HASH_LEN: usize = 96;
const SCRYPT_MAGIC: &[u8] = b"scrypt\0";
/// scrypt parameters above this much memory (128 * r * N bytes) or parallelism are refused,
/// for the same reason as [`MAX_BCRYPT_COST`].
const MAX_SCRYPT_MEMORY: u64 = 256 * 1024 * 1024;
const MAX_SCRYPT_P: u32 = 16;

struct ScryptKdfHash {
    bytes: [u8; SCRYPT_HASH_LEN],
    params: scrypt::Params,
}

impl ScryptKdfHash {
    fn decode(stored: &str) -> Option<Self> {
        let decoded = STANDARD.decode(stored.trim()).ok()?;
        let bytes: [u8; SCRYPT_HASH_LEN] = decoded.try_into().ok()?;
        if &bytes[..7] != SCRYPT_MAGIC {
            return None;
        }
        let log_n = bytes[7];
        let r = u32::from_be_bytes(bytes[8..12].try_into().ok()?);
        let p = u32::from_be_bytes(bytes[12..16].try_into().ok()?);
        let memory = 128u64
            .checked_mul(u64::from(r))?
            .checked_mul(1u64.checked_shl(u32::from(log_n))?)?;
        if memory > MAX_SCRYPT_MEMORY || p > MAX_SCRYPT_P {
            return None;
        }
        // The header checksum tells a corrupted value from a wrong password.
        let checksum = Sha256::digest(&bytes[..48]);
        if checksum[..16] != bytes[48..64] {
            return None;
        }
        let params = scrypt::Params::new(log_n, r, p, 64).ok()?;
        Some(Self { bytes, params })
    }

    fn matches(&self, password: &str) -> bool {
        let salt = &self.bytes[16..48];
        let mut derived = [0u8; 64];
        if scrypt::scrypt(password.as_bytes(), salt, &self.params, &mut derived).is_err() {
            return false;
        }
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&derived[32..]) else {
            return false;
        };
        mac.update(&self.bytes[..64]);
        // `verify_slice` compares in constant time.
        mac.verify_slice(&self.bytes[64..]).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Made by Medusa's own `scrypt-kdf` (`kdf("supersecret", {logN: 1, r: 1, p: 1})`), the
    /// parameters Medusa uses.
    const MEDUSA_SUPERSECRET: &str = "c2NyeXB0AAEAAAABAAAAATzicA1tsnhADBUeBLbGKTqmyoccCcUOhazN+jHeebG8HcJMEUEX7N7X2rSG9uqFAtg2E0b6QZpO6xiD+rciWjZJ2JyZqdNy2bHxSD6Um6db";
    /// The seeded admin of the reference Medusa database (password `supersecret`).
    const REFERENCE_ADMIN: &str = "c2NyeXB0AAEAAAABAAAAARYRPwnkim/W5XsCV7qdqfFH3wwqKX7jhK6pFArNd22Ph17/exXbWaV45nx7/+aGLbrUfJfx1nduwlOXwBhosQgZxUpS0OsAJOFu8XlQge8M";
    /// `scrypt-kdf` with other parameters (`kdf("pässwörd", {logN: 10, r: 8, p: 2})`), proving
    /// they are read from the header.
    const OTHER_PARAMS: &str = "c2NyeXB0AAoAAAAIAAAAAmLAZaXZ7bJvP9bisztp06EjiW3Om48IX94m+/NhVkkFUtcnEIbw1123Lx6NDz5r6JDpD0bKoV1WNdmCqIfI5wmgivohTDzY59DMpF7sbeEu";

    const REHASH: PasswordCheck = PasswordCheck::Valid { needs_rehash: true };

    #[test]
    fn verifies_medusa_scrypt_hashes() {
        assert_eq!(verify_password("supersecret", MEDUSA_SUPERSECRET), REHASH);
        assert_eq!(verify_password("supersecret", REFERENCE_ADMIN), REHASH);
        assert_eq!(verify_password("pässwörd", OTHER_PARAMS), REHASH);
    }

    #[test]
    fn rejects_wrong_passwords_for_scrypt_hashes() {
        assert_eq!(
            verify_password("supersecreT", MEDUSA_SUPERSECRET),
            PasswordCheck::Invalid
        );
        assert_eq!(verify_password("", REFERENCE_ADMIN), PasswordCheck::Invalid);
        assert_eq!(
            verify_password("passwörd", OTHER_PARAMS),
            PasswordCheck::Invalid
        );
    }

    #[test]
    fn rejects_corrupted_or_unknown_hashes() {
        let mut bytes = STANDARD.decode(MEDUSA_SUPERSECRET).unwrap();
        // A flipped salt byte breaks the header checksum.
        bytes[20] ^= 1;
        assert_eq!(
            verify_password("supersecret", &STANDARD.encode(&bytes)),
            PasswordCheck::Invalid
        );
        // A flipped MAC byte: checksum fine, MAC wrong.
        let mut bytes = STANDARD.decode(MEDUSA_SUPERSECRET).unwrap();
        bytes[90] ^= 1;
        assert_eq!(
            verify_password("supersecret", &STANDARD.encode(&bytes)),
            PasswordCheck::Invalid
        );
        for stored in [
            "",
            "supersecret",
            "c2NyeXB0",
            "$2b$10$short",
            "!!!not base64!!!",
        ] {
            assert_eq!(
                verify_password("supersecret", stored),
                PasswordCheck::Invalid,
                "{stored}"
            );
        }
    }

    #[test]
    fn refuses_scrypt_parameters_that_would_exhaust_memory() {
        let mut bytes = STANDARD.decode(MEDUSA_SUPERSECRET).unwrap();
        bytes[7] = 40;
        let checksum = Sha256::digest(&bytes[..48]);
        bytes[48..64].copy_from_slice(&checksum[..16]);
        assert!(ScryptKdfHash::decode(&STANDARD.encode(&bytes)).is_none());
    }

    #[test]
    fn bcrypt_round_trip() {
        let policy = PasswordPolicy { bcrypt_cost: 4 };
        let hash = hash_password("correct horse", &policy).unwrap();
        assert!(hash.starts_with("$2b$04$"), "{hash}");
        assert_eq!(
            verify_password("correct horse", &hash),
            PasswordCheck::Valid {
                needs_rehash: false
            }
        );
        assert_eq!(
            verify_password("correct hors", &hash),
            PasswordCheck::Invalid
        );
        // Salted: the same password never hashes the same twice.
        assert_ne!(hash, hash_password("correct horse", &policy).unwrap());
    }

    #[test]
    fn accepts_other_bcrypt_prefixes() {
        // The same hash under the prefixes other bcrypt implementations write (OpenBSD, PHP).
        let hash = hash_password("secret", &PasswordPolicy { bcrypt_cost: 4 }).unwrap();
        for prefix in ["$2a$", "$2y$"] {
            let other = format!("{prefix}{}", &hash[4..]);
            assert!(verify_password("secret", &other).is_valid(), "{other}");
        }
    }

    #[test]
    fn refuses_absurd_bcrypt_costs() {
        let hash = hash_password("secret", &PasswordPolicy { bcrypt_cost: 4 }).unwrap();
        let expensive = format!("$2b$31${}", &hash[7..]);
        assert_eq!(
            verify_password("secret", &expensive),
            PasswordCheck::Invalid
        );
    }

    #[test]
    fn default_cost_is_ten() {
        assert_eq!(PasswordPolicy::default().bcrypt_cost, 10);
    }

    #[test]
    fn invalid_cost_is_an_error_not_a_panic() {
        assert!(hash_password("x", &PasswordPolicy { bcrypt_cost: 2 }).is_err());
    }
}
