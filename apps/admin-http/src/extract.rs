//! Request extractors and actix configs that speak Medusa's error envelope.
//!
//! A handler takes its body as `JsonBody<Value>` and hands it to its domain crate's declared
//! request class (`X::from_body`, see `medusa_core::body`), which gives Medusa's messages.

use std::future::Future;
use std::pin::Pin;

use actix_web::{
    dev::Payload,
    error::{JsonPayloadError, PathError, QueryPayloadError},
    web, FromRequest, HttpRequest,
};
use medusa_core::Error;
use serde_json::Value;

use crate::error::ApiError;

/// Largest JSON body accepted.
pub const JSON_LIMIT: usize = 1024 * 1024;

/// A JSON body as it came; the domain crate's request class reads it. Generic only so that
/// handlers say what they take (`JsonBody<Value>`).
#[derive(Debug)]
pub struct JsonBody<T>(pub T);

impl FromRequest for JsonBody<Value> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, actix_web::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        // Reading the payload goes through `JsonConfig`, whose error handler already answers
        // in the envelope, so its error passes through as it is.
        let value = web::Json::<serde_json::Value>::from_request(req, payload);
        Box::pin(async move {
            let web::Json(value) = value.await?;
            if let Some(field) = first_nul(&value, &mut Vec::new()) {
                let message = format!("{field} must not contain a NUL character");
                return Err(ApiError(Error::invalid_data(message)).into());
            }
            Ok(JsonBody(value))
        })
    }
}

/// The dotted path (`variants.0.title`) of the first key or string holding a NUL character,
/// which PostgreSQL cannot store in text: refused here once, for every body.
fn first_nul(value: &Value, at: &mut Vec<String>) -> Option<String> {
    let found = |at: &Vec<String>| {
        Some(if at.is_empty() {
            "body".to_owned()
        } else {
            at.join(".")
        })
    };
    match value {
        Value::String(text) if text.contains('\0') => found(at),
        Value::Array(items) => items.iter().enumerate().find_map(|(index, item)| {
            at.push(index.to_string());
            let hit = first_nul(item, at);
            at.pop();
            hit
        }),
        Value::Object(fields) => fields.iter().find_map(|(key, item)| {
            at.push(key.clone());
            let hit = if key.contains('\0') {
                found(at)
            } else {
                first_nul(item, at)
            };
            at.pop();
            hit
        }),
        _ => None,
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
    use super::first_nul;
    use serde_json::json;

    #[test]
    fn names_the_first_field_with_a_nul() {
        let cases = [
            (json!({"title": "ok"}), None),
            (json!({"title": "a\u{0}b"}), Some("title")),
            (
                json!({"variants": [{"title": "x"}, {"title": "\u{0}"}]}),
                Some("variants.1.title"),
            ),
            (json!({"metadata": {"k\u{0}": 1}}), Some("metadata.k\u{0}")),
            (json!("\u{0}"), Some("body")),
            (json!([1, true, null]), None),
        ];
        for (body, expected) in cases {
            assert_eq!(
                first_nul(&body, &mut Vec::new()).as_deref(),
                expected,
                "{body}"
            );
        }
    }
}
