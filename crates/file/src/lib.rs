//! Uploaded files behind a storage trait (local filesystem now, S3-compatible later).
