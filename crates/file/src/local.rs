//! [`FileStorage`] in a local directory, laid out as `@medusajs/file-local` lays it out:
//! public files directly in the directory (so an existing file-local `uploads` folder keeps
//! working) and protected files in its `.protected` subfolder, which no key can name.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use async_trait::async_trait;
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use rand::Rng;

use crate::error::FileError;
use crate::keys::{is_valid_key, key_for, sanitize_file_name};
use crate::policy::content_type_for;
use crate::signing::DownloadSigner;
use crate::storage::{Area, FileContent, FileStorage, NewFile, StoredFile};

/// The URL path public files are served under; download links use `<this>/download/<key>`.
pub const PUBLIC_PATH: &str = "/uploads";
const PROTECTED_FOLDER: &str = ".protected";

#[derive(Debug, Clone)]
pub struct LocalFileStorage {
    root: PathBuf,
    /// This server's public address (file-local's `backend_url`), without a trailing slash.
    base_url: String,
    signer: DownloadSigner,
}

fn now_millis() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or_default()
}

fn encode(key: &str) -> String {
    utf8_percent_encode(key, NON_ALPHANUMERIC).to_string()
}

impl LocalFileStorage {
    pub fn new(root: impl Into<PathBuf>, base_url: &str, signer: DownloadSigner) -> Self {
        Self {
            root: root.into(),
            base_url: base_url.trim_end_matches('/').to_owned(),
            signer,
        }
    }

    fn folder(&self, area: Area) -> PathBuf {
        match area {
            Area::Public => self.root.clone(),
            Area::Protected => self.root.join(PROTECTED_FOLDER),
        }
    }

    fn path(&self, area: Area, key: &str) -> Result<PathBuf, FileError> {
        if !is_valid_key(key) {
            return Err(FileError::InvalidKey(key.to_owned()));
        }
        Ok(self.folder(area).join(key))
    }

    /// The public URL of a public file.
    pub fn public_url(&self, key: &str) -> String {
        format!("{}{PUBLIC_PATH}/{}", self.base_url, encode(key))
    }

    /// The area holding `key`, if any.
    async fn locate(&self, key: &str) -> Result<Option<(Area, PathBuf)>, FileError> {
        for area in [Area::Protected, Area::Public] {
            let path = self.path(area, key)?;
            if tokio::fs::metadata(&path).await.is_ok_and(|m| m.is_file()) {
                return Ok(Some((area, path)));
            }
        }
        Ok(None)
    }

    fn temporary_in(folder: &Path) -> PathBuf {
        folder.join(format!(".tmp-{:016x}", rand::thread_rng().gen::<u64>()))
    }

    /// Links a complete temporary file into place under a new key, then removes the
    /// temporary name: readers never see half a file, and the link fails instead of
    /// overwriting a file of the same key.
    async fn link_into_place(
        &self,
        area: Area,
        name: &str,
        temporary: &Path,
    ) -> Result<StoredFile, FileError> {
        let folder = self.folder(area);
        let name = sanitize_file_name(name);
        let mut millis = now_millis();
        let linked = loop {
            let key = key_for(millis, &name);
            match tokio::fs::hard_link(temporary, folder.join(&key)).await {
                Ok(()) => break Ok(key),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => millis += 1,
                Err(e) => break Err(e),
            }
        };
        tokio::fs::remove_file(temporary).await?;
        let key = linked?;
        let url = match area {
            Area::Public => self.public_url(&key),
            Area::Protected => self.presigned_download_url(&key).await?,
        };
        Ok(StoredFile { url, key })
    }

    async fn read(path: &Path, key: &str) -> Result<FileContent, FileError> {
        match tokio::fs::read(path).await {
            Ok(bytes) => Ok(FileContent {
                bytes,
                content_type: content_type_for(key),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Err(FileError::NotFound(key.to_owned()))
            }
            Err(e) => Err(e.into()),
        }
    }
}

#[async_trait]
impl FileStorage for LocalFileStorage {
    async fn put(&self, area: Area, file: NewFile) -> Result<StoredFile, FileError> {
        let folder = self.folder(area);
        tokio::fs::create_dir_all(&folder).await?;
        let temporary = Self::temporary_in(&folder);
        tokio::fs::write(&temporary, &file.bytes).await?;
        self.link_into_place(area, &file.name, &temporary).await
    }

    async fn put_path(
        &self,
        area: Area,
        name: &str,
        source: &Path,
    ) -> Result<StoredFile, FileError> {
        let folder = self.folder(area);
        tokio::fs::create_dir_all(&folder).await?;
        let temporary = Self::temporary_in(&folder);
        tokio::fs::copy(source, &temporary).await?;
        self.link_into_place(area, name, &temporary).await
    }

    async fn copy_to(&self, key: &str, dest: &Path) -> Result<u64, FileError> {
        match self.locate(key).await? {
            Some((_, path)) => Ok(tokio::fs::copy(&path, dest).await?),
            None => Err(FileError::NotFound(key.to_owned())),
        }
    }

