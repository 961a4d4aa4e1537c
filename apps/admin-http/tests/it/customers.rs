//! HTTP tests of `/admin/customers`.
