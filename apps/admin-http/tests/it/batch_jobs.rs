//! HTTP tests of the batch-job reads. The expected values are what the reference Medusa
//! 1.20.10 server answered for the same rows (inserted into its database as `batch_probe_*`,
//! then deleted): the caller's jobs only, newest first, statuses derived from the step
//! timestamps, `dry_run: false` in lists, the filters and their validation messages.

use medusa_core::new_row::stamped;
use medusa_entity::{batch_job, sea_orm_active_enums::UserRoleEnum, user};
use medusa_test_support::on_both_backends;
use sea_orm::{prelude::DateTimeWithTimeZone, ActiveModelTrait, Set};
use serde_json::{json, Value};

use crate::support::*;

const OTHER_USER: &str = "usr_probe_other";

fn at(text: &str) -> DateTimeWithTimeZone {
    DateTimeWithTimeZone::parse_from_rfc3339(text).unwrap()
}

/// A `batch_job` row: created by the admin on `2026-01-<day>T10:00:00Z`, no step stamped.
struct Job(batch_job::Model);

impl Job {
    fn new(id: &str, r#type: &str, day: u32) -> Self {
        let created = at(&format!("2026-01-{day:02}T10:00:00Z"));
        Job(batch_job::Model {
            id: id.into(),
            r#type: r#type.into(),
            created_by: Some(ADMIN_ID.into()),
            context: None,
            result: None,
            dry_run: false,
            created_at: created,
            pre_processed_at: None,
            confirmed_at: None,
            processing_at: None,
            completed_at: None,
            failed_at: None,
            canceled_at: None,
            updated_at: created,
            deleted_at: None,
        })
    }

    fn by(mut self, user: Option<&str>) -> Self {
        self.0.created_by = user.map(Into::into);
        self
    }

    /// Sets the step (or other) timestamps; `column` is the `batch_job` column's name.
    fn stamp(mut self, column: &str, value: &str) -> Self {
        let value = at(value);
        let job = &mut self.0;
        match column {
            "pre_processed_at" => job.pre_processed_at = Some(value),
            "confirmed_at" => job.confirmed_at = Some(value),
            "processing_at" => job.processing_at = Some(value),
            "completed_at" => job.completed_at = Some(value),
            "failed_at" => job.failed_at = Some(value),
            "canceled_at" => job.canceled_at = Some(value),
            "deleted_at" => job.deleted_at = Some(value),
            "updated_at" => job.updated_at = value,
            other => panic!("no timestamp column {other}"),
        }
        self
    }

    fn with(mut self, edit: impl FnOnce(&mut batch_job::Model)) -> Self {
        edit(&mut self.0);
        self
    }

    async fn insert(self, app: &TestApp) {
        batch_job::ActiveModel::from(self.0)
            .insert(&app.db)
            .await
            .unwrap();
    }
}

/// The rows of the probes: six live jobs of the admin, one of another user, one without a
/// creator, one of the admin's soft deleted.
async fn insert_probe_rows(app: &TestApp) {
    let now = medusa_core::time::now();
    user::ActiveModel {
        id: Set(OTHER_USER.into()),
        email: Set("probe-other@example.com".into()),
        first_name: Set(None),
        last_name: Set(None),
        password_hash: Set(None),
        api_token: Set(None),
        role: Set(Some(UserRoleEnum::Member)),
        ..stamped(now)
    }
    .insert(&app.db)
    .await
    .unwrap();
    let jobs = [
        Job::new("batch_probe_1", "product-export", 1).with(|job| {
            job.dry_run = true;
            job.context = Some(json!({"a": 1}));
        }),
        Job::new("batch_probe_2", "product-import", 2)
            .stamp("pre_processed_at", "2026-01-02T11:00:00Z")
            .with(|job| job.result = Some(json!({"count": 3}))),
        Job::new("batch_probe_3", "product-export", 3)
            .stamp("pre_processed_at", "2026-01-03T11:00:00Z")
            .stamp("confirmed_at", "2026-01-03T12:00:00Z"),
        Job::new("batch_probe_4", "price-list-import", 4)
            .stamp("processing_at", "2026-01-04T11:00:00Z"),
        Job::new("batch_probe_5", "product-export", 5)
            .stamp("completed_at", "2026-01-05T11:00:00Z")
            .stamp("failed_at", "2026-01-05T12:00:00Z")
            .stamp("canceled_at", "2026-01-05T13:00:00Z"),
        Job::new("batch_probe_6", "product-export", 6).by(Some(OTHER_USER)),
        Job::new("batch_probe_7", "product-export", 7).by(None),
        Job::new("batch_probe_8", "product-export", 8).stamp("deleted_at", "2026-01-08T11:00:00Z"),
        Job::new("batch_probe_9", "product-export", 9)
            .stamp("updated_at", "2026-01-09T10:00:00.123Z")
            .stamp("completed_at", "2026-01-09T11:00:00Z")
            .stamp("canceled_at", "2026-01-09T12:00:00Z"),
    ];
    for job in jobs {
        job.insert(app).await;
    }
}

