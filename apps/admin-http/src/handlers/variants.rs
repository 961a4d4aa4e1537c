//! `/admin/variants`.
