//! `/admin/products`.
