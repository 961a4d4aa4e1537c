//! HTTP tests of `/admin/customer-groups`.
