//! HTTP tests of `/admin/shipping-profiles`.
