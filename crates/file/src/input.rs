//! Upload request bodies, declared as Medusa's request classes declare them
//! (`AdminDeleteUploadsReq`, `AdminPostUploadsDownloadUrlReq`).

use medusa_core::body::{Class, Field, Rule};
use serde_json::Value;

static FILE_KEY: Class = Class::new(&[Field::required("file_key", &[Rule::String])]);

/// Reads the `{file_key}` body of `DELETE /admin/uploads` and `POST /admin/uploads/download-url`.
pub fn file_key_from_body(body: Value) -> medusa_core::Result<String> {
    Ok(FILE_KEY.read(body)?.string("file_key").unwrap_or_default())
}
