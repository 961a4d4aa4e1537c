//! admin-http
