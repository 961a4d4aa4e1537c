//! `/admin/sales-channels`.