    async fn delete(&self, key: &str) -> Result<(), FileError> {
        for area in [Area::Public, Area::Protected] {
            match tokio::fs::remove_file(self.path(area, key)?).await {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(())
    }

    async fn presigned_download_url(&self, key: &str) -> Result<String, FileError> {
        if self.locate(key).await?.is_none() {
            return Err(FileError::NotFound(key.to_owned()));
        }
        let expires = now_millis() / 1000 + self.signer.ttl_seconds;
        let signature = self.signer.sign(key, expires);
        Ok(format!(
            "{}{PUBLIC_PATH}/download/{}?expires={expires}&signature={signature}",
            self.base_url,
            encode(key)
        ))
    }

    async fn read_public(&self, key: &str) -> Result<FileContent, FileError> {
        Self::read(&self.path(Area::Public, key)?, key).await
    }

    async fn read_signed(
        &self,
        key: &str,
        expires: i64,
        signature: &str,
    ) -> Result<FileContent, FileError> {
        self.signer
            .verify(key, expires, signature, now_millis() / 1000)?;
        match self.locate(key).await? {
            Some((_, path)) => Self::read(&path, key).await,
            None => Err(FileError::NotFound(key.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct TempDir(PathBuf);

    impl TempDir {
        fn new(tag: &str) -> Self {
            let dir = std::env::temp_dir().join(format!(
                "medusa_file_{tag}_{}_{:x}",
                std::process::id(),
                rand::thread_rng().gen::<u64>()
            ));
            Self(dir)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn storage(dir: &TempDir) -> LocalFileStorage {
        LocalFileStorage::new(
            &dir.0,
            "http://localhost:9000/",
            DownloadSigner::new(b"secret", 60),
        )
    }

    fn file(name: &str, bytes: &[u8]) -> NewFile {
        NewFile {
            name: name.into(),
            bytes: bytes.to_vec(),
        }
    }

    fn query_param<'u>(url: &'u str, name: &str) -> &'u str {
        url.split(['?', '&'])
            .find_map(|p| p.strip_prefix(&format!("{name}=")))
            .unwrap()
    }

    #[tokio::test]
    async fn public_files_are_stored_under_a_timestamped_key() {
        let dir = TempDir::new("public");
        let storage = storage(&dir);
        let stored = storage
            .put(Area::Public, file("shirt.png", b"png"))
            .await
            .unwrap();
        let (millis, name) = stored.key.split_once('-').unwrap();
        assert!(millis.parse::<i64>().is_ok());
        assert_eq!(name, "shirt.png");
        assert_eq!(
            stored.url,
            format!("http://localhost:9000/uploads/{}", encode(&stored.key))
        );
        assert_eq!(std::fs::read(dir.0.join(&stored.key)).unwrap(), b"png");
        let content = storage.read_public(&stored.key).await.unwrap();
        assert_eq!(
            (content.bytes.as_slice(), content.content_type),
            (&b"png"[..], "image/png")
        );
    }

    #[tokio::test]
    async fn names_cannot_escape_the_directory() {
        let dir = TempDir::new("escape");
        let storage = storage(&dir);
        let stored = storage
            .put(Area::Public, file("../../escape.png", b"x"))
            .await
            .unwrap();
        assert!(stored.key.ends_with("-escape.png"));
        assert!(dir.0.join(&stored.key).is_file());
        assert!(!dir.0.parent().unwrap().join("escape.png").exists());
        for key in ["../x", ".protected", "a/b", ""] {
            assert!(matches!(
                storage.read_public(key).await,
                Err(FileError::InvalidKey(_))
            ));
            assert!(matches!(
                storage.delete(key).await,
                Err(FileError::InvalidKey(_))
            ));
        }
    }

    #[tokio::test]
    async fn same_name_in_the_same_millisecond_gets_another_key() {
        let dir = TempDir::new("twice");
        let storage = storage(&dir);
        let a = storage
            .put(Area::Public, file("a.png", b"1"))
            .await
            .unwrap();
        let b = storage
            .put(Area::Public, file("a.png", b"2"))
            .await
            .unwrap();
        assert_ne!(a.key, b.key);
        assert_eq!(std::fs::read(dir.0.join(&a.key)).unwrap(), b"1");
        assert_eq!(std::fs::read(dir.0.join(&b.key)).unwrap(), b"2");
    }

    #[tokio::test]
    async fn protected_files_only_through_signed_links() {
        let dir = TempDir::new("protected");
        let storage = storage(&dir);
        let stored = storage
            .put(Area::Protected, file("import.csv", b"a,b"))
            .await
            .unwrap();
        assert!(matches!(
            storage.read_public(&stored.key).await,
            Err(FileError::NotFound(_))
        ));
        let url = storage.presigned_download_url(&stored.key).await.unwrap();
        assert!(url.starts_with(&format!(
            "http://localhost:9000/uploads/download/{}?expires=",
            encode(&stored.key)
        )));
        let expires: i64 = query_param(&url, "expires").parse().unwrap();
        let signature = query_param(&url, "signature");
        let content = storage
            .read_signed(&stored.key, expires, signature)
            .await
            .unwrap();
        assert_eq!(
            (content.bytes.as_slice(), content.content_type),
            (&b"a,b"[..], "text/csv")
        );
        assert!(matches!(
            storage
                .read_signed(&stored.key, expires + 1, signature)
                .await,
            Err(FileError::BadLink)
        ));
    }

    #[tokio::test]
    async fn delete_removes_from_either_area_and_tolerates_missing_keys() {
        let dir = TempDir::new("delete");
        let storage = storage(&dir);
        let public = storage
            .put(Area::Public, file("a.png", b"1"))
            .await
            .unwrap();
        let protected = storage
            .put(Area::Protected, file("b.csv", b"2"))
            .await
            .unwrap();
        storage.delete(&public.key).await.unwrap();
        storage.delete(&protected.key).await.unwrap();
        storage.delete("1-never-stored.png").await.unwrap();
        assert!(!dir.0.join(&public.key).exists());
        assert!(!dir.0.join(PROTECTED_FOLDER).join(&protected.key).exists());
        assert!(matches!(
            storage.presigned_download_url(&public.key).await,
            Err(FileError::NotFound(_))
        ));
    }
}
