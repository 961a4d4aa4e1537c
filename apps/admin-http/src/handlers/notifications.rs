//! `/admin/notifications`.
