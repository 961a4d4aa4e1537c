//! Medusa's error model: a `type`, a human `message`, sometimes a `code`, and the HTTP status
//! each type maps to. Domain crates return [`Error`]; the HTTP layer turns it into a response
//! with [`Error::status`] and [`Error::body`].

use sea_orm::{DbErr, SqlErr};
use serde::Serialize;

/// Result alias used across the domain crates.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An error as a client of Medusa sees it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// 400 `invalid_data`: the request is malformed or breaks a rule.
    #[error("{0}")]
    InvalidData(String),
    /// 400 `not_allowed`: the operation is not permitted in the current state.
    #[error("{0}")]
    NotAllowed(String),
    /// 404 `not_found`.
    #[error("{0}")]
    NotFound(String),
    /// 422 `duplicate_error` with code `invalid_request_error`.
    #[error("{0}")]
    Duplicate(String),
    /// 401 `unauthorized`.
    #[error("{0}")]
    Unauthorized(String),
    /// 429: too many attempts (not a Medusa type; Medusa has no throttling), and how many
    /// seconds to wait (the answer's `Retry-After`).
    #[error("{message}")]
    TooManyRequests { message: String, retry_after: u64 },
    /// 409 `conflict`: a concurrent change won the race.
    #[error("{0}")]
    Conflict(String),
    /// 500 `unexpected_state`: an invariant the code relies on does not hold.
    #[error("{0}")]
    UnexpectedState(String),
    /// 500 `invalid_argument`: Medusa's type for some refused inputs (a gift card's new
    /// balance), which its error handler answers with a 500 keeping type and message.
    #[error("{0}")]
    InvalidArgument(String),
    /// A database failure. Constraint violations that a client caused are turned into the
    /// client errors Medusa gives for them; anything else is a 500 whose text is only logged.
    #[error("database error: {0}")]
    Db(#[from] DbErr),
}

/// The JSON body of every error response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorBody {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
    pub message: String,
}

const UNKNOWN_MESSAGE: &str = "An unknown error occurred.";
const CONFLICT_MESSAGE: &str = "The request conflicted with another request. You may retry the request with the provided Idempotency-Key.";

impl Error {
    pub fn invalid_data(message: impl Into<String>) -> Self {
        Self::InvalidData(message.into())
    }

    pub fn not_allowed(message: impl Into<String>) -> Self {
        Self::NotAllowed(message.into())
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::NotFound(message.into())
    }

    pub fn duplicate(message: impl Into<String>) -> Self {
        Self::Duplicate(message.into())
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::Unauthorized(message.into())
    }

    /// The HTTP status Medusa answers this error with.
    pub fn status(&self) -> u16 {
        match self.classified() {
            Classified::Client(kind, _) => kind.status(),
            Classified::Server => 500,
        }
    }

    /// The JSON body Medusa answers this error with. A server-side failure never leaks its
    /// text: it says only "An unknown error occurred.".
    pub fn body(&self) -> ErrorBody {
        match self.classified() {
            Classified::Client(kind, message) => ErrorBody {
                code: kind.code().map(str::to_owned),
                kind: kind.type_name().to_owned(),
                message,
            },
            Classified::Server => ErrorBody {
                code: Some("unknown_error".to_owned()),
                kind: "unknown_error".to_owned(),
                message: UNKNOWN_MESSAGE.to_owned(),
            },
        }
    }

    /// Seconds the client should wait before trying again, for a throttled request.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            Error::TooManyRequests { retry_after, .. } => Some(*retry_after),
            _ => None,
        }
    }

    /// Whether this error is the server's fault (and so worth logging at error level).
    pub fn is_server_error(&self) -> bool {
        self.status() >= 500
    }

    fn classified(&self) -> Classified {
        use Kind::*;
        let client = |kind, message: &String| Classified::Client(kind, message.clone());
        match self {
            Error::InvalidData(m) => client(InvalidData, m),
            Error::NotAllowed(m) => client(NotAllowed, m),
            Error::NotFound(m) => client(NotFound, m),
            Error::Duplicate(m) => client(Duplicate, m),
            Error::Unauthorized(m) => client(Unauthorized, m),
            Error::TooManyRequests { message, .. } => client(TooManyRequests, message),
            Error::Conflict(_) => Classified::Client(Conflict, CONFLICT_MESSAGE.to_owned()),
            Error::UnexpectedState(m) => client(UnexpectedState, m),
            Error::InvalidArgument(m) => client(InvalidArgument, m),
            Error::Db(err) => classify_db_error(err),
        }
    }
}

enum Classified {
    Client(Kind, String),
    Server,
}

#[derive(Clone, Copy)]
enum Kind {
    InvalidData,
    NotAllowed,
    NotFound,
    Duplicate,
    Unauthorized,
    TooManyRequests,
    Conflict,
    UnexpectedState,
    InvalidArgument,
}

impl Kind {
    fn status(self) -> u16 {
        match self {
            Kind::InvalidData | Kind::NotAllowed => 400,
            Kind::Unauthorized => 401,
            Kind::NotFound => 404,
            Kind::Conflict => 409,
            Kind::Duplicate => 422,
            Kind::TooManyRequests => 429,
            Kind::UnexpectedState | Kind::InvalidArgument => 500,
        }
    }

