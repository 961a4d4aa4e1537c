//! `/admin/collections`.
