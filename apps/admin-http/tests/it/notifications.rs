//! HTTP tests of `/admin/notifications`.
