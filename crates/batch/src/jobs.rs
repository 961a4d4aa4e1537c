//! Batch jobs as the admin reads them: the caller's own jobs, listed or one by id.
//!
//! Medusa scopes both reads to the user who created the job: the list is filtered by
//! `created_by` (the caller cannot choose another), and asking for another user's job by id
//! is refused with `not_allowed` rather than hidden behind a 404.

use std::collections::HashMap;

use async_trait::async_trait;
use medusa_core::{time, Error, ListPage, Result};
use medusa_entity::{batch_job, user};
use medusa_query_dsl::{
    FieldKind, FieldSet, FilterSpec, ListPlan, Pagination, RawQuery, RawValue, RelationSpec,
    ResourceSpec, NEWEST_FIRST,
};
use sea_orm::sea_query::{Alias, Expr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, QueryFilter,
};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::input::CreateBatchJob;
use crate::lifecycle;
use crate::status::{status_of, BatchJobStatus, Stamps};
use crate::strategy::{prepare_context, JobType};
use medusa_core::flags::FeatureFlags;
use sea_orm::{QuerySelect, TransactionTrait};

/// Every column of `batch_job`, in the order Medusa's entity declares (and answers) them.
const COLUMNS: &[&str] = &[
    "id",
    "created_at",
    "updated_at",
    "deleted_at",
    "type",
    "created_by",
    "context",
    "result",
    "dry_run",
    "pre_processed_at",
    "processing_at",
    "confirmed_at",
    "completed_at",
    "canceled_at",
    "failed_at",
];

/// Medusa's `defaultAdminBatchFields`. It leaves out `dry_run`, so a listed job always
/// answers `dry_run: false` (see [`BatchJobView`]).
const DEFAULT_FIELDS: &[&str] = &[
    "id",
    "type",
    "context",
    "result",
    "created_by",
    "created_at",
    "updated_at",
    "deleted_at",
    "confirmed_at",
    "pre_processed_at",
    "processing_at",
    "completed_at",
    "canceled_at",
    "failed_at",
];

/// The step timestamps a list may filter on, which also take `null` (`IS NULL`): Medusa's
/// `AdminGetBatchParams` turns the string `null` into a null filter for these five only.
const STEP_STAMPS: [&str; 5] = [
    "confirmed_at",
    "pre_processed_at",
    "completed_at",
    "failed_at",
    "canceled_at",
];

/// A filter Medusa declares `@IsArray()`. [`BatchJobList::from_query`] refuses a single
/// `p=a` first, with Medusa's message.
const fn array(param: &'static str) -> FilterSpec {
    FilterSpec::list_only(param, FieldKind::Text)
}

/// A timestamp filter that takes a bare value (equality) as well as operators.
const fn stamp(param: &'static str) -> FilterSpec {
    FilterSpec::value(param, FieldKind::Date).with_range()
}

/// `GET /admin/batch-jobs`: Medusa's `AdminGetBatchParams`. Newest first, 10 a page; soft
/// deleted jobs are never listed (the endpoint takes no `deleted_at`).
pub static BATCH_JOB_LIST: ResourceSpec = ResourceSpec {
    pagination: Some(Pagination::uncapped(10)),
    default_order: NEWEST_FIRST,
    sortable: COLUMNS,
    filters: &[
        array("id"),
        array("type"),
        stamp("confirmed_at"),
        stamp("pre_processed_at"),
        stamp("completed_at"),
        stamp("failed_at"),
        stamp("canceled_at"),
        FilterSpec::range("created_at", FieldKind::Date),
        stamp("updated_at"),
    ],
    expandable: true,
    relations: &[RelationSpec::new("created_by_user")],
    selectable: COLUMNS,
    default_fields: DEFAULT_FIELDS,
    list_fields: &["created_at"],
    soft_delete: true,
    ..ResourceSpec::new("batch_jobs", "batch_job")
};

/// Medusa's `@IsType([DateComparisonOperator])` message for a `created_at` that is not an
/// operator object (its validator nests the details as a JSON string).
const CREATED_AT_NOT_OPERATORS: &str = r#"{"message":"created_at must be one of: DateComparisonOperator","details":{"DateComparisonOperator":["an unknown value was passed to the validate function"]}}"#;

/// A planned list request.
#[derive(Debug, Clone)]
pub struct BatchJobList {
    pub plan: ListPlan,
}

impl BatchJobList {
    /// Reads a list query: the grammar's plan, with the spellings Medusa's validator treats
    /// differently from other endpoints read here first (`id` and `type` only as arrays,
    /// `created_at` only as operators, `<step>_at=null` as `IS NULL`).
    pub fn from_query(raw: &RawQuery, backend: DbBackend) -> Result<Self> {
        for param in ["id", "type"] {
            if raw
                .get(param)
                .is_some_and(|v| !matches!(v, RawValue::List(_)))
            {
                return Err(Error::invalid_data(format!("{param} must be an array")));
            }
        }
        if raw
            .get("created_at")
            .is_some_and(|v| !matches!(v, RawValue::Map(_)))
        {
            return Err(Error::invalid_data(CREATED_AT_NOT_OPERATORS));
        }
        let nulls: Vec<&str> = STEP_STAMPS
            .into_iter()
            .filter(|param| raw.text(param) == Some("null"))
            .collect();
        let mut plan = medusa_query_dsl::plan(&BATCH_JOB_LIST, &raw.without(&nulls), backend)?;
        for column in nulls {
            plan.condition = plan
                .condition
                .add(Expr::col((Alias::new(BATCH_JOB_LIST.table), Alias::new(column))).is_null());
        }
        Ok(Self { plan })
    }
}

