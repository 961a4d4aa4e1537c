//! The store and currencies.
