//! `/admin/shipping-profiles`.
