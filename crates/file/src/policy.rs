//! Which uploads are accepted: content types (decided by the file's extension, the same table
//! that decides the type files are served with), a size limit per file, and a count limit.

use crate::error::FileError;
use crate::keys::extension_of;

/// Extensions and the content type a file with each is stored and served as.
const KNOWN_TYPES: &[(&str, &str)] = &[
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("png", "image/png"),
    ("gif", "image/gif"),
    ("webp", "image/webp"),
    ("avif", "image/avif"),
    ("svg", "image/svg+xml"),
    ("ico", "image/x-icon"),
    ("csv", "text/csv"),
    ("txt", "text/plain"),
    ("json", "application/json"),
    ("pdf", "application/pdf"),
    ("zip", "application/zip"),
    ("mp4", "video/mp4"),
    ("webm", "video/webm"),
];

/// Accepted when nothing is configured: product images and the CSV files of imports. SVG is
/// left out on purpose: it can carry scripts.
pub const DEFAULT_ACCEPTED_TYPES: &[&str] = &[
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "image/avif",
    "text/csv",
    "application/pdf",
];

pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;
pub const DEFAULT_MAX_FILES: usize = 20;

/// The content type a stored key is served with; unknown extensions are served as opaque
/// bytes.
pub fn content_type_for(name: &str) -> &'static str {
    extension_of(name)
        .and_then(|ext| KNOWN_TYPES.iter().find(|(e, _)| *e == ext))
        .map(|(_, t)| *t)
        .unwrap_or("application/octet-stream")
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadPolicy {
    pub max_file_size: u64,
    pub max_files: usize,
    accepted: Vec<&'static str>,
}

impl Default for UploadPolicy {
    fn default() -> Self {
        Self {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            max_files: DEFAULT_MAX_FILES,
            accepted: DEFAULT_ACCEPTED_TYPES.to_vec(),
        }
    }
}

impl UploadPolicy {
    /// A policy accepting `accepted` content types; each must be one this crate knows an
    /// extension for, since the extension is what a file is served by.
    pub fn new(max_file_size: u64, max_files: usize, accepted: &[String]) -> Result<Self, String> {
        let mut known = Vec::new();
        for wanted in accepted {
            let wanted = wanted.trim().to_ascii_lowercase();
            match KNOWN_TYPES.iter().find(|(_, t)| *t == wanted) {
                Some((_, t)) => {
                    if !known.contains(t) {
                        known.push(*t);
                    }
                }
                None => {
                    let mut types: Vec<&str> = KNOWN_TYPES.iter().map(|(_, t)| *t).collect();
                    types.dedup();
                    return Err(format!(
                        "unknown upload content type {wanted:?}; known types: {}",
                        types.join(", ")
                    ));
                }
            }
        }
        Ok(Self {
            max_file_size,
            max_files,
            accepted: known,
        })
    }

    pub fn accepted_types(&self) -> &[&'static str] {
        &self.accepted
    }

    /// The content type `name` is stored as, if it is accepted.
    pub fn accept(&self, name: &str) -> Result<&'static str, FileError> {
        let content_type = content_type_for(name);
        if self.accepted.contains(&content_type) {
            Ok(content_type)
        } else {
            Err(FileError::UnsupportedType {
                name: name.to_owned(),
                content_type: content_type.to_owned(),
                accepted: self.accepted.join(", "),
            })
        }
    }

    /// Refuses a file once more than `max_file_size` bytes of it have arrived.
    pub fn check_size(&self, name: &str, size: u64) -> Result<(), FileError> {
        if size > self.max_file_size {
            return Err(FileError::TooLarge {
                name: name.to_owned(),
                limit: self.max_file_size,
            });
        }
        Ok(())
    }

    /// Refuses the `count`th file of one request when that is too many.
    pub fn check_count(&self, count: usize) -> Result<(), FileError> {
        if count > self.max_files {
            return Err(FileError::TooManyFiles {
                limit: self.max_files,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_extensions() {
        let policy = UploadPolicy::default();
        let cases = [
            ("a.png", Some("image/png")),
            ("a.JPG", Some("image/jpeg")),
            ("import.csv", Some("text/csv")),
            ("page.html", None),
            ("logo.svg", None),
            ("noext", None),
            ("shell.php.png", Some("image/png")),
        ];
        for (name, expected) in cases {
            assert_eq!(policy.accept(name).ok(), expected, "{name}");
        }
        assert_eq!(content_type_for("x.html"), "application/octet-stream");
    }

    #[test]
    fn configured_types_must_be_known() {
        let policy = UploadPolicy::new(5, 1, &["IMAGE/PNG".into(), "text/csv".into()]).unwrap();
        assert_eq!(policy.accepted_types(), ["image/png", "text/csv"]);
        assert!(policy.accept("a.jpg").is_err());
        let err = UploadPolicy::new(5, 1, &["text/html".into()]).unwrap_err();
        assert!(
            err.starts_with("unknown upload content type \"text/html\""),
            "{err}"
        );
    }

    #[test]
    fn size_and_count_limits() {
        let policy = UploadPolicy::new(10, 2, &["image/png".into()]).unwrap();
        assert!(policy.check_size("a.png", 10).is_ok());
        assert!(matches!(
            policy.check_size("a.png", 11),
            Err(FileError::TooLarge { limit: 10, .. })
        ));
        assert!(policy.check_count(2).is_ok());
        assert!(policy.check_count(3).is_err());
    }
}
