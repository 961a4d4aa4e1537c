//! A job's life: created, pre-processed, confirmed, processed; refusals with Medusa's
//! messages; each admin sees only their own jobs.

use medusa_batch::{BatchJobList, BatchJobService, CreateBatchJob};
use medusa_test_support::builders::{ProductBuilder, UserBuilder, VariantBuilder};
use medusa_test_support::on_both_backends;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
};
use serde_json::{json, Value};

use crate::jobs;

on_both_backends!(
    a_dry_run_export_waits_for_its_confirmation,
    jobs_belong_to_their_creator,
    unknown_types_have_no_strategy,
    a_canceled_job_is_not_run,
    a_job_left_processing_resumes,
    two_workers_run_a_job_once,
);

fn export(dry_run: bool) -> CreateBatchJob {
    CreateBatchJob::from_body(json!({"type": "product-export", "context": {}, "dry_run": dry_run}))
        .unwrap()
}

fn json_of(view: &impl serde::Serialize) -> Value {
    serde_json::to_value(view).unwrap()
}

async fn a_dry_run_export_waits_for_its_confirmation(db: DatabaseConnection) {
    let admin = crate::shirt_in_europe(&db, &[]).await;
    let jobs = jobs(&db);

    let job = jobs.service.create(&admin.id, export(true)).await.unwrap();
    let created = json_of(&job);
    assert_eq!(created["status"], "created");
    assert_eq!(
        created["context"]["list_config"]["order"],
        json!({"created_at": "DESC"})
    );
    let id = created["id"].as_str().unwrap().to_owned();

    // Confirming before pre-processing is refused.
    let err = jobs.service.confirm(&admin.id, &id).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "Cannot confirm processing for a batch job that is not pre processed"
    );

    jobs.worker.run_once().await.unwrap();
    let pre = json_of(&jobs.service.retrieve(&admin.id, &id).await.unwrap());
    assert_eq!(pre["status"], "pre_processed");
    assert_eq!(
        pre["result"]["stat_descriptors"][0]["message"],
        "There will be 1 products exported by this action"
    );
    // A dry run waits: the worker does nothing more.
    jobs.worker.run_once().await.unwrap();
    assert_eq!(
        json_of(&jobs.service.retrieve(&admin.id, &id).await.unwrap())["status"],
        "pre_processed"
    );

    let confirmed = json_of(&jobs.service.confirm(&admin.id, &id).await.unwrap());
    assert_eq!(confirmed["status"], "confirmed");
    jobs.worker.run_once().await.unwrap();
    let done = json_of(&jobs.service.retrieve(&admin.id, &id).await.unwrap());
    assert_eq!(done["status"], "completed", "{done}");
    assert_eq!(done["result"]["advancement_count"], 1);
    assert_eq!(done["result"]["count"], 1);
    assert_eq!(done["result"]["progress"], 1.0);
    assert!(done["processing_at"].is_string());

    let key = done["result"]["file_key"].as_str().unwrap();
    let path = jobs.dir.0.join(".protected").join(key);
    let csv = std::fs::read_to_string(path).unwrap();
    let mut lines = csv.split("\r\n");
    let header = lines.next().unwrap();
    assert!(
        header.starts_with("Product Id;Product Handle;Product Title;"),
        "{header}"
    );
    assert!(
        header.ends_with(";Variant Material;Price EUR;Price Europe [EUR];Option 1 Name;Option 1 Value;Sales Channel 1 Id;Sales Channel 1 Name;Sales Channel 1 Description")
            || header.contains(";Variant Material;Price EUR;Price Europe [EUR]"),
        "{header}"
    );
    let row = lines.next().unwrap();
    assert!(row.contains(";shirt;Shirt;"), "{row}");
    assert!(row.contains(";SHIRT-S;"), "{row}");
    assert!(row.contains(";12.5;11"), "{row}");

    let err = jobs.service.cancel(&admin.id, &id).await.unwrap_err();
    assert_eq!(err.to_string(), "Cannot cancel completed batch job");
}

