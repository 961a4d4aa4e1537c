//! `/admin/product-types`.
