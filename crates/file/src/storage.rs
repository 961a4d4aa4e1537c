//! The storage seam: what every file backend (local directory, S3-compatible bucket) does.

use async_trait::async_trait;
use serde::Serialize;

use crate::error::FileError;

/// Where an upload goes. Public files are reachable by their URL; protected files only
/// through a download URL (`POST /admin/uploads/download-url`), as Medusa's protected
/// uploads (product import files) are meant to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    Public,
    Protected,
}

/// An upload as the client sent it; its name has been accepted by the
/// [`UploadPolicy`](crate::UploadPolicy).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFile {
    /// The client's file name; the storage derives a safe key from it.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A stored upload as Medusa answers it: `{url, key}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredFile {
    pub url: String,
    pub key: String,
}

/// A stored file's bytes and the content type to serve them with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileContent {
    pub bytes: Vec<u8>,
    pub content_type: &'static str,
}

/// A file backend. Keys given back by clients are checked by the backend: an invalid key is
/// [`FileError::InvalidKey`], never a path outside the storage.
#[async_trait]
pub trait FileStorage: Send + Sync {
    /// Stores a file under a new key in `area`.
    async fn put(&self, area: Area, file: NewFile) -> Result<StoredFile, FileError>;
    /// Stores the file at `source` under a new key in `area`, named after `name`; the file is
    /// copied as a stream, never held in memory whole (batch job exports).
    async fn put_path(
        &self,
        area: Area,
        name: &str,
        source: &std::path::Path,
    ) -> Result<StoredFile, FileError>;
    /// Copies the stored file with this key, from whichever area holds it, to `dest` as a
    /// stream (batch job imports read their CSV from the copy); answers its size in bytes.
    async fn copy_to(&self, key: &str, dest: &std::path::Path) -> Result<u64, FileError>;
    /// Deletes the file with this key from whichever area holds it; a key that holds nothing
    /// is no error (as Medusa's file services do).
    async fn delete(&self, key: &str) -> Result<(), FileError>;
    /// A URL to download the file from, valid for a limited time.
    async fn presigned_download_url(&self, key: &str) -> Result<String, FileError>;
    /// A public file's content, to serve its URL.
    async fn read_public(&self, key: &str) -> Result<FileContent, FileError>;
    /// A file's content through a download URL's `expires` and `signature`.
    async fn read_signed(
        &self,
        key: &str,
        expires: i64,
        signature: &str,
    ) -> Result<FileContent, FileError>;
}
