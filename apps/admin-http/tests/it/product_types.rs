//! HTTP tests of `/admin/product-types`.
