//! `/admin/tax-rates`.
