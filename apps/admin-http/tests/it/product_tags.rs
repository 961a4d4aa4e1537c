//! HTTP tests of `/admin/product-tags`.
