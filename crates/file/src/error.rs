//! What can go wrong with a file, and the Medusa error each case is answered with.

use medusa_core::Error;

#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The key names no stored file.
    #[error("File with key: {0} was not found")]
    NotFound(String),
    /// The key could address something outside the storage area (`..`, `/`, a hidden name).
    #[error("{0} is not a valid file key")]
    InvalidKey(String),
    /// The file is larger than the policy allows; the HTTP layer answers 413.
    #[error("File {name} is larger than the {limit} bytes allowed")]
    TooLarge { name: String, limit: u64 },
    #[error(
        "File {name} has a type that is not accepted ({content_type}); accepted types: {accepted}"
    )]
    UnsupportedType {
        name: String,
        content_type: String,
        accepted: String,
    },
    #[error("At most {limit} files can be uploaded at once")]
    TooManyFiles { limit: usize },
    /// A download link whose signature does not match or whose time is up; the HTTP layer
    /// answers 403.
    #[error("The download link is invalid or has expired")]
    BadLink,
    /// The storage itself failed; the cause is logged, never shown.
    #[error("file storage failed: {0}")]
    Storage(#[from] std::io::Error),
}

impl From<FileError> for Error {
    fn from(err: FileError) -> Self {
        match &err {
            FileError::NotFound(_) => Error::not_found(err.to_string()),
            FileError::InvalidKey(_)
            | FileError::TooLarge { .. }
            | FileError::UnsupportedType { .. }
            | FileError::TooManyFiles { .. } => Error::invalid_data(err.to_string()),
            FileError::BadLink => Error::not_allowed(err.to_string()),
            FileError::Storage(cause) => {
                tracing::error!(error = %cause, "file storage failed");
                Error::UnexpectedState("The file could not be stored or read".to_owned())
            }
        }
    }
}
