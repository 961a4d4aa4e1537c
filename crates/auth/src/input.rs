//! The auth routes' request bodies, declared as Medusa's request classes declare them
//! (`AdminPostAuthReq`, `AdminCreateUserRequest`, ...) so a bad body gets Medusa's messages in
//! Medusa's order.

use medusa_core::body::{Body, Class, Field, Rule};
use medusa_core::Result;
use serde_json::Value;

use crate::invites::AcceptUser;
use crate::users::{CreateUser, UpdateUser};
use crate::values::{Email, UserRole};
use crate::{CreateAnalyticsConfig, UpdateAnalyticsConfig};

const ROLES: &[&str] = &["admin", "member", "developer"];

/// Email and password of a login (`POST /admin/auth`, `/admin/auth/token`, the v2 emailpass).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Login {
    pub email: String,
    pub password: String,
}

static LOGIN: Class = Class::new(&[
    Field::required("email", &[Rule::NotEmpty, Rule::Email]),
    Field::required("password", &[Rule::NotEmpty, Rule::String]),
]);

impl Login {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = LOGIN.read(body)?;
        Ok(Self {
            email: body.string("email").unwrap_or_default(),
            password: body.string("password").unwrap_or_default(),
        })
    }
}

static CREATE_USER: Class = Class::new(&[
    Field::required("email", &[Rule::Email]),
    Field::optional("first_name", &[Rule::String]),
    Field::optional("last_name", &[Rule::String]),
    Field::optional("role", &[Rule::Enum(ROLES)]),
    Field::required("password", &[Rule::String]),
]);

impl CreateUser {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = CREATE_USER.read(body)?;
        Ok(Self {
            email: Email::parse_field(&body.string("email").unwrap_or_default(), "email")?,
            password: body.string("password").unwrap_or_default(),
            first_name: body.string("first_name"),
            last_name: body.string("last_name"),
            role: role(&body, "role")?,
        })
    }
}

static UPDATE_USER: Class = Class::new(&[
    Field::optional("first_name", &[Rule::String]),
    Field::optional("last_name", &[Rule::String]),
    Field::optional("role", &[Rule::Enum(ROLES)]),
    Field::optional("api_token", &[Rule::String]),
    Field::optional("metadata", &[Rule::Object]),
]);

impl UpdateUser {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = UPDATE_USER.read(body)?;
        Ok(Self {
            first_name: body.patch("first_name", Body::string),
            last_name: body.patch("last_name", Body::string),
            role: match body.has("role") {
                true => Some(role(&body, "role")?),
                false => None,
            },
            api_token: body.patch("api_token", Body::string),
            metadata: body.object("metadata"),
        })
    }
}

/// `POST /admin/users/password-token`: the account's email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordTokenRequest {
    pub email: String,
}

static PASSWORD_TOKEN: Class = Class::new(&[Field::required("email", &[Rule::Email])]);

impl PasswordTokenRequest {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = PASSWORD_TOKEN.read(body)?;
        Ok(Self {
            email: body.string("email").unwrap_or_default(),
        })
    }
}

/// `POST /admin/users/reset-password`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResetPassword {
    pub email: Option<String>,
    pub token: String,
    pub password: String,
}

static RESET_PASSWORD: Class = Class::new(&[
    Field::optional("email", &[Rule::Email]),
    Field::required("token", &[Rule::String]),
    Field::required("password", &[Rule::String]),
]);

impl ResetPassword {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = RESET_PASSWORD.read(body)?;
        Ok(Self {
            email: body.string("email"),
            token: body.string("token").unwrap_or_default(),
            password: body.string("password").unwrap_or_default(),
        })
    }
}

/// `POST /admin/invites`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateInvite {
    pub email: Email,
    pub role: UserRole,
}

static CREATE_INVITE: Class = Class::new(&[
    Field::required("user", &[Rule::Email]),
    Field::required("role", &[Rule::Enum(ROLES)]),
]);

