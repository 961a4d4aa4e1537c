//! `/admin/customer-groups`.
