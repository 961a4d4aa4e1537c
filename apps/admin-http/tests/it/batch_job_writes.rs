//! HTTP tests of creating, confirming and cancelling batch jobs, with the worker run by hand
//! between requests. Expected answers are the reference Medusa 1.20.10's (with
//! `@medusajs/file-local` installed so exports complete): the 201 and its prepared export
//! context, the statuses after each step, and the refusals' bodies.

use std::path::PathBuf;
use std::sync::Arc;

use medusa_file::{DownloadSigner, LocalFileStorage, UploadPolicy};
use medusa_test_support::on_both_backends;
use serde_json::{json, Value};

use crate::support::*;

/// A folder for one test's files, removed afterwards.
struct FileDir(PathBuf);

impl Drop for FileDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn with_files(mut app: TestApp) -> (TestApp, FileDir) {
    let dir = std::env::temp_dir().join(format!(
        "medusa_batch_http_{}_{}",
        std::process::id(),
        medusa_core::generate_id("t")
    ));
    let storage =
        LocalFileStorage::new(&dir, "http://localhost:9000", DownloadSigner::new(b"t", 60));
    let policy = UploadPolicy::new(1 << 20, 3, &["text/csv".into()]).unwrap();
    app.state = app.state.clone().with_uploads(Arc::new(storage), policy);
    (app, FileDir(dir))
}

async fn run_worker(app: &TestApp) {
    medusa_admin_http::background::batch_worker(&app.state, &app.db)
        .run_once()
        .await
        .unwrap();
}

on_both_backends! {
    async fn an_export_job_goes_through_its_steps(app) {
        let (app, _dir) = with_files(app);
        let svc = app.service().await;
        let answer = send(
            &svc,
            admin(post("/admin/batch-jobs", json!({"type": "product-export", "context": {}, "dry_run": true}))),
        )
        .await;
        assert_eq!(answer.status, 201, "{}", answer.body);
        let job = &answer.body["batch_job"];
        assert_eq!(job["status"], "created");
        assert_eq!(job["dry_run"], true);
        assert_eq!(job["created_by"], ADMIN_ID);
        assert_eq!(
            job["context"],
            json!({"list_config": {
                "relations": ["variants", "variants.prices", "variants.options", "profiles", "images",
                    "options", "options.values", "tags", "type", "collection", "sales_channels",
                    "variants.prices.region"],
                "skip": 0, "take": 50, "order": {"created_at": "DESC"}
            }})
        );
        let id = job["id"].as_str().unwrap().to_owned();

        let refused = send(&svc, admin(post(&format!("/admin/batch-jobs/{id}/confirm"), json!({})))).await;
        assert_eq!(refused.status, 400);
        assert_eq!(
            refused.body,
            json!({"type": "not_allowed", "message": "Cannot confirm processing for a batch job that is not pre processed"})
        );

        run_worker(&app).await;
        let pre = send(&svc, admin(get(&format!("/admin/batch-jobs/{id}")))).await;
        assert_eq!(pre.body["batch_job"]["status"], "pre_processed");
        assert_eq!(
            pre.body["batch_job"]["result"],
            json!({"stat_descriptors": [{"key": "product-export-count", "name": "Product count to export",
                "message": "There will be 0 products exported by this action"}]})
        );
        let confirmed = send(&svc, admin(post(&format!("/admin/batch-jobs/{id}/confirm"), json!({})))).await;
        assert_eq!(confirmed.status, 200);
        assert_eq!(confirmed.body["batch_job"]["status"], "confirmed");

        run_worker(&app).await;
        let done = send(&svc, admin(get(&format!("/admin/batch-jobs/{id}")))).await;
        assert_eq!(done.body["batch_job"]["status"], "completed", "{}", done.body);
        assert!(done.body["batch_job"]["result"]["file_key"].is_string());

        let refused = send(&svc, admin(post(&format!("/admin/batch-jobs/{id}/cancel"), json!({})))).await;
        assert_eq!(refused.status, 400);
        assert_eq!(
            refused.body,
            json!({"type": "not_allowed", "message": "Cannot cancel completed batch job"})
        );
    }
}

on_both_backends! {
    async fn a_pre_processed_dry_run_can_be_canceled(app) {
        let (app, _dir) = with_files(app);
        let svc = app.service().await;
        let answer = send(
            &svc,
            admin(post("/admin/batch-jobs", json!({"type": "product-export", "context": {}, "dry_run": true}))),
        )
        .await;
        let id = answer.body["batch_job"]["id"].as_str().unwrap().to_owned();
        run_worker(&app).await;
        let canceled = send(&svc, admin(post(&format!("/admin/batch-jobs/{id}/cancel"), json!({})))).await;
        assert_eq!(canceled.status, 200);
        assert_eq!(canceled.body["batch_job"]["status"], "canceled");
        let refused = send(&svc, admin(post(&format!("/admin/batch-jobs/{id}/confirm"), json!({})))).await;
        assert_eq!(refused.status, 400);
        assert_eq!(
            refused.body["message"],
            "Cannot confirm processing for a batch job that is not pre processed"
        );
    }
}

