//! Request extractors and actix configs that speak Medusa's error envelope.
//!
//! Bodies are validated like Medusa's class-validator pipeline: unknown properties are refused
//! ("property foo should not exist"), a wrong type names the property, and every constraint
//! message of every failing property is joined with ", " into one `invalid_data` message.

use std::future::Future;
use std::pin::Pin;

use actix_web::{
    dev::Payload,
    error::{JsonPayloadError, PathError, QueryPayloadError},
    web, FromRequest, HttpRequest,
};
use medusa_core::Error;
use serde::de::DeserializeOwned;
use validator::{Validate, ValidationErrors, ValidationErrorsKind};

use crate::error::ApiError;

/// Largest JSON body accepted.
pub const JSON_LIMIT: usize = 1024 * 1024;

/// A JSON body deserialized into `T`, for domain inputs that check their own rules.
#[derive(Debug)]
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for JsonBody<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, actix_web::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        // Reading the payload goes through `JsonConfig`, whose error handler already answers
        // in the envelope, so its error passes through as it is.
        let value = web::Json::<serde_json::Value>::from_request(req, payload);
        Box::pin(async move {
            let web::Json(value) = value.await?;
            Ok(JsonBody(decode::<T>(value).map_err(ApiError)?))
        })
    }
}

/// A JSON body deserialized into `T` and validated.
#[derive(Debug)]
pub struct ValidJson<T>(pub T);

impl<T: DeserializeOwned + Validate + 'static> FromRequest for ValidJson<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, actix_web::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = JsonBody::<T>::from_request(req, payload);
        Box::pin(async move {
            let JsonBody(body) = body.await?;
            body.validate()
                .map_err(|errs| ApiError(Error::invalid_data(join_messages(&errs))))?;
            Ok(ValidJson(body))
        })
    }
}

/// Deserializes a JSON value, naming the offending property in the error as Medusa does.
pub fn decode<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, Error> {
    serde_path_to_error::deserialize::<_, T>(value).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner().to_string();
        Error::invalid_data(describe_serde_error(&path, &inner))
    })
}

fn describe_serde_error(path: &str, message: &str) -> String {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or_default();
        return format!("property {field} should not exist");
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or_default();
        return format!("{field} should not be empty");
    }
    let property = if path == "." { "body" } else { path };
    if let Some(expected) = message.split(", expected ").nth(1) {
        let expected = expected.split(" at line").next().unwrap_or(expected);
        if let Some(variants) = expected.strip_prefix("one of ") {
            let values = variants.replace('`', "");
            return format!("{property} must be one of the following values: {values}");
        }
        let expected = match expected {
            "a string" | "a borrowed string" => "a string",
            "a boolean" => "a boolean value",
            e if e.contains("integer")
                || e.contains("number")
                || matches!(
                    e,
                    "u8" | "u16" | "u32" | "u64" | "i32" | "i64" | "f32" | "f64"
                ) =>
            {
                "a number conforming to the specified constraints"
            }
            "a map" | "struct" => "an object",
            e if e.starts_with("struct ") || e.starts_with("a map") => "an object",
            e if e.contains("sequence") => "an array",
            e => e,
        };
        return format!("{property} must be {expected}");
    }
    format!("{property} is invalid: {message}")
}

/// All constraint messages of all failing properties, joined with ", ".
pub fn join_messages(errors: &ValidationErrors) -> String {
    let mut messages = Vec::new();
    collect_messages(errors, &mut messages);
    messages.join(", ")
}

fn collect_messages(errors: &ValidationErrors, out: &mut Vec<String>) {
    let mut fields: Vec<_> = errors.errors().iter().collect();
    fields.sort_by_key(|(name, _)| name.to_string());
    for (field, kind) in fields {
        match kind {
            ValidationErrorsKind::Field(errs) => {
                for err in errs {
                    out.push(match &err.message {
                        Some(message) => message.to_string(),
                        None => format!("{field} is invalid"),
                    });
                }
            }
            ValidationErrorsKind::Struct(nested) => collect_messages(nested, out),
            ValidationErrorsKind::List(items) => {
                for nested in items.values() {
                    collect_messages(nested, out);
                }
            }
        }
    }
}

/// The message for a body actix could not read as JSON.
pub fn json_error(err: &JsonPayloadError) -> Error {
    match err {
        JsonPayloadError::OverflowKnownLength { .. } | JsonPayloadError::Overflow { .. } => {
            Error::invalid_data(format!("Request body is larger than {JSON_LIMIT} bytes"))
        }
        JsonPayloadError::ContentType => {
            Error::invalid_data("Request body must be JSON (Content-Type: application/json)")
        }
        JsonPayloadError::Deserialize(e) => {
            Error::invalid_data(format!("Request body is not valid JSON: {e}"))
        }
        other => Error::invalid_data(format!("Request body could not be read: {other}")),
    }
}

/// Extractor configs so that actix's own failures answer in the envelope.
pub fn json_config() -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(JSON_LIMIT)
        .error_handler(|err, _req| {
            let status = match &err {
                JsonPayloadError::OverflowKnownLength { .. }
                | JsonPayloadError::Overflow { .. } => {
                    actix_web::http::StatusCode::PAYLOAD_TOO_LARGE
                }
                _ => actix_web::http::StatusCode::BAD_REQUEST,
            };
            let body = json_error(&err).body();
            actix_web::error::InternalError::from_response(
                err,
                crate::error::error_response(status, body),
            )
            .into()
        })
}

pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|err: QueryPayloadError, _req| {
        ApiError(Error::invalid_data(format!("Invalid query string: {err}"))).into()
    })
}

pub fn path_config() -> web::PathConfig {
    web::PathConfig::default().error_handler(|err: PathError, _req| {
        ApiError(Error::invalid_data(format!("Invalid path: {err}"))).into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_errors_read_like_class_validator() {
        let check =
            |path: &str, msg: &str, want: &str| assert_eq!(describe_serde_error(path, msg), want);
        check(
            ".",
            "unknown field `foo`, expected one of `email`, `password`",
            "property foo should not exist",
        );
        check(
            "password",
            "invalid type: integer `1`, expected a string",
            "password must be a string",
        );
        check(
            "role",
            "unknown variant `boss`, expected one of `admin`, `member`, `developer`",
            "role must be one of the following values: admin, member, developer",
        );
        check(
            "limit",
            "invalid type: string \"a\", expected u64",
            "limit must be a number conforming to the specified constraints",
        );
    }
}