/// `(id, status)` of each listed job, in order.
fn ids_and_statuses(body: &Value) -> Vec<(String, String)> {
    body["batch_jobs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|job| {
            (
                job["id"].as_str().unwrap().to_owned(),
                job["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(id, status)| (format!("batch_probe_{id}"), (*status).to_owned()))
        .collect()
}

on_both_backends! {
    async fn empty_list_has_medusas_envelope_and_default_limit(app) {
        let svc = app.service().await;
        let answer = send(&svc, admin(get("/admin/batch-jobs"))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        assert_eq!(answer.body, json!({"batch_jobs": [], "count": 0, "offset": 0, "limit": 10}));
        // What the dashboard's activity drawer asks for on every page.
        let answer = send(&svc, admin(get("/admin/batch-jobs?limit=100"))).await;
        assert_eq!(answer.body, json!({"batch_jobs": [], "count": 0, "offset": 0, "limit": 100}));
    }
}

on_both_backends! {
    async fn both_reads_refuse_strangers(app) {
        let svc = app.service().await;
        for path in ["/admin/batch-jobs", "/admin/batch-jobs/batch_probe_1"] {
            let answer = send(&svc, get(path)).await;
            assert_eq!(answer.status, 401, "{path}");
        }
    }
}

on_both_backends! {
    async fn lists_the_callers_live_jobs_newest_first_with_their_status(app) {
        insert_probe_rows(&app).await;
        let svc = app.service().await;
        let answer = send(&svc, admin(get("/admin/batch-jobs"))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        assert_eq!(
            ids_and_statuses(&answer.body),
            pairs(&[
                ("9", "canceled"),
                ("5", "failed"),
                ("4", "processing"),
                ("3", "confirmed"),
                ("2", "pre_processed"),
                ("1", "created"),
            ])
        );
        assert_eq!(answer.body["count"], 6);
        // As Medusa answered: `dry_run` is `false` in a list even for a dry run (its default
        // fields leave the column out), and every other column is there.
        assert_eq!(
            answer.body["batch_jobs"][5],
            json!({
                "dry_run": false,
                "id": "batch_probe_1",
                "created_at": "2026-01-01T10:00:00.000Z",
                "updated_at": "2026-01-01T10:00:00.000Z",
                "deleted_at": null,
                "type": "product-export",
                "created_by": ADMIN_ID,
                "context": {"a": 1},
                "result": null,
                "pre_processed_at": null,
                "processing_at": null,
                "confirmed_at": null,
                "completed_at": null,
                "canceled_at": null,
                "failed_at": null,
                "status": "created"
            })
        );
        assert_eq!(answer.body["batch_jobs"][0]["updated_at"], "2026-01-09T10:00:00.123Z");

        let answer = send(&svc, admin(get("/admin/batch-jobs?limit=2&offset=1"))).await;
        assert_eq!(ids_and_statuses(&answer.body), pairs(&[("5", "failed"), ("4", "processing")]));
        assert_eq!((answer.body["count"].clone(), answer.body["offset"].clone(), answer.body["limit"].clone()), (json!(6), json!(1), json!(2)));
    }
}

on_both_backends! {
    async fn retrieves_only_the_callers_live_jobs(app) {
        insert_probe_rows(&app).await;
        let svc = app.service().await;
        // Every column, `dry_run` as stored; Medusa ignores `fields` and unknown parameters.
        let answer = send(&svc, admin(get("/admin/batch-jobs/batch_probe_1?fields=id&foo=bar"))).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        assert_eq!(
            answer.body,
            json!({"batch_job": {
                "dry_run": true,
                "id": "batch_probe_1",
                "created_at": "2026-01-01T10:00:00.000Z",
                "updated_at": "2026-01-01T10:00:00.000Z",
                "deleted_at": null,
                "type": "product-export",
                "created_by": ADMIN_ID,
                "context": {"a": 1},
                "result": null,
                "pre_processed_at": null,
                "processing_at": null,
                "confirmed_at": null,
                "completed_at": null,
                "canceled_at": null,
                "failed_at": null,
                "status": "created"
            }})
        );
        let answer = send(&svc, admin(get("/admin/batch-jobs/batch_probe_5"))).await;
        assert_eq!(answer.body["batch_job"]["status"], "failed");

        for id in ["batch_probe_6", "batch_probe_7"] {
            let answer = send(&svc, admin(get(&format!("/admin/batch-jobs/{id}")))).await;
            assert_eq!(answer.status, 400, "{id}");
            assert_eq!(
                answer.body,
                json!({
                    "type": "not_allowed",
                    "message": "Cannot access a batch job that does not belong to the logged in user"
                })
            );
        }
        for id in ["batch_probe_8", "batch_nope"] {
            let answer = send(&svc, admin(get(&format!("/admin/batch-jobs/{id}")))).await;
            assert_eq!(answer.status, 404, "{id}");
            assert_eq!(
                answer.body,
                json!({"type": "not_found", "message": format!("Batch job with id {id} was not found")})
            );
        }
    }
}

on_both_backends! {
    async fn filters_as_medusa_reads_them(app) {
        insert_probe_rows(&app).await;
        let svc = app.service().await;
        let cases: &[(&str, &[&str])] = &[
            ("type[]=product-import", &["2"]),
            ("type[]=product-import&type[]=price-list-import", &["4", "2"]),
            ("type[]=product-import,price-list-import", &["4", "2"]),
            ("type[]=", &[]),
            ("created_at[gt]=2026-01-03", &["9", "5", "4", "3"]),
            ("created_at[lt]=2026-01-03T10:00:00Z", &["2", "1"]),
            ("confirmed_at=null", &["9", "5", "4", "2", "1"]),
            ("confirmed_at[gt]=2026-01-01", &["3"]),
            ("completed_at[gte]=2026-01-05", &["9", "5"]),
            ("failed_at=null", &["9", "4", "3", "2", "1"]),
            ("canceled_at[lt]=2026-02-01", &["9", "5"]),
            ("pre_processed_at[gt]=2026-01-01", &["3", "2"]),
            ("updated_at[gt]=2026-01-09T10:00:00Z", &["9"]),
            ("updated_at=2026-01-01", &[]),
            ("confirmed_at=2026-01-03T12:00:00Z", &["3"]),
            ("id[]=batch_probe_2&id[]=batch_probe_6", &["2"]),
            ("id[]=batch_probe_1,batch_probe_2", &["2", "1"]),
            ("id[]=batch_probe_8", &[]),
            ("order=created_at", &["1", "2", "3", "4", "5", "9"]),
            (
                "type[]=product-export&type[]=product-import&created_at[lt]=2026-01-04",
                &["3", "2", "1"],
            ),
        ];
        for (query, expected) in cases {
            let answer = send(&svc, admin(get(&format!("/admin/batch-jobs?{query}")))).await;
            assert_eq!(answer.status, 200, "{query}: {}", answer.text);
            let ids: Vec<String> = ids_and_statuses(&answer.body).into_iter().map(|(id, _)| id).collect();
            let expected: Vec<String> = expected.iter().map(|n| format!("batch_probe_{n}")).collect();
            assert_eq!(ids, expected, "{query}");
            assert_eq!(answer.body["count"], expected.len(), "{query}");
        }

        let refused = [
            ("type=product-import", "type must be an array"),
            ("type=a,b", "type must be an array"),
            ("id=batch_probe_2", "id must be an array"),
            (
                "created_at=2026-01-03",
                r#"{"message":"created_at must be one of: DateComparisonOperator","details":{"DateComparisonOperator":["an unknown value was passed to the validate function"]}}"#,
            ),
            ("created_at[gt]=notadate", "created_at[gt] must be a Date instance"),
            ("created_by=usr_probe_other", "property created_by should not exist"),
            ("status[]=created", "property status should not exist"),
            ("deleted_at[gt]=2020-01-01", "property deleted_at should not exist"),
            ("q=foo", "property q should not exist"),
            ("limit=abc", "limit must be a number conforming to the specified constraints"),
        ];
        for (query, message) in refused {
            let answer = send(&svc, admin(get(&format!("/admin/batch-jobs?{query}")))).await;
            assert_eq!(answer.status, 400, "{query}: {}", answer.text);
            assert_eq!(answer.body, json!({"type": "invalid_data", "message": message}), "{query}");
        }
    }
}

on_both_backends! {
    async fn fields_and_expand_shape_jobs_as_medusa_does(app) {
        insert_probe_rows(&app).await;
        let svc = app.service().await;
        // `id` and `created_at` always; `dry_run` always, `false` unless selected; `status`
        // from the selected timestamps only.
        let answer = send(&svc, admin(get("/admin/batch-jobs?fields=id,type&limit=1"))).await;
        assert_eq!(
            answer.body,
            json!({"batch_jobs": [{
                "dry_run": false,
                "id": "batch_probe_9",
                "created_at": "2026-01-09T10:00:00.000Z",
                "type": "product-export",
                "status": "created"
            }], "count": 6, "offset": 0, "limit": 1})
        );
        let answer = send(
            &svc,
            admin(get("/admin/batch-jobs?fields=dry_run,canceled_at&id[]=batch_probe_1&id[]=batch_probe_9")),
        )
        .await;
        assert_eq!(
            answer.body["batch_jobs"],
            json!([
                {"dry_run": false, "id": "batch_probe_9", "created_at": "2026-01-09T10:00:00.000Z", "canceled_at": "2026-01-09T12:00:00.000Z", "status": "canceled"},
                {"dry_run": true, "id": "batch_probe_1", "created_at": "2026-01-01T10:00:00.000Z", "canceled_at": null, "status": "created"}
            ])
        );
        // A relation named in `fields` selects nothing; an empty `fields` keeps the two.
        for query in ["fields=created_by_user&limit=1", "fields=&limit=1"] {
            let answer = send(&svc, admin(get(&format!("/admin/batch-jobs?{query}")))).await;
            assert_eq!(
                answer.body["batch_jobs"],
                json!([{"dry_run": false, "id": "batch_probe_9", "created_at": "2026-01-09T10:00:00.000Z", "status": "created"}]),
                "{query}"
            );
        }
        // The creator, as Medusa expands it but without the API token it would also answer.
        let answer = send(&svc, admin(get("/admin/batch-jobs?fields=id&expand=created_by_user&limit=1"))).await;
        let job = &answer.body["batch_jobs"][0];
        assert_eq!(job["status"], "created");
        let creator = job["created_by_user"].as_object().unwrap();
        assert_eq!(creator["id"], ADMIN_ID);
        assert_eq!(creator["email"], ADMIN_EMAIL);
        assert_eq!(creator["role"], "admin");
        assert!(!creator.contains_key("api_token") && !creator.contains_key("password_hash"));
        let answer = send(&svc, admin(get("/admin/batch-jobs?expand=&limit=1"))).await;
        assert!(answer.body["batch_jobs"][0].get("created_by_user").is_none());
    }
}
