//! HTTP tests of `/admin/collections`.
