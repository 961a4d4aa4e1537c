//! Batch jobs.
//!
//! `medusa-batch` owns Medusa's `batch_job` table and what runs through it: the status a job
//! is in, derived from the timestamps its steps stamp ([`status_of`]); the admin's reads of
//! the jobs they created, and their writes (create, confirm, cancel: `jobs`, the steps in
//! `lifecycle`); the worker that pre-processes and processes jobs (`worker`); and Medusa's
//! strategies with its CSV formats: the product export (`product_export`) and the product
//! import (`product_import`, its columns in `import_columns`), files kept through
//! `medusa-file`'s `FileStorage`, product writes through `medusa-product`'s `*_in` functions;
//! and the same strategies over a local file for the command line (`direct`).

pub mod csv_format;
mod csv_read;
pub mod direct;
pub mod events;
mod export_pages;
pub mod import_columns;
pub mod input;
pub mod jobs;
pub mod lifecycle;
pub mod order_export;
pub mod price_list_import;
pub mod product_export;
pub mod product_import;
pub mod status;
pub mod strategy;
pub mod worker;

pub use input::CreateBatchJob;
pub use jobs::{BatchJobList, BatchJobService, BatchJobView, SeaBatchJobService, BATCH_JOB_LIST};
pub use status::{status_of, BatchJobStatus, Stamps};
pub use strategy::JobType;
pub use worker::{BatchWorker, WorkerHandle};
