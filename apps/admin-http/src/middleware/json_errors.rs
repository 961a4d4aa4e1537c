//! Guarantees that every error response is JSON in Medusa's envelope.
//!
//! Handlers and extractors already answer JSON; this catches what they do not control: actix's
//! own errors, middleware failures and empty-bodied statuses.

use actix_web::{
    body::BoxBody,
    dev::ServiceResponse,
    http::header,
    middleware::{ErrorHandlerResponse, ErrorHandlers},
    HttpResponse,
};

use crate::error::body_for_status;

pub fn json_errors<B: 'static>() -> ErrorHandlers<B> {
    ErrorHandlers::new().default_handler(ensure_json_body)
}

fn ensure_json_body<B>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if is_json {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let message = match status.as_u16() {
        401 => "Unauthorized".to_owned(),
        404 => format!(
            "Route {} {} not found",
            res.request().method(),
            res.request().path()
        ),
        405 => format!(
            "Method {} is not allowed on {}",
            res.request().method(),
            res.request().path()
        ),
        413 => "Request body is too large".to_owned(),
        s if s >= 500 => "An unknown error occurred.".to_owned(),
        _ => status
            .canonical_reason()
            .unwrap_or("Request failed")
            .to_owned(),
    };
    let (req, res) = res.into_parts();
    let mut replacement = HttpResponse::build(status).json(body_for_status(status, message));
    // Keep headers such as Set-Cookie or Allow that the original response carried.
    for (name, value) in res.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            replacement
                .headers_mut()
                .append(name.clone(), value.clone());
        }
    }
    let res: HttpResponse<BoxBody> = replacement;
    Ok(ErrorHandlerResponse::Response(
        ServiceResponse::new(req, res).map_into_right_body(),
    ))
}
