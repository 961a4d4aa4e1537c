//! Uploaded files behind a storage trait (local filesystem now, S3-compatible later).
//!
//! `medusa-file` owns what Medusa's file-service plugins do: storing an upload in a public or a
//! protected area, deleting it, and handing out a download URL. [`FileStorage`] is the seam a
//! second backend (S3-compatible storage) plugs into; [`LocalFileStorage`] keeps files in a
//! directory, as `@medusajs/file-local` does, and signs expiring download links for protected
//! files. [`UploadPolicy`] decides which files are accepted (content types, size, count) and
//! [`keys`] how a client's file name becomes a safe storage key. The crate knows no HTTP.

// Tests may unwrap: a panic there is the failure report.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod error;
pub mod input;
pub mod keys;
pub mod local;
pub mod policy;
pub mod signing;
pub mod storage;

pub use error::FileError;
pub use local::LocalFileStorage;
pub use policy::UploadPolicy;
pub use signing::DownloadSigner;
pub use storage::{Area, FileContent, FileStorage, NewFile, StoredFile};
