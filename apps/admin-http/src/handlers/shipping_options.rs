//! `/admin/shipping-options`.
