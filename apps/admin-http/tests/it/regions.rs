//! HTTP tests of `/admin/regions`.
