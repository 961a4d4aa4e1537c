//! Notes on any resource, and notifications produced by notification providers.