/// A batch job as Medusa answers it: the columns its query loaded, the user who created it
/// when expanded, and the status derived from the loaded timestamps.
///
/// Medusa builds the answer from a partially loaded entity, and two of its fields do not
/// depend on the selection the way the others do: `dry_run` is always present (the entity
/// initialises it to `false`, so it is `false` unless the column was loaded), and `status` is
/// computed from whichever step timestamps were loaded (`fields=id` answers `created`).
#[derive(Debug, Clone, PartialEq)]
pub struct BatchJobView {
    pub job: batch_job::Model,
    /// The columns Medusa's query would have loaded ([`FieldSet::All`] for a retrieve).
    pub loaded: FieldSet,
    /// `Some` when `created_by_user` was expanded: the user, or `None` for a job without a
    /// (live) creator.
    pub created_by_user: Option<Option<user::Model>>,
}

impl BatchJobView {
    /// The status of the job as loaded.
    pub fn status(&self) -> BatchJobStatus {
        let set = |column: &str, stamp: &Option<time::Timestamp>| {
            stamp.is_some() && self.loaded.contains(column)
        };
        let job = &self.job;
        status_of(Stamps {
            pre_processed: set("pre_processed_at", &job.pre_processed_at),
            confirmed: set("confirmed_at", &job.confirmed_at),
            processing: set("processing_at", &job.processing_at),
            completed: set("completed_at", &job.completed_at),
            canceled: set("canceled_at", &job.canceled_at),
            failed: set("failed_at", &job.failed_at),
        })
    }
}

impl Serialize for BatchJobView {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let job = &self.job;
        let stamp = |ts: &Option<time::Timestamp>| ts.as_ref().map(time::format);
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("dry_run", &(self.loaded.contains("dry_run") && job.dry_run))?;
        for column in COLUMNS {
            if *column == "dry_run" || !self.loaded.contains(column) {
                continue;
            }
            match *column {
                "id" => map.serialize_entry(column, &job.id)?,
                "created_at" => map.serialize_entry(column, &time::format(&job.created_at))?,
                "updated_at" => map.serialize_entry(column, &time::format(&job.updated_at))?,
                "deleted_at" => map.serialize_entry(column, &stamp(&job.deleted_at))?,
                "type" => map.serialize_entry(column, &job.r#type)?,
                "created_by" => map.serialize_entry(column, &job.created_by)?,
                "context" => map.serialize_entry(column, &job.context)?,
                "result" => map.serialize_entry(column, &job.result)?,
                "pre_processed_at" => map.serialize_entry(column, &stamp(&job.pre_processed_at))?,
                "processing_at" => map.serialize_entry(column, &stamp(&job.processing_at))?,
                "confirmed_at" => map.serialize_entry(column, &stamp(&job.confirmed_at))?,
                "completed_at" => map.serialize_entry(column, &stamp(&job.completed_at))?,
                "canceled_at" => map.serialize_entry(column, &stamp(&job.canceled_at))?,
                "failed_at" => map.serialize_entry(column, &stamp(&job.failed_at))?,
                _ => {}
            }
        }
        if let Some(user) = &self.created_by_user {
            // The user's own serialization withholds `api_token` and `password_hash`, which
            // Medusa's expansion would answer.
            map.serialize_entry("created_by_user", user)?;
        }
        map.serialize_entry("status", &self.status())?;
        map.end()
    }
}

#[async_trait]
pub trait BatchJobService: Send + Sync {
    /// The jobs `caller` created that match the query.
    async fn list(&self, caller: &str, query: &BatchJobList) -> Result<ListPage<BatchJobView>>;
    /// One job with every column: 404 when it does not exist (or is soft deleted),
    /// `not_allowed` when someone else created it.
    async fn retrieve(&self, caller: &str, id: &str) -> Result<BatchJobView>;
    /// `POST /admin/batch-jobs`: a job of a known type, its context prepared by its
    /// strategy, created by `caller`; the worker takes it from there.
    async fn create(&self, caller: &str, input: CreateBatchJob) -> Result<BatchJobView>;
    /// `POST /admin/batch-jobs/{id}/confirm`.
    async fn confirm(&self, caller: &str, id: &str) -> Result<BatchJobView>;
    /// `POST /admin/batch-jobs/{id}/cancel`.
    async fn cancel(&self, caller: &str, id: &str) -> Result<BatchJobView>;
}

pub struct SeaBatchJobService {
    db: DatabaseConnection,
    flags: FeatureFlags,
}

