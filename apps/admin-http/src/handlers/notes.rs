//! `/admin/notes`.
