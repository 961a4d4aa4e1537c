//! One log line per request (method, path, status, elapsed milliseconds, request id), and the
//! request id in the answer's `X-Request-Id` header so a client's report can be found in the
//! log. The id is the caller's own `X-Request-Id` when it sent a sensible one (a proxy's), or a
//! new one.
//!
//! The admin scopes log their requests; the app wraps everything once more so that `/health`
//! (at debug level) and unknown paths are logged too. A request is logged once, by whichever
//! wrapper sees it first on the way out.

use std::time::Instant;

use actix_web::{
    body::MessageBody,
    dev::{ServiceRequest, ServiceResponse},
    http::header::{HeaderName, HeaderValue},
    middleware::Next,
    HttpMessage,
};

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Marks a request whose line is written.
#[derive(Clone, Copy)]
struct Logged;

/// The request's id, as handlers and later wrappers may read it from its extensions.
#[derive(Clone, Debug)]
pub struct RequestId(pub String);

pub async fn log_request(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let existing = req.extensions().get::<RequestId>().cloned();
    let id = existing.unwrap_or_else(|| {
        let id = RequestId(caller_id(&req).unwrap_or_else(|| medusa_core::generate_id("req")));
        req.extensions_mut().insert(id.clone());
        id
    });
    let method = req.method().clone();
    let path = req.path().to_owned();
    let res = next.call(req).await;
    let status = match &res {
        Ok(res) => res.status().as_u16(),
        Err(err) => err.as_response_error().status_code().as_u16(),
    };
    let mut res = res?;
    if res.request().extensions().get::<Logged>().is_some() {
        return Ok(res);
    }
    res.request().extensions_mut().insert(Logged);
    if let Ok(value) = HeaderValue::from_str(&id.0) {
        res.headers_mut().insert(REQUEST_ID, value);
    }
    let elapsed_ms = hundredths(started.elapsed().as_secs_f64() * 1000.0);
    let request_id = id.0.as_str();
    if path == "/health" {
        tracing::debug!(target: "http", %method, %path, status, elapsed_ms, request_id, "request");
    } else {
        tracing::info!(target: "http", %method, %path, status, elapsed_ms, request_id, "request");
    }
    Ok(res)
}

/// A caller's id is kept when it is short printable ASCII (it goes into logs and headers).
fn caller_id(req: &ServiceRequest) -> Option<String> {
    let value = req.headers().get(REQUEST_ID)?.to_str().ok()?;
    let sensible =
        !value.is_empty() && value.len() <= 128 && value.bytes().all(|b| b.is_ascii_graphic());
    sensible.then(|| value.to_owned())
}

/// Milliseconds to two decimals, so a log line says `145.5`, not `145.50060000000002`.
fn hundredths(ms: f64) -> f64 {
    (ms * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    #[test]
    fn elapsed_time_keeps_two_decimals() {
        for (ms, expected) in [
            (145.500_600_000_000_02, 145.5),
            (0.004, 0.0),
            (12.345_6, 12.35),
        ] {
            assert_eq!(super::hundredths(ms), expected);
        }
    }
}
