//! Values validated on construction, so the services receive only parsed input.

use medusa_core::{Error, Result};
use medusa_entity::sea_orm_active_enums::{InviteRoleEnum, UserRoleEnum};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// An e-mail address accepted by Medusa's `isEmail` (validator.js defaults: a dotted local
/// part, a fully qualified domain with a real top-level domain), stored lower-cased as Medusa
/// stores user e-mails.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    /// Parses and lower-cases an address; the error is Medusa's service-level message.
    pub fn parse(value: &str) -> Result<Self> {
        if is_email(value) {
            Ok(Self(value.to_lowercase()))
        } else {
            Err(Error::invalid_data("The email is not valid"))
        }
    }

    /// Parses an address given in the request field `field`, failing with the message
    /// Medusa's request validation gives (`"<field> must be an email"`).
    pub fn parse_field(value: &str, field: &str) -> Result<Self> {
        Self::parse(value).map_err(|_| Error::invalid_data(format!("{field} must be an email")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Email {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Self::parse(s)
    }
}

impl<'de> Deserialize<'de> for Email {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Self::parse(&raw).map_err(serde::de::Error::custom)
    }
}

const MAX_EMAIL_LEN: usize = 254;
const MAX_LOCAL_BYTES: usize = 64;
const MAX_DOMAIN_BYTES: usize = 254;
const MAX_LABEL_LEN: usize = 63;

fn is_email(value: &str) -> bool {
    if value.chars().count() > MAX_EMAIL_LEN {
        return false;
    }
    let Some((local, domain)) = value.rsplit_once('@') else {
        return false;
    };
    local.len() <= MAX_LOCAL_BYTES
        && domain.len() <= MAX_DOMAIN_BYTES
        && is_local_part(local)
        && is_fqdn(domain)
}

fn is_local_part(local: &str) -> bool {
    const SPECIALS: &str = "!#$%&'*+-/=?^_`{|}~";
    let allowed = |c: char| {
        c.is_ascii_alphanumeric()
            || SPECIALS.contains(c)
            || matches!(c, '\u{A0}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFEF}')
    };
    local
        .split('.')
        .all(|atom| !atom.is_empty() && atom.chars().all(allowed))
}

fn is_fqdn(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let Some(tld) = labels.last() else {
        return false;
    };
    if labels.len() < 2 || !is_tld(tld) {
        return false;
    }
    labels.iter().all(|label| {
        let label_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c >= '\u{A1}';
        !label.is_empty()
            && label.chars().count() <= MAX_LABEL_LEN
            && label.chars().all(label_char)
            && !label.chars().any(|c| matches!(c, '\u{FF01}'..='\u{FF5E}'))
            && !label.starts_with('-')
            && !label.ends_with('-')
    })
}

fn is_tld(tld: &str) -> bool {
    let letter = |c: char| {
        c.is_ascii_alphabetic()
            || matches!(c, '\u{A1}'..='\u{A8}' | '\u{AA}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFEF}')
    };
    let punycode = tld.len() >= 4
        && tld[..2].eq_ignore_ascii_case("xn")
        && tld[2..]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-');
    punycode || (tld.chars().count() >= 2 && tld.chars().all(letter))
}

/// A user's role. Medusa stores and returns it but authorizes nothing by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UserRole {
    Admin,
    Member,
    Developer,
}

impl UserRole {
    pub const ALL: [UserRole; 3] = [UserRole::Admin, UserRole::Member, UserRole::Developer];

    pub fn as_str(self) -> &'static str {
        match self {
            UserRole::Admin => "admin",
            UserRole::Member => "member",
            UserRole::Developer => "developer",
        }
    }

    /// Parses a role given in the request field `field`, failing with class-validator's
    /// `IsEnum` message.
    pub fn parse_field(value: &str, field: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|role| role.as_str() == value)
            .ok_or_else(|| {
                Error::invalid_data(format!(
                    "{field} must be one of the following values: admin, member, developer"
                ))
            })
    }
}

