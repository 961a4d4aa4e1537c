//! `/admin/product-categories`.
