//! The route table: every operation the server answers, its access rule and its handler.
//!
//! The table is data so that the server, the auth middleware and the tests read the same list:
//! a test walks it to prove that every protected route refuses strangers.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use actix_web::{http::Method, web, HttpRequest, HttpResponse, Route};

use crate::error::{body_for_status, error_response};
use crate::handlers::{api_keys, auth, currencies, invites, store, users};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Answers without credentials (login, invite acceptance, password reset).
    Public,
    /// Answers 401 without valid credentials.
    Authenticated,
}

pub struct Endpoint {
    pub method: Method,
    /// The full path pattern, as actix matches it (`/admin/users/{id}`).
    pub path: &'static str,
    pub access: Access,
    route: fn() -> Route,
}

macro_rules! endpoint {
    ($method:ident $path:literal $access:ident => $handler:path) => {
        Endpoint {
            method: Method::$method,
            path: $path,
            access: Access::$access,
            route: || web::route().method(Method::$method).to($handler),
        }
    };
}

/// Every operation, static paths before the parameterised paths they would otherwise shadow.
pub fn endpoints() -> Vec<Endpoint> {
    vec![
        // v1 authentication
        endpoint!(POST "/admin/auth" Public => auth::create_session),
        endpoint!(GET "/admin/auth" Authenticated => auth::get_session),
        endpoint!(DELETE "/admin/auth" Authenticated => auth::delete_session),
        endpoint!(POST "/admin/auth/token" Public => auth::create_token),
        // v2 authentication
        endpoint!(POST "/auth/user/emailpass" Public => auth::emailpass_token),
        endpoint!(POST "/auth/session" Authenticated => auth::session_from_token),
        endpoint!(DELETE "/auth/session" Public => auth::delete_v2_session),
        // users
        endpoint!(POST "/admin/users/password-token" Public => users::request_password_reset),
        endpoint!(POST "/admin/users/reset-password" Public => users::reset_password),
        endpoint!(GET "/admin/users" Authenticated => users::list_users),
        endpoint!(POST "/admin/users" Authenticated => users::create_user),
        endpoint!(GET "/admin/users/{id}" Authenticated => users::get_user),
        endpoint!(POST "/admin/users/{id}" Authenticated => users::update_user),
        endpoint!(DELETE "/admin/users/{id}" Authenticated => users::delete_user),
        // invites
        endpoint!(POST "/admin/invites/accept" Public => invites::accept_invite),
        endpoint!(GET "/admin/invites" Authenticated => invites::list_invites),
        endpoint!(POST "/admin/invites" Authenticated => invites::create_invite),
        endpoint!(DELETE "/admin/invites/{invite_id}" Authenticated => invites::delete_invite),
        endpoint!(POST "/admin/invites/{invite_id}/resend" Authenticated => invites::resend_invite),
        // secret API keys (v2)
        endpoint!(GET "/admin/api-keys" Authenticated => api_keys::list_api_keys),
        endpoint!(POST "/admin/api-keys" Authenticated => api_keys::create_api_key),
        endpoint!(GET "/admin/api-keys/{id}" Authenticated => api_keys::get_api_key),
        endpoint!(POST "/admin/api-keys/{id}" Authenticated => api_keys::update_api_key),
        endpoint!(DELETE "/admin/api-keys/{id}" Authenticated => api_keys::delete_api_key),
        endpoint!(POST "/admin/api-keys/{id}/revoke" Authenticated => api_keys::revoke_api_key),
        // store
        endpoint!(GET "/admin/store" Authenticated => store::get_store),
        endpoint!(POST "/admin/store" Authenticated => store::update_store),
        endpoint!(GET "/admin/store/payment-providers" Authenticated => store::list_payment_providers),
        endpoint!(GET "/admin/store/tax-providers" Authenticated => store::list_tax_providers),
        endpoint!(POST "/admin/store/currencies/{code}" Authenticated => store::add_store_currency),
        endpoint!(DELETE "/admin/store/currencies/{code}" Authenticated => store::remove_store_currency),
        // currencies
        endpoint!(GET "/admin/currencies" Authenticated => currencies::list_currencies),
        // regions
        // return reasons
        // tax rates
        // shipping profiles
        // shipping options
        // customers
        // customer groups
        // notes
        // notifications
        // publishable api keys
    ]
}

/// Whether `method` on the route pattern `pattern` answers without credentials.
pub fn is_public(method: &Method, pattern: &str) -> bool {
    static PUBLIC: OnceLock<Vec<(Method, &'static str)>> = OnceLock::new();
    PUBLIC
        .get_or_init(|| {
            endpoints()
                .into_iter()
                .filter(|e| e.access == Access::Public)
                .map(|e| (e.method, e.path))
                .collect()
        })
        .iter()
        .any(|(m, p)| m == method && *p == pattern)
}

/// Registers the endpoints whose path starts with `prefix`, relative to a scope mounted there.
/// Each path becomes one resource holding its methods; any other method answers 405.
pub fn register(cfg: &mut web::ServiceConfig, prefix: &str) {
    let mut by_path: BTreeMap<usize, (&'static str, Vec<Endpoint>)> = BTreeMap::new();
    let mut order: Vec<&'static str> = Vec::new();
    for endpoint in endpoints()
        .into_iter()
        .filter(|e| e.path.starts_with(prefix))
    {
        let position = match order.iter().position(|p| *p == endpoint.path) {
            Some(position) => position,
            None => {
                order.push(endpoint.path);
                order.len() - 1
            }
        };
        by_path
            .entry(position)
            .or_insert_with(|| (endpoint.path, Vec::new()))
            .1
            .push(endpoint);
    }
    for (_, (path, endpoints)) in by_path {
        let relative = &path[prefix.len()..];
        let mut resource = web::resource(relative).default_service(web::to(method_not_allowed));
        for endpoint in endpoints {
            resource = resource.route((endpoint.route)());
        }
        cfg.service(resource);
    }
}

async fn method_not_allowed(req: HttpRequest) -> HttpResponse {
    let status = actix_web::http::StatusCode::METHOD_NOT_ALLOWED;
    error_response(
        status,
        body_for_status(
            status,
            format!("Method {} is not allowed on {}", req.method(), req.path()),
        ),
    )
}

/// The answer for a path no route matches.
pub async fn not_found(req: HttpRequest) -> HttpResponse {
    let status = actix_web::http::StatusCode::NOT_FOUND;
    error_response(
        status,
        body_for_status(
            status,
            format!("Route {} {} not found", req.method(), req.path()),
        ),
    )
}
