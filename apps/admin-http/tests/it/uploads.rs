//! HTTP tests of `/admin/uploads` and of the uploaded files served under `/uploads`.
//!
//! The reference server has no file plugin (every upload route answers its 500 "Please add a
//! file service plugin"), so these answers follow `@medusajs/file-local`'s: `{uploads: [{url,
//! key}]}` with keys `<epoch ms>-<name>` and URLs `<backend_url>/uploads/<key>`.

use std::path::PathBuf;
use std::sync::Arc;

use actix_web::test::TestRequest;
use medusa_file::{DownloadSigner, LocalFileStorage, UploadPolicy};
use medusa_test_support::on_both_backends;
use serde_json::{json, Value};

use crate::support::*;

const BOUNDARY: &str = "medusa-test-boundary";

/// A folder for one test's uploads, removed afterwards.
struct UploadDir(PathBuf);

impl Drop for UploadDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The app storing uploads in a fresh folder, accepting images and CSV up to `max_size` bytes.
fn with_uploads(mut app: TestApp, max_size: u64) -> (TestApp, UploadDir) {
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let dir = std::env::temp_dir().join(format!(
        "medusa_uploads_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
    ));
    let storage = LocalFileStorage::new(
        &dir,
        "http://localhost:9000",
        DownloadSigner::new(b"test", 60),
    );
    let policy = UploadPolicy::new(max_size, 3, &["image/png".into(), "text/csv".into()]).unwrap();
    app.state = app.state.clone().with_uploads(Arc::new(storage), policy);
    (app, UploadDir(dir))
}

/// A multipart body with `(field, file name, bytes)` parts; an empty file name makes a plain
/// form value.
pub(crate) fn multipart(path: &str, parts: &[(&str, &str, &[u8])]) -> TestRequest {
    let mut body = Vec::new();
    for (field, name, bytes) in parts {
        let file_name = if name.is_empty() {
            String::new()
        } else {
            format!("; filename=\"{name}\"")
        };
        body.extend_from_slice(format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{field}\"{file_name}\r\nContent-Type: application/octet-stream\r\n\r\n"
        ).as_bytes());
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    TestRequest::post()
        .uri(path)
        .insert_header((
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        ))
        .set_payload(body)
}

fn key_of(upload: &Value) -> String {
    upload["key"].as_str().unwrap().to_owned()
}

