//! HTTP tests of `/admin/products`.
