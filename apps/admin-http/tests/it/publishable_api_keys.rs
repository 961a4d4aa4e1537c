//! HTTP tests of `/admin/publishable-api-keys`.