on_both_backends! {
    async fn public_uploads_are_stored_and_served(app) {
        let (app, dir) = with_uploads(app, 1024);
        let svc = app.service().await;
        let answer = send(&svc, admin(multipart("/admin/uploads", &[("files", "shirt.png", b"PNGDATA"), ("files", "import.csv", b"a,b\n1,2")]))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        let uploads = answer.body["uploads"].as_array().unwrap();
        assert_eq!(uploads.len(), 2);
        let key = key_of(&uploads[0]);
        let (millis, name) = key.split_once('-').unwrap();
        assert!(millis.parse::<i64>().is_ok(), "{key}");
        assert_eq!(name, "shirt.png");
        assert_eq!(uploads[0]["url"], json!(format!("http://localhost:9000/uploads/{}", key.replace('-', "%2D").replace('.', "%2E"))));
        assert_eq!(std::fs::read(dir.0.join(&key)).unwrap(), b"PNGDATA");

        // Served without credentials, as product images are.
        let served = send(&svc, get(&format!("/uploads/{key}"))).await;
        assert_eq!(served.status, 200);
        assert_eq!(served.text, "PNGDATA");
        assert_eq!(served.content_type(), "image/png");
        assert_eq!(served.headers.get("x-content-type-options").unwrap(), "nosniff");
        let csv = send(&svc, get(&format!("/uploads/{}", key_of(&uploads[1])))).await;
        assert_eq!((csv.status, csv.content_type().as_str(), csv.text.as_str()), (200, "text/csv", "a,b\n1,2"));

        let missing = send(&svc, get("/uploads/1-never.png")).await;
        assert_eq!(missing.status, 404);
        assert_eq!(missing.body, json!({"type": "not_found", "message": "File with key: 1-never.png was not found"}));
        let empty = send(&svc, admin(multipart("/admin/uploads", &[("note", "", b"no files")]))).await;
        assert_eq!((empty.status, &empty.body), (200, &json!({"uploads": []})));
    }
}

on_both_backends! {
    async fn file_names_cannot_escape_the_upload_folder(app) {
        let (app, dir) = with_uploads(app, 1024);
        let svc = app.service().await;
        let answer = send(&svc, admin(multipart("/admin/uploads", &[("files", "../../escaped.png", b"x")]))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        let key = key_of(&answer.body["uploads"][0]);
        assert!(key.ends_with("-escaped.png") && !key.contains('/'), "{key}");
        assert!(dir.0.join(&key).is_file());
        assert!(!dir.0.parent().unwrap().join("escaped.png").exists());

        for path in ["/uploads/..%2F..%2Fetc%2Fpasswd", "/uploads/.protected", "/uploads/%2E%2E"] {
            let answer = send(&svc, get(path)).await;
            assert_eq!(answer.status, 400, "{path}: {}", answer.text);
            assert_eq!(answer.body["type"], "invalid_data");
        }
        let delete = send(&svc, admin(delete("/admin/uploads").set_json(json!({"file_key": "../outside.png"})))).await;
        assert_eq!((delete.status, delete.body["message"].as_str()), (400, Some("../outside.png is not a valid file key")));
    }
}

on_both_backends! {
    async fn refused_uploads_say_why(app) {
        let (app, dir) = with_uploads(app, 8);
        let svc = app.service().await;
        let too_large = send(&svc, admin(multipart("/admin/uploads", &[("files", "big.png", b"123456789")]))).await;
        assert_eq!(too_large.status, 413);
        assert_eq!(too_large.body, json!({"type": "invalid_data", "message": "File big.png is larger than the 8 bytes allowed"}));
        let html = send(&svc, admin(multipart("/admin/uploads", &[("files", "page.html", b"<script>")]))).await;
        assert_eq!(html.status, 400);
        assert_eq!(html.body["message"], "File page.html has a type that is not accepted (application/octet-stream); accepted types: image/png, text/csv");
        let svg = send(&svc, admin(multipart("/admin/uploads", &[("files", "logo.svg", b"<svg/>")]))).await;
        assert_eq!(svg.body["message"], "File logo.svg has a type that is not accepted (image/svg+xml); accepted types: image/png, text/csv");
        let many = send(&svc, admin(multipart("/admin/uploads", &[("files", "1.png", b"1"), ("files", "2.png", b"2"), ("files", "3.png", b"3"), ("files", "4.png", b"4")]))).await;
        assert_eq!((many.status, many.body["message"].as_str()), (400, Some("At most 3 files can be uploaded at once")));
        let field = send(&svc, admin(multipart("/admin/uploads", &[("file", "a.png", b"1")]))).await;
        assert_eq!((field.status, field.body["message"].as_str()), (400, Some("Unexpected file field \"file\": files go in the field \"files\"")));
        let json_body = send(&svc, admin(post("/admin/uploads", json!({"files": []})))).await;
        assert_eq!((json_body.status, json_body.body["message"].as_str()), (400, Some("Files must be sent as multipart/form-data in the field \"files\"")));
        let strangers = send(&svc, multipart("/admin/uploads", &[("files", "a.png", b"1")])).await;
        assert_eq!(strangers.status, 401);
        // Nothing refused was kept.
        let kept = std::fs::read_dir(&dir.0).map(|entries| entries.count()).unwrap_or(0);
        assert_eq!(kept, 0);
    }
}

on_both_backends! {
    async fn protected_uploads_only_through_download_urls(app) {
        let (app, dir) = with_uploads(app, 1024);
        let svc = app.service().await;
        let answer = send(&svc, admin(multipart("/admin/uploads/protected", &[("files", "products.csv", b"id,title")]))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        let key = key_of(&answer.body["uploads"][0]);
        assert!(dir.0.join(".protected").join(&key).is_file());
        assert!(!dir.0.join(&key).exists());
        let public = send(&svc, get(&format!("/uploads/{key}"))).await;
        assert_eq!(public.status, 404, "not reachable by the public URL");

        let url = send(&svc, admin(post("/admin/uploads/download-url", json!({"file_key": key})))).await;
        assert_eq!(url.status, 200, "{}", url.text);
        let download_url = url.body["download_url"].as_str().unwrap();
        let path = download_url.strip_prefix("http://localhost:9000").unwrap();
        assert!(path.starts_with("/uploads/download/"), "{path}");
        let downloaded = send(&svc, get(path)).await;
        assert_eq!((downloaded.status, downloaded.text.as_str(), downloaded.content_type().as_str()), (200, "id,title", "text/csv"));
        // The upload's own URL is such a link too.
        let own = answer.body["uploads"][0]["url"].as_str().unwrap().strip_prefix("http://localhost:9000").unwrap().to_owned();
        assert_eq!(send(&svc, get(&own)).await.text, "id,title");

        let tampered = send(&svc, get(&path.replace("signature=", "signature=x"))).await;
        assert_eq!(tampered.status, 403);
        assert_eq!(tampered.body, json!({"type": "not_allowed", "message": "The download link is invalid or has expired"}));
        let expires: i64 = path.split("expires=").nth(1).unwrap().split('&').next().unwrap().parse().unwrap();
        let longer = send(&svc, get(&path.replace(&format!("expires={expires}"), &format!("expires={}", expires + 3600)))).await;
        assert_eq!(longer.status, 403, "the expiry is signed");

        let missing = send(&svc, admin(post("/admin/uploads/download-url", json!({"file_key": "1-never.csv"})))).await;
        assert_eq!(missing.status, 404);
        let invalid = send(&svc, admin(post("/admin/uploads/download-url", json!({"file_key": 1, "x": 1})))).await;
        assert_eq!((invalid.status, invalid.body["message"].as_str()), (400, Some("property x should not exist, file_key must be a string")));
    }
}

on_both_backends! {
    async fn deleting_uploads(app) {
        let (app, dir) = with_uploads(app, 1024);
        let svc = app.service().await;
        let public = send(&svc, admin(multipart("/admin/uploads", &[("files", "a.png", b"1")]))).await;
        let protected = send(&svc, admin(multipart("/admin/uploads/protected", &[("files", "b.csv", b"2")]))).await;
        for key in [key_of(&public.body["uploads"][0]), key_of(&protected.body["uploads"][0])] {
            let deleted = send(&svc, admin(delete("/admin/uploads").set_json(json!({"file_key": key})))).await;
            assert_eq!(deleted.status, 200);
            assert_eq!(deleted.body, json!({"id": key, "object": "file", "deleted": true}));
            assert!(!dir.0.join(&key).exists() && !dir.0.join(".protected").join(&key).exists());
        }
        // As file-local, deleting what is not there succeeds.
        let again = send(&svc, admin(delete("/admin/uploads").set_json(json!({"file_key": "1-never.png"})))).await;
        assert_eq!(again.body, json!({"id": "1-never.png", "object": "file", "deleted": true}));
        let invalid = send(&svc, admin(delete("/admin/uploads").set_json(json!({})))).await;
        assert_eq!((invalid.status, invalid.body["message"].as_str()), (400, Some("file_key must be a string")));
    }
}
