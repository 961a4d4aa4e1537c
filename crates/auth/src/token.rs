//! Signed tokens: admin access tokens (`POST /admin/auth/token`), password reset tokens and
//! invite tokens, all HS256 JWTs shaped as Medusa makes them so that tokens issued by Medusa
//! stay valid here and the other way round.

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use medusa_core::{Error, Result};
use serde::{Deserialize, Serialize};

/// How long an admin access token is valid (Medusa: `expiresIn: "24h"`).
pub const ADMIN_TOKEN_TTL_SECONDS: i64 = 24 * 60 * 60;
/// How long a password reset token is valid (Medusa: 15 minutes).
pub const PASSWORD_RESET_TTL_SECONDS: i64 = 15 * 60;

/// The keys derived from `JWT_SECRET`; used for admin access tokens and invite tokens.
#[derive(Clone)]
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
}

impl JwtKeys {
    pub fn new(secret: impl AsRef<[u8]>) -> Self {
        let secret = secret.as_ref();
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
        }
    }
}

impl std::fmt::Debug for JwtKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JwtKeys(..)")
    }
}

/// The claims of an admin access token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminClaims {
    pub user_id: String,
    pub domain: String,
    pub iat: i64,
    pub exp: i64,
}

const ADMIN_DOMAIN: &str = "admin";

/// Issues an admin access token for `user_id`, valid for 24 hours.
pub fn issue_admin_token(keys: &JwtKeys, user_id: &str) -> Result<String> {
    let iat = unix_now();
    let claims = AdminClaims {
        user_id: user_id.to_owned(),
        domain: ADMIN_DOMAIN.to_owned(),
        iat,
        exp: iat + ADMIN_TOKEN_TTL_SECONDS,
    };
    sign(&claims, &keys.encoding)
}

/// The user id of a valid, unexpired admin access token; `None` for anything else (a bad
/// signature, another domain, an invite token, garbage).
pub fn verify_admin_token(keys: &JwtKeys, token: &str) -> Option<String> {
    let claims: AdminClaims = verify(token, &keys.decoding, true)?;
    (claims.domain == ADMIN_DOMAIN && !claims.user_id.is_empty()).then_some(claims.user_id)
}

/// The claims of a password reset token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordResetClaims {
    pub user_id: String,
    pub email: String,
    pub exp: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iat: Option<i64>,
}

/// Issues a password reset token. It is signed with the user's current password hash, so it
/// stops working as soon as the password changes, and expires after 15 minutes.
pub fn issue_password_reset_token(
    user_id: &str,
    email: &str,
    password_hash: &str,
) -> Result<String> {
    let iat = unix_now();
    let claims = PasswordResetClaims {
        user_id: user_id.to_owned(),
        email: email.to_owned(),
        exp: iat + PASSWORD_RESET_TTL_SECONDS,
        iat: Some(iat),
    };
    sign(&claims, &EncodingKey::from_secret(password_hash.as_bytes()))
}

/// Reads a password reset token's claims WITHOUT checking its signature or expiry: only to
/// find whose password hash verifies it.
pub fn peek_password_reset_token(token: &str) -> Option<PasswordResetClaims> {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.insecure_disable_signature_validation();
    validation.validate_exp = false;
    validation.required_spec_claims.clear();
    jsonwebtoken::decode(token, &DecodingKey::from_secret(&[]), &validation)
        .ok()
        .map(|data| data.claims)
}

/// Whether `token` reads as a JWT at all (three parts, a JSON header and payload), whatever
/// its signature: what Medusa's `jwt.verify` calls an "invalid token" when it does not.
pub fn is_readable_jwt(token: &str) -> bool {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.insecure_disable_signature_validation();
    validation.validate_exp = false;
    validation.required_spec_claims.clear();
    jsonwebtoken::decode::<serde_json::Value>(token, &DecodingKey::from_secret(&[]), &validation)
        .is_ok()
}

/// The claims of a password reset token signed with `password_hash` and not expired.
pub fn verify_password_reset_token(
    token: &str,
    password_hash: &str,
) -> Option<PasswordResetClaims> {
    verify(
        token,
        &DecodingKey::from_secret(password_hash.as_bytes()),
        true,
    )
}

