//! HTTP tests of `/admin/uploads`.
