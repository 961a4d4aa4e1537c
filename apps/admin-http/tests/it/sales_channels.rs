//! HTTP tests of `/admin/sales-channels`.
