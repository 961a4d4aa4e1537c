//! `/admin/customers`.
