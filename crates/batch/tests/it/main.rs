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
use medusa_entity::user;
use medusa_file::{DownloadSigner, LocalFileStorage};
use medusa_product::ProductSpecs;
use medusa_test_support::builders::{ProductBuilder, RegionBuilder, UserBuilder, VariantBuilder};
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

/// An admin, and a "Europe" region (eur) where the product "shirt" has the variant `SHIRT-S`
/// (1250 eur, 1100 in the region), plus the variants `more` names (sku, eur price).
pub async fn shirt_in_europe(db: &DatabaseConnection, more: &[(&str, i32)]) -> user::Model {
    let admin = UserBuilder::new("a@example.com").insert(db).await;
    let eu = RegionBuilder::new("Europe")
        .currency("eur")
        .insert(db)
        .await;
    let mut shirt = ProductBuilder::new("Shirt").handle("shirt").variant(
        VariantBuilder::new("S")
            .sku("SHIRT-S")
            .price("eur", 1250)
            .region_price(&eu, 1100),
    );
    for (sku, price) in more {
        let title = sku.rsplit('-').next().unwrap_or(sku);
        shirt = shirt.variant(VariantBuilder::new(title).sku(sku).price("eur", *price));
    }
    shirt.insert(db).await;
    admin
}
