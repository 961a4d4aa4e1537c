//! `/admin/uploads`.
