//! The one place where domain errors become HTTP responses.

use actix_web::{http::StatusCode, HttpResponse, ResponseError};
use medusa_core::{Error, ErrorBody};

/// A domain error on its way out as Medusa's JSON error body.
#[derive(Debug)]
/// A domain error on its way out: answered with Medusa's status and `{type, message}` body.
pub struct ApiError(pub Error);

/// What a handler returns.
pub type ApiResult<T> = Result<T, ApiError>;

impl<E: Into<Error>> From<E> for ApiError {
    fn from(err: E) -> Self {
        ApiError(err.into())
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.0.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        if self.0.is_server_error() {
            // The client gets a generic message; the cause goes to the log only.
            tracing::error!(error = ?self.0, "request failed");
        }
        let mut res = error_response(self.status_code(), self.0.body());
        if let Some(seconds) = self.0.retry_after() {
            res.headers_mut().insert(
                actix_web::http::header::RETRY_AFTER,
                actix_web::http::header::HeaderValue::from(seconds),
            );
        }
        res
    }
}

/// A JSON error response with an explicit status and body.
pub fn error_response(status: StatusCode, body: ErrorBody) -> HttpResponse {
    HttpResponse::build(status).json(body)
}

/// An error body for a status that has no domain error behind it (unknown route, 405, ...).
pub fn body_for_status(status: StatusCode, message: impl Into<String>) -> ErrorBody {
    let kind = match status.as_u16() {
        401 => "unauthorized",
        404 => "not_found",
        405 | 403 => "not_allowed",
        409 => "conflict",
        429 => "too_many_requests",
        400..=499 => "invalid_data",
        _ => "unknown_error",
    };
    ErrorBody {
        code: (kind == "unknown_error").then(|| "unknown_error".to_owned()),
        kind: kind.to_owned(),
        message: message.into(),
    }
}
