//! HTTP tests of `/admin/tax-rates`.
