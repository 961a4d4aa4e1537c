//! HTTP tests of `/admin/product-categories`.
