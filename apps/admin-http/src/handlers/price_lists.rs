//! `/admin/price-lists`.
