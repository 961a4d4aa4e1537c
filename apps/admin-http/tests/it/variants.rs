//! HTTP tests of `/admin/variants`.
