//! Query-string grammar of the admin API (see crate description).
