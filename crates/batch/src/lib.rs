//! Batch jobs.
//!
//! `medusa-batch` owns Medusa's `batch_job` table: the status a job is in, derived from the
//! timestamps its steps stamp ([`status_of`]), and the admin's reads of the jobs they created
//! (`GET /admin/batch-jobs`, `GET /admin/batch-jobs/{id}`). Creating, confirming and
//! cancelling jobs, and the imports and exports that process them, are to come here too.

pub mod jobs;
pub mod status;

pub use jobs::{BatchJobList, BatchJobService, BatchJobView, SeaBatchJobService, BATCH_JOB_LIST};
pub use status::{status_of, BatchJobStatus, Stamps};
