//! Integration tests of `medusa-batch` (one binary): the job lifecycle through the service
//! and the worker, and the product CSV export and import, on SQLite and on PostgreSQL.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod bulk_import;
mod csv_jobs;
mod lifecycle;
mod order_export;

use std::path::PathBuf;
use std::sync::Arc;

use medusa_batch::{BatchWorker, SeaBatchJobService};
use medusa_core::FeatureFlags;
use medusa_file::{DownloadSigner, LocalFileStorage};
use medusa_product::ProductSpecs;
use sea_orm::DatabaseConnection;

/// A directory removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> Self {
        let dir = std::env::temp_dir().join(format!(
            "medusa_batch_{tag}_{}_{}",
            std::process::id(),
            medusa_core::generate_id("t")
        ));
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The service, the worker and the file storage over one database.
pub struct Jobs {
    pub service: SeaBatchJobService,
    pub worker: BatchWorker,
    pub files: Arc<LocalFileStorage>,
    pub dir: TempDir,
}

pub fn jobs(db: &DatabaseConnection) -> Jobs {
    let dir = TempDir::new("files");
    let files = Arc::new(LocalFileStorage::new(
        &dir.0,
        "http://localhost:9000",
        DownloadSigner::new(b"secret", 60),
    ));
    let flags = FeatureFlags::default();
    Jobs {
        service: SeaBatchJobService::new(db.clone()).with_flags(flags),
        worker: BatchWorker::new(
            db.clone(),
            files.clone(),
            flags,
            ProductSpecs::for_flags(flags),
        ),
        files,
        dir,
    }
}