impl CreateInvite {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = CREATE_INVITE.read(body)?;
        Ok(Self {
            email: Email::parse_field(&body.string("user").unwrap_or_default(), "user")?,
            role: role(&body, "role")?.unwrap_or(UserRole::Member),
        })
    }
}

/// `POST /admin/invites/accept`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcceptInvite {
    pub token: String,
    pub user: AcceptUser,
}

static ACCEPT_INVITE_USER: Class = Class::new(&[
    Field::optional("first_name", &[Rule::String]),
    Field::optional("last_name", &[Rule::String]),
    Field::required("password", &[Rule::String]),
]);

static ACCEPT_INVITE: Class = Class::new(&[
    Field::required("token", &[Rule::NotEmpty, Rule::String]),
    Field::required("user", &[Rule::Nested(&ACCEPT_INVITE_USER), Rule::NotEmpty]),
]);

impl AcceptInvite {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = ACCEPT_INVITE.read(body)?;
        let user = body.nested("user").unwrap_or_default();
        Ok(Self {
            token: body.string("token").unwrap_or_default(),
            user: AcceptUser {
                first_name: user.string("first_name"),
                last_name: user.string("last_name"),
                password: user.string("password").unwrap_or_default(),
            },
        })
    }
}

/// The title of a v2 secret API key (`POST /admin/api-keys`, `/admin/api-keys/{id}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiKeyTitle(pub String);

/// An empty title is refused, but a missing one only for its type.
const NON_EMPTY_TITLE: Rule = Rule::Custom {
    name: "non_empty",
    check: |value, _| value.and_then(Value::as_str) != Some(""),
    message: "$property should not be empty",
};

static CREATE_API_KEY: Class = Class::new(&[
    Field::required("title", &[Rule::String, NON_EMPTY_TITLE]),
    // Only `secret`: publishable keys are the v1 `/admin/publishable-api-keys` resource.
    Field::optional("type", &[Rule::Enum(&["secret"])]),
]);

static UPDATE_API_KEY: Class =
    Class::new(&[Field::required("title", &[Rule::String, NON_EMPTY_TITLE])]);

impl ApiKeyTitle {
    pub fn from_create_body(body: Value) -> Result<Self> {
        Ok(Self(
            CREATE_API_KEY
                .read(body)?
                .string("title")
                .unwrap_or_default(),
        ))
    }

    pub fn from_update_body(body: Value) -> Result<Self> {
        Ok(Self(
            UPDATE_API_KEY
                .read(body)?
                .string("title")
                .unwrap_or_default(),
        ))
    }
}

static CREATE_ANALYTICS_CONFIG: Class = Class::new(&[
    Field::required("opt_out", &[Rule::Boolean]),
    Field::required("anonymize", &[Rule::Boolean]),
]);

impl CreateAnalyticsConfig {
    /// `anonymize` defaults to `false` when absent (not when `null`), as Medusa's
    /// `AdminPostAnalyticsConfigReq` has a default value.
    pub fn from_body(body: Value) -> Result<Self> {
        let mut fields = body.as_object().cloned().unwrap_or_default();
        fields.entry("anonymize").or_insert(Value::Bool(false));
        let body = CREATE_ANALYTICS_CONFIG.read(Value::Object(fields))?;
        Ok(Self {
            opt_out: body.boolean("opt_out").unwrap_or_default(),
            anonymize: body.boolean("anonymize").unwrap_or_default(),
        })
    }
}

static UPDATE_ANALYTICS_CONFIG: Class = Class::new(&[
    Field::optional("opt_out", &[Rule::Boolean]),
    Field::optional("anonymize", &[Rule::Boolean]),
]);

impl UpdateAnalyticsConfig {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = UPDATE_ANALYTICS_CONFIG.read(body)?;
        Ok(Self {
            opt_out: body.boolean("opt_out"),
            anonymize: body.boolean("anonymize"),
        })
    }
}

/// A role property the class has accepted.
fn role(body: &Body, name: &str) -> Result<Option<UserRole>> {
    body.string(name)
        .map(|text| UserRole::parse_field(&text, name))
        .transpose()
}
