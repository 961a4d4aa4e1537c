//! The strategies run on a local file without a job row, for the command line
//! (`medusa-admin import products FILE.csv`, `medusa-admin export products|orders FILE.csv`): the
//! same checks, writes and CSV as a job, reporting progress to a callback.

use std::path::Path;

use medusa_core::flags::FeatureFlags;
use medusa_core::{Error, Result};
use medusa_product::ProductSpecs;
use sea_orm::{DatabaseConnection, TransactionTrait};

use crate::order_export::{OrderExport, OrderList};
use crate::product_export::{write_export, ExportList, ProductExport, PAGE_SIZE};
use crate::product_import::{apply_import, plan_import, Operations};

/// Imports a product CSV in one transaction: planned (every line checked) first, then
/// written; `on_progress(done, total)` after each batch of operations.
pub async fn import_products(
    db: &DatabaseConnection,
    path: &Path,
    flags: FeatureFlags,
    on_progress: impl Fn(u64, u64),
) -> Result<Operations> {
    let ops = plan_import(db, path, flags).await?;
    let total = ops.total();
    on_progress(0, total);
    let txn = db.begin().await?;
    let done = apply_import(&txn, path, flags, |done| {
        on_progress(done, total);
        async { Ok(()) }
    })
    .await?;
    txn.commit().await?;
    on_progress(done, total);
    Ok(ops)
}

/// Exports every product to `dest` as Medusa's product export writes it; answers the number
/// of products and bytes written.
pub async fn export_products(
    db: &DatabaseConnection,
    dest: &Path,
    flags: FeatureFlags,
    specs: ProductSpecs,
    on_progress: impl Fn(u64, u64),
) -> Result<(u64, u64)> {
    let export = ProductExport { db, flags, specs };
    let list = ExportList {
        skip: 0,
        take: PAGE_SIZE,
        order: "-created_at".to_owned(),
    };
    let (count, shape) = export.shape(&list).await?;
    let file = std::fs::File::create(dest)
        .map_err(|e| Error::invalid_data(format!("cannot write {}: {e}", dest.display())))?;
    let mut out = std::io::BufWriter::new(file);
    let bytes = write_export(&export, &list, &shape, &mut out, |done, total, _| {
        on_progress(done, total);
        async { Ok(true) }
    })
    .await?;
    Ok((count, bytes))
}

/// Exports every order to `dest` as Medusa's order export writes it; answers the number of
/// orders and bytes written.
pub async fn export_orders(
    db: &DatabaseConnection,
    dest: &Path,
    flags: FeatureFlags,
    on_progress: impl Fn(u64, u64),
) -> Result<(u64, u64)> {
    let job_type = crate::strategy::JobType::OrderExport;
    let context = crate::strategy::prepare_context(job_type, serde_json::Map::new(), flags)?;
    let list = OrderList::from_context(&context);
    let export = OrderExport { db, flags };
    let count = export.count(&list).await?;
    let file = std::fs::File::create(dest)
        .map_err(|e| Error::invalid_data(format!("cannot write {}: {e}", dest.display())))?;
    let mut out = std::io::BufWriter::new(file);
    let bytes = export
        .write(&list, &mut out, |done, total, _| {
            on_progress(done, total);
            async { Ok(true) }
        })
        .await?;
    Ok((count, bytes))
}
