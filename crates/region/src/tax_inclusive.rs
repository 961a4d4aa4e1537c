//! A region's `includes_tax`, which exists only with Medusa's tax-inclusive pricing flag.
//!
//! With the flag off Medusa maps no such column: answers leave it out and a body carrying it
//! is refused ("includes_tax should not exist"). With it on, create and update set it, and
//! answers carry it, since Medusa adds it to the routes' default fields.

use medusa_core::{FeatureFlags, Flag, Result};
use medusa_entity::includes_tax::{self, Table};
use medusa_query_dsl::ResourceSpec;
use sea_orm::ConnectionTrait;

use crate::regions::{RegionView, REGION_FIELDS_TAX_INCLUSIVE, REGION_LIST, REGION_RETRIEVE};

/// [`REGION_LIST`] with the tax-inclusive pricing flag on.
pub static REGION_LIST_TAX_INCLUSIVE: ResourceSpec = ResourceSpec {
    selectable: REGION_FIELDS_TAX_INCLUSIVE,
    default_fields: REGION_FIELDS_TAX_INCLUSIVE,
    ..REGION_LIST
};

/// [`REGION_RETRIEVE`] with the tax-inclusive pricing flag on.
pub static REGION_RETRIEVE_TAX_INCLUSIVE: ResourceSpec = ResourceSpec {
    selectable: REGION_FIELDS_TAX_INCLUSIVE,
    default_fields: REGION_FIELDS_TAX_INCLUSIVE,
    ..REGION_RETRIEVE
};

fn enabled(flags: FeatureFlags) -> bool {
    flags.is_enabled(Flag::TaxInclusivePricing)
}

/// The list spec for a server running with `flags`.
pub fn region_list_spec(flags: FeatureFlags) -> &'static ResourceSpec {
    if enabled(flags) {
        &REGION_LIST_TAX_INCLUSIVE
    } else {
        &REGION_LIST
    }
}

/// The retrieve spec for a server running with `flags`.
pub fn region_retrieve_spec(flags: FeatureFlags) -> &'static ResourceSpec {
    if enabled(flags) {
        &REGION_RETRIEVE_TAX_INCLUSIVE
    } else {
        &REGION_RETRIEVE
    }
}

/// Fills the views' `includes_tax` when the flag is on (one statement for the page).
pub(crate) async fn attach<C: ConnectionTrait>(
    conn: &C,
    flags: FeatureFlags,
    views: &mut [RegionView],
) -> Result<()> {
    if !enabled(flags) {
        return Ok(());
    }
    includes_tax::fill(conn, Table::Region, views, |view| {
        (&view.region.id, &mut view.includes_tax)
    })
    .await?;
    Ok(())
}

/// Sets a new region's `includes_tax` when the body gave one (the column defaults to false).
pub(crate) async fn write_created<C: ConnectionTrait>(
    conn: &C,
    id: &str,
    value: Option<bool>,
) -> Result<()> {
    if let Some(value) = value {
        includes_tax::write(conn, Table::Region, id, value).await?;
    }
    Ok(())
}

/// Sets a region's `includes_tax` when the body gave one; whether the value changed (so that
/// `updated_at` moves, as TypeORM's save moves it for a changed column).
pub(crate) async fn write_updated<C: ConnectionTrait>(
    conn: &C,
    id: &str,
    value: Option<bool>,
) -> Result<bool> {
    Ok(includes_tax::write_if_changed(conn, Table::Region, id, value).await?)
}
