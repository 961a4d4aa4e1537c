//! Medusa's migrations that run only with a feature flag on.
//!
//! Medusa's `medusa migrations run` skips a migration whose feature flag is off and runs it once
//! the flag is on. The schema this crate creates is Medusa's with every flag off; a server
//! started with a flag on applies that flag's migrations the same way, once, recording each in
//! Medusa's `migrations` table as Medusa does (so Medusa itself sees them as run, and a database
//! Medusa already migrated with the flag on is left as it is).

use sea_orm::sea_query::{Alias, Expr, Query};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, TransactionTrait};

/// Medusa's tax-inclusive pricing migration: its name and timestamp in `migrations`.
pub const TAX_INCLUSIVE_PRICING_MIGRATION: (&str, i64) = ("test1659501357661", 1659501357661);

/// The tables it gives an `includes_tax boolean NOT NULL DEFAULT false` column.
const TAX_INCLUSIVE_TABLES: [&str; 6] = [
    "currency",
    "region",
    "shipping_option",
    "price_list",
    "shipping_method",
    "line_item",
];

/// Runs Medusa's tax-inclusive pricing migration (`MEDUSA_FF_TAX_INCLUSIVE_PRICING`) unless
/// Medusa's `migrations` table records it. One transaction: all columns and the record, or none.
pub async fn migrate_tax_inclusive_pricing(db: &DatabaseConnection) -> Result<(), DbErr> {
    let backend = db.get_database_backend();
    let (name, timestamp) = TAX_INCLUSIVE_PRICING_MIGRATION;
    let recorded = Query::select()
        .column(Alias::new("id"))
        .from(Alias::new("migrations"))
        .and_where(Expr::col(Alias::new("name")).eq(name))
        .to_owned();
    if db.query_one(backend.build(&recorded)).await?.is_some() {
        return Ok(());
    }
    let txn = db.begin().await?;
    for table in TAX_INCLUSIVE_TABLES {
        txn.execute_unprepared(&format!(
            r#"ALTER TABLE "{table}" ADD "includes_tax" boolean NOT NULL DEFAULT false"#
        ))
        .await?;
    }
    let mut record = Query::insert();
    record
        .into_table(Alias::new("migrations"))
        .columns([Alias::new("timestamp"), Alias::new("name")])
        .values([timestamp.into(), name.into()])
        .map_err(|err| DbErr::Migration(err.to_string()))?;
    txn.execute(backend.build(&record)).await?;
    txn.commit().await?;
    tracing::info!(
        migration = name,
        "ran Medusa's tax-inclusive pricing migration (MEDUSA_FF_TAX_INCLUSIVE_PRICING is on)"
    );
    Ok(())
}
