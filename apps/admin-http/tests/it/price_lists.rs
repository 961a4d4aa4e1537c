//! HTTP tests of `/admin/price-lists`.
