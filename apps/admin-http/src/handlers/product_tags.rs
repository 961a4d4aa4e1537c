//! `/admin/product-tags`.
