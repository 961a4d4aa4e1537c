//! Middleware: cross-origin requests, credential resolution and access control, and the
//! JSON-only error guarantee.

pub mod auth;
pub mod cors;
pub mod json_errors;
pub mod nul_path;
pub mod request_log;
pub mod session_store;