async fn jobs_belong_to_their_creator(db: DatabaseConnection) {
    let a = UserBuilder::new("a@example.com").insert(&db).await;
    let b = UserBuilder::new("b@example.com").insert(&db).await;
    let jobs = jobs(&db);
    let job = json_of(&jobs.service.create(&a.id, export(true)).await.unwrap());
    let id = job["id"].as_str().unwrap();

    let refused = "Cannot access a batch job that does not belong to the logged in user";
    let retrieve_err = jobs.service.retrieve(&b.id, id).await.unwrap_err();
    assert_eq!(retrieve_err.to_string(), refused);
    let confirm_err = jobs.service.confirm(&b.id, id).await.unwrap_err();
    assert_eq!(confirm_err.to_string(), refused);
    let cancel_err = jobs.service.cancel(&b.id, id).await.unwrap_err();
    assert_eq!(cancel_err.to_string(), refused);

    let raw = medusa_query_dsl::parse("").unwrap();
    let list = BatchJobList::from_query(&raw, db.get_database_backend()).unwrap();
    assert_eq!(jobs.service.list(&a.id, &list).await.unwrap().count, 1);
    assert_eq!(jobs.service.list(&b.id, &list).await.unwrap().count, 0);
}

async fn unknown_types_have_no_strategy(db: DatabaseConnection) {
    let a = UserBuilder::new("a@example.com").insert(&db).await;
    let jobs = jobs(&db);
    let input =
        CreateBatchJob::from_body(json!({"type": "gift-card-export", "context": {}})).unwrap();
    let err = jobs.service.create(&a.id, input).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "Unable to find a BatchJob strategy with the type gift-card-export"
    );
    let err = CreateBatchJob::from_body(json!({"type": "product-export"})).unwrap_err();
    assert_eq!(err.to_string(), "context must be an object");
}

async fn a_canceled_job_is_not_run(db: DatabaseConnection) {
    let a = UserBuilder::new("a@example.com").insert(&db).await;
    let jobs = jobs(&db);
    let job = json_of(&jobs.service.create(&a.id, export(false)).await.unwrap());
    let id = job["id"].as_str().unwrap();
    let canceled = json_of(&jobs.service.cancel(&a.id, id).await.unwrap());
    assert_eq!(canceled["status"], "canceled");
    assert_eq!(jobs.worker.run_once().await.unwrap(), 0);
    let after = json_of(&jobs.service.retrieve(&a.id, id).await.unwrap());
    assert_eq!(after["status"], "canceled");
    assert!(after["pre_processed_at"].is_null());
}

/// A server stopped while processing leaves the job `processing`; the next worker runs the
/// step again from its start.
async fn a_job_left_processing_resumes(db: DatabaseConnection) {
    let a = UserBuilder::new("a@example.com").insert(&db).await;
    ProductBuilder::new("Mug")
        .variant(VariantBuilder::new("One").price("eur", 1000))
        .insert(&db)
        .await;
    let jobs = jobs(&db);
    let job = json_of(&jobs.service.create(&a.id, export(false)).await.unwrap());
    let id = job["id"].as_str().unwrap();
    // The steps a stopped server had taken: pre-processed, confirmed, processing.
    let stored = medusa_batch::lifecycle::find_job_in(&db, id).await.unwrap();
    let stored = medusa_batch::lifecycle::set_pre_processed_in(&db, stored)
        .await
        .unwrap();
    medusa_batch::lifecycle::set_processing_in(&db, stored)
        .await
        .unwrap();
    let left = json_of(&jobs.service.retrieve(&a.id, id).await.unwrap());
    assert_eq!(left["status"], "processing");

    assert_eq!(jobs.worker.run_once().await.unwrap(), 1);
    let done = json_of(&jobs.service.retrieve(&a.id, id).await.unwrap());
    assert_eq!(done["status"], "completed", "{done}");
    assert_eq!(done["processing_at"], left["processing_at"]);
    assert!(done["result"]["file_key"].is_string());
}

/// Two workers (two instances) polling at once: each job is run by one of them, once.
async fn two_workers_run_a_job_once(db: DatabaseConnection) {
    let a = UserBuilder::new("a@example.com").insert(&db).await;
    let jobs = jobs(&db);
    let other = crate::jobs(&db);
    for _ in 0..3 {
        jobs.service.create(&a.id, export(false)).await.unwrap();
    }
    let (one, two) = tokio::join!(jobs.worker.run_once(), other.worker.run_once());
    assert_eq!(one.unwrap() + two.unwrap(), 3);
    let completed = medusa_entity::event_outbox::Entity::find()
        .filter(medusa_entity::event_outbox::Column::Name.eq("batch.completed"))
        .count(&db)
        .await
        .unwrap();
    assert_eq!(completed, 3);
}