    fn type_name(self) -> &'static str {
        match self {
            Kind::InvalidData => "invalid_data",
            Kind::NotAllowed => "not_allowed",
            Kind::NotFound => "not_found",
            Kind::Duplicate => "duplicate_error",
            Kind::Unauthorized => "unauthorized",
            Kind::TooManyRequests => "too_many_requests",
            Kind::Conflict => "conflict",
            Kind::UnexpectedState => "unexpected_state",
            Kind::InvalidArgument => "invalid_argument",
        }
    }

    fn code(self) -> Option<&'static str> {
        match self {
            Kind::Duplicate => Some("invalid_request_error"),
            Kind::Conflict => Some("invalid_state_error"),
            _ => None,
        }
    }
}

/// For `map_err` on a write that may break a unique constraint: a unique violation becomes
/// `error(err)` (Medusa's own message for that constraint), any other database error stays
/// a database error.
pub fn on_unique_violation<F>(error: F) -> impl FnOnce(DbErr) -> Error
where
    F: FnOnce(DbErr) -> Error,
{
    move |err| match err.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => error(err),
        _ => Error::Db(err),
    }
}

/// Turns the constraint violations a client can cause into Medusa's client errors, as
/// Medusa's exception formatter does; everything else stays a server error.
fn classify_db_error(err: &DbErr) -> Classified {
    // An update whose row was deleted after it was read (a DELETE racing it): the row is gone,
    // as a request sent after the DELETE would find.
    if matches!(err, DbErr::RecordNotUpdated) {
        return Classified::Client(
            Kind::NotFound,
            "The record was removed while it was being changed".into(),
        );
    }
    match err.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(detail)) => Classified::Client(
            Kind::Duplicate,
            describe_key(&detail, "already exists.")
                .unwrap_or_else(|| "A row with the same unique value already exists.".into()),
        ),
        Some(SqlErr::ForeignKeyConstraintViolation(detail)) => Classified::Client(
            Kind::NotFound,
            describe_key(&detail, "does not exist.")
                .unwrap_or_else(|| "A referenced row does not exist.".into()),
        ),
        _ if too_long_to_index(err) => Classified::Client(
            Kind::InvalidData,
            "A value is too long: an indexed text (such as a handle, code or SKU) must stay under 2,700 bytes".into(),
        ),
        _ => Classified::Server,
    }
}

/// PostgreSQL refuses an index entry over about 2,700 bytes (a title of a few thousand
/// characters turned into a handle, a long SKU): the client sent a value too long to store.
fn too_long_to_index(err: &DbErr) -> bool {
    let text = err.to_string();
    text.contains("index row size") || text.contains("index row requires")
}

/// Reads PostgreSQL's `Key (col)=(value) ...` detail into `"<col> <value> <tail>"`. SQLite
/// reports no key, so it gets the generic message.
fn describe_key(detail: &str, tail: &str) -> Option<String> {
    let start = detail.find("Key (")? + "Key (".len();
    let rest = &detail[start..];
    let (column, rest) = rest.split_once(")=(")?;
    let (value, _) = rest.split_once(')')?;
    let column = column.trim_matches('"');
    Some(format!("Entity with {column} {value} {tail}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_types_to_statuses_and_bodies() {
        let cases = [
            (Error::invalid_data("bad"), 400, "invalid_data", None),
            (Error::not_allowed("no"), 400, "not_allowed", None),
            (Error::not_found("gone"), 404, "not_found", None),
            (
                Error::duplicate("twice"),
                422,
                "duplicate_error",
                Some("invalid_request_error"),
            ),
            (Error::unauthorized("who"), 401, "unauthorized", None),
        ];
        for (err, status, kind, code) in cases {
            assert_eq!(err.status(), status);
            let body = err.body();
            assert_eq!(body.kind, kind);
            assert_eq!(body.code.as_deref(), code);
            assert_eq!(body.message, err.to_string());
        }
    }

    #[test]
    fn an_update_of_a_row_deleted_meanwhile_is_not_found() {
        let err = Error::Db(DbErr::RecordNotUpdated);
        assert_eq!(err.status(), 404);
        assert_eq!(err.body().kind, "not_found");
        assert_eq!(
            err.body().message,
            "The record was removed while it was being changed"
        );
    }

    #[test]
    fn conflict_uses_medusas_retry_message() {
        let err = Error::Conflict("lock".into());
        assert_eq!(err.status(), 409);
        assert_eq!(err.body().code.as_deref(), Some("invalid_state_error"));
        assert!(err.body().message.starts_with("The request conflicted"));
    }

    #[test]
    fn database_text_never_reaches_the_client() {
        let err = Error::Db(DbErr::Custom("relation \"secret\" does not exist".into()));
        assert_eq!(err.status(), 500);
        assert_eq!(
            serde_json::to_value(err.body()).unwrap(),
            serde_json::json!({"code": "unknown_error", "type": "unknown_error", "message": "An unknown error occurred."})
        );
    }

    #[test]
    fn reads_postgres_key_detail() {
        assert_eq!(
            describe_key("Key (handle)=(shirt) already exists.", "already exists.").as_deref(),
            Some("Entity with handle shirt already exists.")
        );
        assert_eq!(
            describe_key("UNIQUE constraint failed: user.email", "x"),
            None
        );
    }
}
