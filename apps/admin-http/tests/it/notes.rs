//! HTTP tests of `/admin/notes`.
