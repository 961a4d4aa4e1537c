//! Cross-origin requests, as Medusa's admin router answers them (the Express `cors` package
//! with `origin: parseCorsOrigins(admin_cors)` and `credentials: true`).
//!
//! Browsers send a preflight `OPTIONS` before a cross-origin call with a JSON body or
//! credentials; it is answered here, before authentication, or the dashboard could never log in.

use actix_web::{
    body::{EitherBody, MessageBody},
    dev::{ServiceRequest, ServiceResponse},
    http::{
        header::{self, HeaderMap, HeaderValue},
        Method, StatusCode,
    },
    middleware::Next,
    web, HttpResponse,
};

use crate::state::AppState;

/// Medusa's development default for `ADMIN_CORS`: the origins the v1 dashboard is served from
/// locally (`medusa-admin develop` and the starter's setting).
pub const DEVELOPMENT_ORIGINS: &str = "http://localhost:7000,http://localhost:7001";

/// The methods a preflight allows, the `cors` package's default.
const ALLOWED_METHODS: &str = "GET,HEAD,PUT,PATCH,POST,DELETE";

/// One entry of `ADMIN_CORS`: an exact origin, or a regular expression written between
/// delimiters (`/http:\/\/localhost:\d+$/`, flags after the closing delimiter).
#[derive(Debug, Clone)]
enum OriginRule {
    Exact(String),
    Pattern(regex::Regex),
}

impl OriginRule {
    fn allows(&self, origin: &str) -> bool {
        match self {
            OriginRule::Exact(exact) => exact == origin,
            // A JavaScript `RegExp.test`: a match anywhere unless the pattern anchors itself.
            OriginRule::Pattern(pattern) => pattern.is_match(origin),
        }
    }
}

/// The origins allowed to call the admin API from a browser.
#[derive(Debug, Clone, Default)]
pub struct AllowedOrigins(Vec<OriginRule>);

impl AllowedOrigins {
    /// Reads `ADMIN_CORS`'s format: comma-separated entries, each an origin or a delimited
    /// regular expression (`medusa-core-utils`' `parseCorsOrigins`). An entry that looks
    /// delimited but does not compile stays an exact origin, as in Medusa.
    pub fn parse(setting: &str) -> Self {
        if setting.is_empty() {
            return Self::default();
        }
        Self(setting.split(',').map(parse_rule).collect())
    }

    /// Whether a browser at `origin` may call the API.
    pub fn allows(&self, origin: &str) -> bool {
        self.0.iter().any(|rule| rule.allows(origin))
    }
}

fn parse_rule(entry: &str) -> OriginRule {
    delimited_pattern(entry)
        .map(OriginRule::Pattern)
        .unwrap_or_else(|| OriginRule::Exact(entry.to_owned()))
}

/// `^([/~@;%#'])(.*?)\1([gimsuy]*)$`: the delimiters and flags Medusa recognises. Of the
/// flags only `i` and `s` change what matches one origin.
fn delimited_pattern(entry: &str) -> Option<regex::Regex> {
    let delimiter = entry.chars().next()?;
    if !"/~@;%#'".contains(delimiter) {
        return None;
    }
    let rest = &entry[delimiter.len_utf8()..];
    // The lazy `.*?` stops at the first delimiter followed only by flags.
    let (body, flags) = rest.char_indices().find_map(|(at, c)| {
        let flags = &rest[at + c.len_utf8()..];
        (c == delimiter && flags.chars().all(|f| "gimsuy".contains(f)))
            .then(|| (&rest[..at], flags))
    })?;
    regex::RegexBuilder::new(body)
        .case_insensitive(flags.contains('i'))
        .dot_matches_new_line(flags.contains('s'))
        .build()
        .ok()
}

pub async fn cors(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let allowed_origin = req
        .headers()
        .get(header::ORIGIN)
        .filter(|origin| {
            let origins = req
                .app_data::<web::Data<AppState>>()
                .map(|state| &state.cors_origins);
            match (origins, origin.to_str()) {
                (Some(origins), Ok(origin)) => origins.allows(origin),
                _ => false,
            }
        })
        .cloned();

    if req.method() == Method::OPTIONS {
        let mut preflight = HttpResponse::build(StatusCode::NO_CONTENT);
        let mut vary = vec!["Origin"];
        if let Some(origin) = &allowed_origin {
            preflight.insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone()));
        }
        preflight.insert_header((header::ACCESS_CONTROL_ALLOW_CREDENTIALS, "true"));
        preflight.insert_header((header::ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS));
        // Whatever headers the browser asks for are allowed, as the `cors` package does when
        // no list is configured.
        if let Some(asked) = req.headers().get(header::ACCESS_CONTROL_REQUEST_HEADERS) {
            preflight.insert_header((header::ACCESS_CONTROL_ALLOW_HEADERS, asked.clone()));
            vary.push("Access-Control-Request-Headers");
        }
        preflight.insert_header((header::VARY, vary.join(", ")));
        preflight.insert_header((header::CONTENT_LENGTH, 0));
        return Ok(req.into_response(preflight.finish()).map_into_right_body());
    }

    let mut res = next.call(req).await?;
    add_simple_headers(res.headers_mut(), allowed_origin);
    Ok(res.map_into_left_body())
}

fn add_simple_headers(headers: &mut HeaderMap, allowed_origin: Option<HeaderValue>) {
    if let Some(origin) = allowed_origin {
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    }
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_CREDENTIALS,
        HeaderValue::from_static("true"),
    );
    headers.append(header::VARY, HeaderValue::from_static("Origin"));
}

#[cfg(test)]
mod tests {
    use super::AllowedOrigins;

    #[test]
    fn origins_are_matched_as_medusa_parses_them() {
        let cases: &[(&str, &str, bool)] = &[
            ("http://localhost:7001", "http://localhost:7001", true),
            ("http://localhost:7001", "http://localhost:7000", false),
            (
                "http://localhost:7000,http://localhost:7001",
                "http://localhost:7000",
                true,
            ),
            (r"/http:\/\/localhost:\d+$/", "http://localhost:9311", true),
            (
                r"/http:\/\/localhost:\d+$/",
                "http://localhost:9311.evil",
                false,
            ),
            // Unanchored patterns match anywhere, as `RegExp.test` does.
            (r"/vercel\.app/", "https://shop.vercel.app", true),
            (r"/EXAMPLE\.com$/i", "https://admin.example.com", true),
            (r"/EXAMPLE\.com$/", "https://admin.example.com", false),
            (r"#^https://a\.b$#", "https://a.b", true),
            // Not a valid pattern: kept as an exact origin.
            ("/(unclosed/", "/(unclosed/", true),
            ("", "http://localhost:7001", false),
        ];
        for (setting, origin, allowed) in cases {
            assert_eq!(
                AllowedOrigins::parse(setting).allows(origin),
                *allowed,
                "ADMIN_CORS={setting:?} origin={origin:?}"
            );
        }
    }
}
