//! `/admin/regions`.