on_both_backends! {
    async fn create_refuses_what_medusa_refuses(app) {
        let svc = app.service().await;
        let cases: [(Value, u16, Value); 3] = [
            (
                json!({"type": "nope", "context": {}}),
                404,
                json!({"type": "not_found", "message": "Unable to find a BatchJob strategy with the type nope"}),
            ),
            (
                json!({"type": "product-export"}),
                400,
                json!({"type": "invalid_data", "message": "context must be an object"}),
            ),
            (
                json!({"type": "product-export", "context": {}, "dry_run": "x"}),
                400,
                json!({"type": "invalid_data", "message": "dry_run must be a boolean value"}),
            ),
        ];
        for (body, status, expected) in cases {
            let answer = send(&svc, admin(post("/admin/batch-jobs", body.clone()))).await;
            assert_eq!(answer.status, status, "{body}");
            assert_eq!(answer.body, expected, "{body}");
        }
    }
}

// `/admin/apps` without OAuth plugins, as the reference answered.
on_both_backends! {
    async fn apps_without_oauth_plugins(app) {
        let svc = app.service().await;
        let answer = send(&svc, admin(get("/admin/apps"))).await;
        assert_eq!(answer.status, 200);
        assert_eq!(answer.body, json!({"apps": []}));
        let cases: [(Value, u16, Value); 3] = [
            (
                json!({}),
                400,
                json!({"type": "invalid_data", "message": "application_name should not be empty, application_name must be a string, state should not be empty, state must be a string, code should not be empty, code must be a string"}),
            ),
            (
                json!({"application_name": 1}),
                400,
                json!({"type": "invalid_data", "message": "application_name must be a string, state should not be empty, state must be a string, code should not be empty, code must be a string"}),
            ),
            (
                json!({"application_name": "x", "state": "s", "code": "c"}),
                404,
                json!({"type": "not_found", "message": "Oauth application x not found"}),
            ),
        ];
        for (body, status, expected) in cases {
            let answer = send(&svc, admin(post("/admin/apps/authorizations", body.clone()))).await;
            assert_eq!(answer.status, status, "{body}");
            assert_eq!(answer.body, expected, "{body}");
        }
    }
}

on_both_backends! {
    async fn an_import_creates_what_medusas_import_creates(app) {
        let (app, _dir) = with_files(app);
        medusa_migration::migrate_inventory(&app.db).await.unwrap();
        let svc = app.service().await;
        let csv = b"Product Handle;Product Title;Variant Title;Variant SKU;Price USD\r\nmug;Mug;One;MUG-1;10\r\n";
        let upload = send(&svc, admin(crate::uploads::multipart("/admin/uploads", &[("files", "import.csv", csv)]))).await;
        let key = upload.body["uploads"][0]["key"].as_str().unwrap().to_owned();
        let created = send(&svc, admin(post("/admin/batch-jobs", json!({"type": "product-import", "context": {"fileKey": key}})))).await;
        assert_eq!(created.status, 201, "{}", created.body);
        let job = created.body["batch_job"]["id"].as_str().unwrap().to_owned();
        run_worker(&app).await;
        run_worker(&app).await;
        let done = send(&svc, admin(get(&format!("/admin/batch-jobs/{job}")))).await;
        assert_eq!(done.body["batch_job"]["status"], "completed", "{}", done.body);
        // Medusa's import calls its product service, which puts a product in the channels the
        // file names and no other (the default channel is the create route's), and creates
        // no inventory item (its variant transaction is the routes').
        let listed = send(&svc, admin(get("/admin/products?handle=mug"))).await;
        let imported = &listed.body["products"][0];
        assert_eq!(imported["sales_channels"], json!([]), "{imported}");
        assert_eq!(imported["variants"][0]["sku"], "MUG-1");
        let made = send(&svc, admin(post("/admin/products", json!({"title": "Cup", "variants": [{"title": "One", "sku": "CUP-1", "prices": []}]})))).await;
        assert_eq!(made.body["product"]["sales_channels"].as_array().map(Vec::len), Some(1), "{}", made.body);
        use medusa_entity::product_variant_inventory_item as link;
        use sea_orm::{EntityTrait, PaginatorTrait};
        assert_eq!(link::Entity::find().count(&app.db).await.unwrap(), 1, "the route's variant only");
    }
}
