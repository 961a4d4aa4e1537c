//! `/admin/publishable-api-keys`.
