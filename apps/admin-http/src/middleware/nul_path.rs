//! PostgreSQL cannot store or compare text holding a NUL character; an id in the path with one
//! (`%00`) is refused here, for every route at once, before any handler reads it.

use actix_web::{
    body::{EitherBody, MessageBody},
    dev::{ServiceRequest, ServiceResponse},
    middleware::Next,
};
use medusa_core::Error;

use crate::error::ApiError;

pub async fn refuse_nul_in_path(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    if holds_nul(req.path()) {
        let message = "The path must not contain a NUL character";
        let response =
            actix_web::ResponseError::error_response(&ApiError(Error::invalid_data(message)));
        return Ok(req.into_response(response).map_into_right_body());
    }
    next.call(req)
        .await
        .map(ServiceResponse::map_into_left_body)
}

/// Whether the raw path, once percent-decoded, holds a NUL (`%00` in any case, or a raw one).
fn holds_nul(path: &str) -> bool {
    path.contains('\0') || path.as_bytes().windows(3).any(|w| w == b"%00")
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_encoded_and_raw_nul() {
        for (path, expected) in [
            ("/admin/regions/reg_1", false),
            ("/admin/regions/reg%001", true),
            ("/admin/regions/reg\u{0}1", true),
            ("/admin/regions/100%25", false),
        ] {
            assert_eq!(super::holds_nul(path), expected, "{path}");
        }
    }
}
