//! HTTP tests of `/admin/shipping-options`.
