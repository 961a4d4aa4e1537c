//! Expiring download links: an HMAC-SHA256 over the key and the expiry time, so a link cannot
//! be altered to reach another file or to live longer.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::digest::KeyInit;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256, Sha512};

use crate::error::FileError;

type HmacSha256 = Hmac<Sha256>;

#[derive(Clone)]
pub struct DownloadSigner {
    /// The keyed MAC, ready to be cloned per link.
    mac: HmacSha256,
    /// How long a link is valid, in seconds.
    pub ttl_seconds: i64,
}

impl std::fmt::Debug for DownloadSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DownloadSigner")
            .field("ttl_seconds", &self.ttl_seconds)
            .finish_non_exhaustive()
    }
}

impl DownloadSigner {
    pub fn new(secret: &[u8], ttl_seconds: i64) -> Self {
        // SHA-512 yields exactly one SHA-256 block, HMAC's key size, from a secret of any
        // length; hashing also separates this key from other uses of the same secret.
        let mut derive = Sha512::new();
        derive.update(b"medusa-file-download-key\n");
        derive.update(secret);
        Self {
            mac: <HmacSha256 as KeyInit>::new(&derive.finalize()),
            ttl_seconds,
        }
    }

    fn mac(&self, key: &str, expires: i64) -> HmacSha256 {
        let mut mac = self.mac.clone();
        mac.update(b"medusa-file-download\n");
        mac.update(key.as_bytes());
        mac.update(b"\n");
        mac.update(expires.to_string().as_bytes());
        mac
    }

    /// The signature of a link to `key` valid until `expires` (epoch seconds).
    pub fn sign(&self, key: &str, expires: i64) -> String {
        URL_SAFE_NO_PAD.encode(self.mac(key, expires).finalize().into_bytes())
    }

    /// Checks a link's signature (in constant time) and that it has not expired at `now`.
    pub fn verify(
        &self,
        key: &str,
        expires: i64,
        signature: &str,
        now: i64,
    ) -> Result<(), FileError> {
        let given = URL_SAFE_NO_PAD
            .decode(signature)
            .map_err(|_| FileError::BadLink)?;
        self.mac(key, expires)
            .verify_slice(&given)
            .map_err(|_| FileError::BadLink)?;
        if now > expires {
            return Err(FileError::BadLink);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_verify_until_they_expire() {
        let signer = DownloadSigner::new(b"secret", 60);
        let signature = signer.sign("1-a.csv", 1_000);
        assert!(signer.verify("1-a.csv", 1_000, &signature, 999).is_ok());
        assert!(signer.verify("1-a.csv", 1_000, &signature, 1_000).is_ok());
        assert!(signer.verify("1-a.csv", 1_000, &signature, 1_001).is_err());
    }

    #[test]
    fn altered_links_fail() {
        let signer = DownloadSigner::new(b"secret", 60);
        let signature = signer.sign("1-a.csv", 1_000);
        assert!(signer.verify("1-b.csv", 1_000, &signature, 0).is_err());
        assert!(signer.verify("1-a.csv", 2_000, &signature, 0).is_err());
        assert!(signer.verify("1-a.csv", 1_000, "not base64!", 0).is_err());
        let other = DownloadSigner::new(b"other", 60);
        assert!(other.verify("1-a.csv", 1_000, &signature, 0).is_err());
    }
}