impl fmt::Display for UserRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for UserRole {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Self::parse_field(s, "role")
    }
}

impl From<UserRole> for UserRoleEnum {
    fn from(role: UserRole) -> Self {
        match role {
            UserRole::Admin => UserRoleEnum::Admin,
            UserRole::Member => UserRoleEnum::Member,
            UserRole::Developer => UserRoleEnum::Developer,
        }
    }
}

impl From<UserRoleEnum> for UserRole {
    fn from(role: UserRoleEnum) -> Self {
        match role {
            UserRoleEnum::Admin => UserRole::Admin,
            UserRoleEnum::Member => UserRole::Member,
            UserRoleEnum::Developer => UserRole::Developer,
        }
    }
}

impl From<UserRole> for InviteRoleEnum {
    fn from(role: UserRole) -> Self {
        match role {
            UserRole::Admin => InviteRoleEnum::Admin,
            UserRole::Member => InviteRoleEnum::Member,
            UserRole::Developer => InviteRoleEnum::Developer,
        }
    }
}

impl From<InviteRoleEnum> for UserRole {
    fn from(role: InviteRoleEnum) -> Self {
        match role {
            InviteRoleEnum::Admin => UserRole::Admin,
            InviteRoleEnum::Member => UserRole::Member,
            InviteRoleEnum::Developer => UserRole::Developer,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<&str>) {
        let parsed = Email::parse(input).ok();
        assert_eq!(parsed.as_ref().map(Email::as_str), expected, "{input:?}");
    }

    #[test]
    fn emails() {
        check("admin@medusa-test.com", Some("admin@medusa-test.com"));
        check("Auth.Probe@Example.COM", Some("auth.probe@example.com"));
        check("a+tag@sub.example.co.uk", Some("a+tag@sub.example.co.uk"));
        check("o'brien@example.ie", Some("o'brien@example.ie"));
        check("jörg@bücher.de", Some("jörg@bücher.de"));
        check("x@xn--bcher-kva.xn--p1ai", Some("x@xn--bcher-kva.xn--p1ai"));
        check("", None);
        check("plain", None);
        check("@example.com", None);
        check("a@", None);
        check("a@localhost", None);
        check("a@example.c", None);
        check("a@example.123", None);
        check("a@-example.com", None);
        check("a@example-.com", None);
        check("a@exa_mple.com", None);
        check("a@example..com", None);
        check("a@example.com.", None);
        check(".a@example.com", None);
        check("a.@example.com", None);
        check("a..b@example.com", None);
        check("a b@example.com", None);
        check("a@b@example.com", None);
        check("a@[127.0.0.1]", None);
        check("a@127.0.0.1", None);
        check(&format!("{}@example.com", "a".repeat(65)), None);
        check(
            &format!("{}@example.com", "a".repeat(64)),
            Some(&format!("{}@example.com", "a".repeat(64))),
        );
        check(&format!("a@{}.com", "b".repeat(64)), None);
    }

    #[test]
    fn email_errors_use_medusas_messages() {
        assert_eq!(
            Email::parse("nope").unwrap_err().to_string(),
            "The email is not valid"
        );
        assert_eq!(
            Email::parse_field("nope", "user").unwrap_err().to_string(),
            "user must be an email"
        );
    }

    #[test]
    fn roles() {
        assert_eq!(
            "developer".parse::<UserRole>().unwrap(),
            UserRole::Developer
        );
        assert_eq!(
            "owner".parse::<UserRole>().unwrap_err().to_string(),
            "role must be one of the following values: admin, member, developer"
        );
        assert!("Admin".parse::<UserRole>().is_err());
        assert_eq!(
            serde_json::to_string(&UserRole::Member).unwrap(),
            "\"member\""
        );
        assert_eq!(UserRoleEnum::from(UserRole::Admin), UserRoleEnum::Admin);
        assert_eq!(
            UserRole::from(InviteRoleEnum::from(UserRole::Developer)),
            UserRole::Developer
        );
    }
}