/// The claims of an invite token. Medusa's invite tokens carry no `exp`: the invite row's
/// `expires_at` decides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteClaims {
    pub invite_id: String,
    pub role: Option<String>,
    pub user_email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iat: Option<i64>,
}

/// Issues an invite token (no expiry claim, as Medusa).
pub fn issue_invite_token(
    keys: &JwtKeys,
    invite_id: &str,
    role: &str,
    user_email: &str,
) -> Result<String> {
    let claims = InviteClaims {
        invite_id: invite_id.to_owned(),
        role: Some(role.to_owned()),
        user_email: user_email.to_owned(),
        iat: Some(unix_now()),
    };
    sign(&claims, &keys.encoding)
}

/// The claims of an invite token signed with the JWT secret. An `exp`, if present, is honoured.
pub fn verify_invite_token(keys: &JwtKeys, token: &str) -> Option<InviteClaims> {
    verify(token, &keys.decoding, false)
}

fn sign<T: Serialize>(claims: &T, key: &EncodingKey) -> Result<String> {
    jsonwebtoken::encode(&Header::new(Algorithm::HS256), claims, key)
        .map_err(|err| Error::UnexpectedState(format!("could not sign a token: {err}")))
}

fn verify<T: for<'de> Deserialize<'de>>(
    token: &str,
    key: &DecodingKey,
    require_exp: bool,
) -> Option<T> {
    let mut validation = Validation::new(Algorithm::HS256);
    // Medusa (node's jsonwebtoken) allows no clock skew.
    validation.leeway = 0;
    if !require_exp {
        validation.required_spec_claims.clear();
    }
    jsonwebtoken::decode::<T>(token, key, &validation)
        .ok()
        .map(|data| data.claims)
}

