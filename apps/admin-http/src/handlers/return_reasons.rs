//! `/admin/return-reasons`.
