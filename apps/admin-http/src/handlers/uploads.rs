//! `/admin/uploads`, and the files themselves under `/uploads`.
//!
//! Uploads arrive as `multipart/form-data` with the files in the field `files`, as Medusa's
//! multer setup takes them. Each file is checked against the upload policy while it arrives:
//! its type (by extension) before any byte is kept, its size as bytes come in, so an oversized
//! file is refused (413) without reading it whole. Accepted bytes are spooled to a temporary
//! file, never held in memory, so a large import file costs the server no more memory than a
//! small one.

use actix_multipart::Multipart;
use actix_web::{
    http::{header, StatusCode},
    web, HttpRequest, HttpResponse,
};
use futures_util::StreamExt;
use medusa_core::Error;
use medusa_file::{input::file_key_from_body, Area, FileContent, FileError};
use serde::Deserialize;
use serde_json::json;
use tokio::io::AsyncWriteExt;

use crate::{
    error::{body_for_status, error_response, ApiError},
    handlers::{deleted, Answer, Body, State},
    state::AppState,
};

/// The multipart field multer reads files from.
const FILES_FIELD: &str = "files";

/// A file error as HTTP: size is 413, a bad download link 403, the rest Medusa's envelope.
fn file_error_response(err: FileError) -> HttpResponse {
    let status = match &err {
        FileError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
        FileError::BadLink => StatusCode::FORBIDDEN,
        _ => return actix_web::ResponseError::error_response(&ApiError(err.into())),
    };
    error_response(status, body_for_status(status, err.to_string()))
}

/// A file of the request as it arrived, on disk until stored; the temporary file is removed
/// when this is dropped, stored or not.
struct Spooled {
    name: String,
    path: tempfile::TempPath,
}

/// Reads every file of the request, each accepted by the policy, or the response refusing
/// them. No file is stored before all of them are accepted.
async fn read_files(
    state: &AppState,
    req: &HttpRequest,
    mut payload: Multipart,
) -> Result<Vec<Spooled>, HttpResponse> {
    let refuse = |err: Error| actix_web::ResponseError::error_response(&ApiError(err));
    let is_multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"));
    if !is_multipart {
        return Err(refuse(Error::invalid_data(
            "Files must be sent as multipart/form-data in the field \"files\"",
        )));
    }
    let policy = &state.upload_policy;
    let mut files = Vec::new();
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(|e| {
            refuse(Error::invalid_data(format!(
                "The multipart body could not be read: {e}"
            )))
        })?;
        let file_name = field
            .content_disposition()
            .and_then(|d| d.get_filename())
            .map(str::to_owned);
        let Some(file_name) = file_name else {
            // A plain form value, not a file: multer leaves those to the body, unused here.
            while let Some(chunk) = field.next().await {
                chunk.map_err(|e| {
                    refuse(Error::invalid_data(format!(
                        "The multipart body could not be read: {e}"
                    )))
                })?;
            }
            continue;
        };
        if field.name() != Some(FILES_FIELD) {
            return Err(refuse(Error::invalid_data(format!(
                "Unexpected file field \"{}\": files go in the field \"{FILES_FIELD}\"",
                field.name().unwrap_or_default()
            ))));
        }
        policy
            .check_count(files.len() + 1)
            .map_err(file_error_response)?;
        policy.accept(&file_name).map_err(file_error_response)?;
        let spool_error = |e: std::io::Error| file_error_response(FileError::from(e));
        let path = tempfile::NamedTempFile::new()
            .map_err(spool_error)?
            .into_temp_path();
        let mut spool = tokio::fs::File::create(&path).await.map_err(spool_error)?;
        let mut size: u64 = 0;
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|e| {
                refuse(Error::invalid_data(format!(
                    "The multipart body could not be read: {e}"
                )))
            })?;
            size = size.saturating_add(u64::try_from(chunk.len()).unwrap_or(u64::MAX));
            policy
                .check_size(&file_name, size)
                .map_err(file_error_response)?;
            spool.write_all(&chunk).await.map_err(spool_error)?;
        }
        spool.flush().await.map_err(spool_error)?;
        files.push(Spooled {
            name: file_name,
            path,
        });
    }
    Ok(files)
}

async fn store_files(
    state: &AppState,
    req: &HttpRequest,
    payload: Multipart,
    area: Area,
) -> HttpResponse {
    let files = match read_files(state, req, payload).await {
        Ok(files) => files,
        Err(refusal) => return refusal,
    };
    let mut uploads = Vec::with_capacity(files.len());
    for file in files {
        match state.files.put_path(area, &file.name, &file.path).await {
            Ok(stored) => uploads.push(stored),
            Err(err) => return file_error_response(err),
        }
    }
    HttpResponse::Ok().json(json!({ "uploads": uploads }))
}

/// `POST /admin/uploads`
pub async fn create_upload(state: State, req: HttpRequest, payload: Multipart) -> HttpResponse {
    store_files(&state, &req, payload, Area::Public).await
}

/// `POST /admin/uploads/protected`
pub async fn create_protected_upload(
    state: State,
    req: HttpRequest,
    payload: Multipart,
) -> HttpResponse {
    store_files(&state, &req, payload, Area::Protected).await
}

/// `POST /admin/uploads/download-url`
pub async fn get_upload_download_url(state: State, body: Body) -> Answer {
    let key = file_key_from_body(body.0)?;
    match state.files.presigned_download_url(&key).await {
        Ok(url) => Ok(HttpResponse::Ok().json(json!({ "download_url": url }))),
        Err(err) => Ok(file_error_response(err)),
    }
}

/// `DELETE /admin/uploads`
pub async fn delete_upload(state: State, body: Body) -> Answer {
    let key = file_key_from_body(body.0)?;
    match state.files.delete(&key).await {
        Ok(()) => Ok(deleted(&key, "file")),
        Err(err) => Ok(file_error_response(err)),
    }
}

/// A stored file's bytes. Served files never run in this origin: the type comes from the
/// extension, browsers may not sniff another, and the sandbox disables scripts.
fn file_response(content: FileContent, cache: &str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content.content_type)
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::CONTENT_SECURITY_POLICY, "sandbox"))
        .insert_header((header::CACHE_CONTROL, cache.to_owned()))
        .body(content.bytes)
}

/// `GET /uploads/{key}`: a public file, at the URL its upload answered with.
pub async fn get_public_file(state: State, key: web::Path<String>) -> HttpResponse {
    match state.files.read_public(&key).await {
        Ok(content) => file_response(content, "public, max-age=86400"),
        Err(err) => file_error_response(err),
    }
}

#[derive(Debug, Deserialize)]
pub struct DownloadLink {
    expires: i64,
    signature: String,
}

/// `GET /uploads/download/{key}?expires=&signature=`: a file through a download URL.
pub async fn download_file(
    state: State,
    key: web::Path<String>,
    link: web::Query<DownloadLink>,
) -> HttpResponse {
    match state
        .files
        .read_signed(&key, link.expires, &link.signature)
        .await
    {
        Ok(content) => file_response(content, "private, no-store"),
        Err(err) => file_error_response(err),
    }
}