fn unix_now() -> i64 {
    chrono::Utc::now().timestamp()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn keys() -> JwtKeys {
        JwtKeys::new("supersecret")
    }

    fn raw_sign(claims: serde_json::Value, secret: &str) -> String {
        sign(&claims, &EncodingKey::from_secret(secret.as_bytes())).unwrap()
    }

    #[test]
    fn admin_token_round_trip_and_claims() {
        let token = issue_admin_token(&keys(), "usr_1").unwrap();
        assert_eq!(
            verify_admin_token(&keys(), &token).as_deref(),
            Some("usr_1")
        );
        let claims = peek::<serde_json::Value>(&token);
        assert_eq!(claims["domain"], "admin");
        assert_eq!(claims["user_id"], "usr_1");
        let iat = claims["iat"].as_i64().unwrap();
        assert_eq!(claims["exp"].as_i64().unwrap() - iat, 86_400);
        assert!((iat - unix_now()).abs() <= 2);
    }

    #[test]
    fn admin_token_rejections() {
        let now = unix_now();
        let cases = [
            (
                "other secret",
                raw_sign(
                    json!({"user_id": "u", "domain": "admin", "iat": now, "exp": now + 60}),
                    "nope",
                ),
            ),
            (
                "expired",
                raw_sign(
                    json!({"user_id": "u", "domain": "admin", "iat": now - 100, "exp": now - 1}),
                    "supersecret",
                ),
            ),
            (
                "no exp",
                raw_sign(
                    json!({"user_id": "u", "domain": "admin", "iat": now}),
                    "supersecret",
                ),
            ),
            (
                "store domain",
                raw_sign(
                    json!({"user_id": "u", "domain": "store", "iat": now, "exp": now + 60}),
                    "supersecret",
                ),
            ),
            (
                "empty user",
                raw_sign(
                    json!({"user_id": "", "domain": "admin", "iat": now, "exp": now + 60}),
                    "supersecret",
                ),
            ),
            (
                "invite token",
                issue_invite_token(&keys(), "invite_1", "admin", "a@b.co").unwrap(),
            ),
            ("garbage", "not.a.jwt".to_owned()),
        ];
        for (name, token) in cases {
            assert_eq!(verify_admin_token(&keys(), &token), None, "{name}");
        }
    }

    /// Tokens signed by node's `jsonwebtoken` as Medusa 1.20 signs them (secret "supersecret",
    /// the reset token with "somehash"), with an expiry in 2100.
    const NODE_ADMIN_TOKEN: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyX2lkIjoidXNyX3JlZl9hZG1pbiIsImRvbWFpbiI6ImFkbWluIiwiZXhwIjo0MTAyNDQ0ODAwLCJpYXQiOjE3OTUzMDUxODd9.CnTiVpsm8LyXtyIs_eVymsFFeChtIgg8zlLaPBycUcg";
    const NODE_INVITE_TOKEN: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpbnZpdGVfaWQiOiJpbnZpdGVfMDEiLCJyb2xlIjoibWVtYmVyIiwidXNlcl9lbWFpbCI6Im5ld0BleGFtcGxlLmNvbSIsImlhdCI6MTc5NTMwNTE4N30.bJTFMWRehI64dQaHo_cSsD8HydTI5Q_LsR2ARgBdIH4";
    const NODE_RESET_TOKEN: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyX2lkIjoidXNyXzEiLCJlbWFpbCI6ImFAYi5jbyIsImV4cCI6NDEwMjQ0NDgwMCwiaWF0IjoxNzk1MzA1MTg3fQ.oAesikx2oFbLtYuGgp-2-mPszvboameHPjc9sczXHUU";

    #[test]
    fn accepts_tokens_medusa_issued() {
        assert_eq!(
            verify_admin_token(&keys(), NODE_ADMIN_TOKEN).as_deref(),
            Some("usr_ref_admin")
        );
        let invite = verify_invite_token(&keys(), NODE_INVITE_TOKEN).unwrap();
        assert_eq!(
            (
                invite.invite_id.as_str(),
                invite.role.as_deref(),
                invite.user_email.as_str()
            ),
            ("invite_01", Some("member"), "new@example.com")
        );
        let reset = verify_password_reset_token(NODE_RESET_TOKEN, "somehash").unwrap();
        assert_eq!(
            (reset.user_id.as_str(), reset.email.as_str()),
            ("usr_1", "a@b.co")
        );
    }

    #[test]
    fn password_reset_token_is_bound_to_the_password_hash() {
        let token = issue_password_reset_token("usr_1", "a@b.co", "hash-1").unwrap();
        let peeked = peek_password_reset_token(&token).unwrap();
        assert_eq!(
            (peeked.user_id.as_str(), peeked.email.as_str()),
            ("usr_1", "a@b.co")
        );
        assert_eq!(peeked.exp - peeked.iat.unwrap(), 900);
        assert_eq!(verify_password_reset_token(&token, "hash-1"), Some(peeked));
        assert_eq!(verify_password_reset_token(&token, "hash-2"), None);
        let now = unix_now();
        let expired = raw_sign(
            json!({"user_id": "usr_1", "email": "a@b.co", "exp": now - 1}),
            "hash-1",
        );
        assert!(peek_password_reset_token(&expired).is_some());
        assert_eq!(verify_password_reset_token(&expired, "hash-1"), None);
        assert_eq!(peek_password_reset_token("garbage"), None);
    }

    #[test]
    fn invite_token_has_no_expiry_and_needs_the_secret() {
        let token = issue_invite_token(&keys(), "invite_1", "member", "a@b.co").unwrap();
        let claims = verify_invite_token(&keys(), &token).unwrap();
        assert_eq!(claims.invite_id, "invite_1");
        assert_eq!(claims.role.as_deref(), Some("member"));
        assert_eq!(claims.user_email, "a@b.co");
        assert!(peek::<serde_json::Value>(&token).get("exp").is_none());
        assert_eq!(verify_invite_token(&JwtKeys::new("other"), &token), None);
        let now = unix_now();
        let expired = raw_sign(
            json!({"invite_id": "i", "user_email": "a@b.co", "exp": now - 1}),
            "supersecret",
        );
        assert_eq!(verify_invite_token(&keys(), &expired), None);
    }

    #[test]
    fn debug_hides_the_secret() {
        assert_eq!(format!("{:?}", keys()), "JwtKeys(..)");
    }

    fn peek<T: for<'de> Deserialize<'de>>(token: &str) -> T {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.insecure_disable_signature_validation();
        validation.validate_exp = false;
        validation.required_spec_claims.clear();
        jsonwebtoken::decode(token, &DecodingKey::from_secret(&[]), &validation)
            .unwrap()
            .claims
    }
}
