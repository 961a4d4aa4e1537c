//! HTTP tests of `/admin/return-reasons`.
