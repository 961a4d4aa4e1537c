//! The auth routes' request bodies, declared as Medusa's request classes declare them
//! (`AdminPostAuthReq`, `AdminCreateUserRequest`, ...) so a bad body gets Medusa's messages in
//! Medusa's order.

use medusa_core::body::{Body, Class, Field, Rule};
use medusa_core::patch::Patch;
use medusa_core::Result;
use serde_json::{Map, Value};

use crate::users::CreateUser;
use crate::values::{Email, UserRole};
use crate::CreateAnalyticsConfig;

const ROLES: &[&str] = &["admin", "member", "developer"];

medusa_core::request! {
    /// Email and password of a login (`POST /admin/auth`, `/admin/auth/token`, the v2 emailpass).
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Login in LOGIN {
        pub email: String = required[Rule::NotEmpty, Rule::Email],
        pub password: String = required[Rule::NotEmpty, Rule::String],
    }
}

// Read by hand, as is `CreateInvite`: an address the class accepts must still parse as an
// `Email`, which can fail.
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

medusa_core::request! {
    /// Changes to a user. `None` leaves a field alone; `Some(None)` clears it (as an explicit JSON
    /// `null` does in Medusa). Metadata is merged ([`medusa_core::metadata::merge`]).
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct UpdateUser in UPDATE_USER {
        pub first_name: Patch<String> = optional[Rule::String],
        pub last_name: Patch<String> = optional[Rule::String],
        pub role: Patch<UserRole> = optional[Rule::Enum(ROLES)]
            => |body, name| body.patch(name, accepted_role),
        pub api_token: Patch<String> = optional[Rule::String],
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
    }
}

medusa_core::request! {
    /// `POST /admin/users/password-token`: the account's email.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct PasswordTokenRequest in PASSWORD_TOKEN {
        pub email: String = required[Rule::Email],
    }
}

medusa_core::request! {
    /// `POST /admin/users/reset-password`.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct ResetPassword in RESET_PASSWORD {
        pub email: Option<String> = optional[Rule::Email],
        pub token: String = required[Rule::String],
        pub password: String = required[Rule::String],
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

medusa_core::request! {
    /// The new user's details given when accepting an invite.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct AcceptUser in ACCEPT_INVITE_USER {
        pub first_name: Option<String> = optional[Rule::String],
        pub last_name: Option<String> = optional[Rule::String],
        pub password: String = required[Rule::String],
    }
}

medusa_core::request! {
    /// `POST /admin/invites/accept`.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct AcceptInvite in ACCEPT_INVITE {
        pub token: String = required[Rule::NotEmpty, Rule::String],
        pub user: AcceptUser = required[Rule::Nested(&ACCEPT_INVITE_USER), Rule::NotEmpty]
            => |body, name| AcceptUser::from_accepted(&body.nested(name).unwrap_or_default()),
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

medusa_core::request! {
    /// `POST /admin/analytics-configs/update`: only the given preferences change.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
    pub struct UpdateAnalyticsConfig in UPDATE_ANALYTICS_CONFIG {
        pub opt_out: Option<bool> = optional[Rule::Boolean],
        pub anonymize: Option<bool> = optional[Rule::Boolean],
    }
}

/// A role property the class has accepted.
fn role(body: &Body, name: &str) -> Result<Option<UserRole>> {
    body.string(name)
        .map(|text| UserRole::parse_field(&text, name))
        .transpose()
}

/// A role property the class has accepted: its `Enum(ROLES)` rule leaves nothing that does not
/// parse.
fn accepted_role(body: &Body, name: &str) -> Option<UserRole> {
    body.string(name)
        .and_then(|text| UserRole::parse_field(&text, name).ok())
}