/// What a job's owner decides about it.
#[derive(Debug, Clone, Copy)]
enum Decision {
    Confirm,
    Cancel,
}

impl SeaBatchJobService {
    pub fn new(db: DatabaseConnection) -> Self {
        Self {
            db,
            flags: FeatureFlags::default(),
        }
    }

    /// The same service under these feature flags (an export's relations follow them).
    pub fn with_flags(mut self, flags: FeatureFlags) -> Self {
        self.flags = flags;
        self
    }

    /// The caller's own job, locked for the transaction on PostgreSQL.
    async fn own_job<C: ConnectionTrait>(
        conn: &C,
        caller: &str,
        id: &str,
    ) -> Result<batch_job::Model> {
        let mut find =
            batch_job::Entity::find_by_id(id).filter(batch_job::Column::DeletedAt.is_null());
        if conn.get_database_backend() == DbBackend::Postgres {
            find = find.lock_exclusive();
        }
        let job = find.one(conn).await?.ok_or_else(|| not_found(id))?;
        if job.created_by.as_deref() != Some(caller) {
            return Err(Error::not_allowed(
                "Cannot access a batch job that does not belong to the logged in user",
            ));
        }
        Ok(job)
    }

    /// Confirms or cancels the caller's own job, in one transaction.
    async fn decide(&self, caller: &str, id: &str, decision: Decision) -> Result<BatchJobView> {
        let txn = self.db.begin().await?;
        let job = Self::own_job(&txn, caller, id).await?;
        let job = match decision {
            Decision::Confirm => lifecycle::confirm_in(&txn, job).await?,
            Decision::Cancel => lifecycle::cancel_in(&txn, job).await?,
        };
        txn.commit().await?;
        Ok(Self::whole(job))
    }

    /// A job as the write routes answer it: every column.
    fn whole(job: batch_job::Model) -> BatchJobView {
        BatchJobView {
            job,
            loaded: FieldSet::All,
            created_by_user: None,
        }
    }

    /// The live creators of `jobs`, in one query, by id.
    async fn creators(&self, jobs: &[batch_job::Model]) -> Result<HashMap<String, user::Model>> {
        let ids: Vec<String> = jobs.iter().filter_map(|j| j.created_by.clone()).collect();
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let backend = self.db.get_database_backend();
        let users = user::Entity::find()
            .filter(medusa_query_dsl::key_in(
                Expr::col((user::Entity, user::Column::Id)),
                ids,
                backend,
            ))
            .filter(user::Column::DeletedAt.is_null())
            .all(&self.db)
            .await?;
        Ok(users.into_iter().map(|u| (u.id.clone(), u)).collect())
    }
}

fn not_found(id: &str) -> Error {
    Error::not_found(format!("Batch job with id {id} was not found"))
}

#[async_trait]
impl BatchJobService for SeaBatchJobService {
    async fn list(&self, caller: &str, query: &BatchJobList) -> Result<ListPage<BatchJobView>> {
        let find = || batch_job::Entity::find().filter(batch_job::Column::CreatedBy.eq(caller));
        let plan = &query.plan;
        let (jobs, count) = plan.rows_and_count(&self.db, find()).await?;
        let creators = if plan.selection.has_relation("created_by_user") {
            Some(self.creators(&jobs).await?)
        } else {
            None
        };
        let items = jobs
            .into_iter()
            .map(|job| BatchJobView {
                created_by_user: creators.as_ref().map(|users| {
                    job.created_by
                        .as_ref()
                        .and_then(|id| users.get(id).cloned())
                }),
                loaded: plan.selection.fields.clone(),
                job,
            })
            .collect();
        Ok(plan.page("batch_jobs", items, count))
    }

    async fn retrieve(&self, caller: &str, id: &str) -> Result<BatchJobView> {
        let job = batch_job::Entity::find_by_id(id)
            .filter(batch_job::Column::DeletedAt.is_null())
            .one(&self.db)
            .await?
            .ok_or_else(|| not_found(id))?;
        if job.created_by.as_deref() != Some(caller) {
            return Err(Error::not_allowed(
                "Cannot access a batch job that does not belong to the logged in user",
            ));
        }
        Ok(Self::whole(job))
    }

    async fn create(&self, caller: &str, input: CreateBatchJob) -> Result<BatchJobView> {
        let job_type = JobType::parse(&input.job_type)?;
        let context = prepare_context(job_type, input.context, self.flags)?;
        let txn = self.db.begin().await?;
        if job_type == JobType::PriceListImport {
            crate::price_list_import::check_price_list(&txn, &context).await?;
        }
        let job =
            lifecycle::create_job_in(&txn, &input.job_type, context, input.dry_run, Some(caller))
                .await?;
        txn.commit().await?;
        Ok(Self::whole(job))
    }

    async fn confirm(&self, caller: &str, id: &str) -> Result<BatchJobView> {
        self.decide(caller, id, Decision::Confirm).await
    }

    async fn cancel(&self, caller: &str, id: &str) -> Result<BatchJobView> {
        self.decide(caller, id, Decision::Cancel).await
    }
}
