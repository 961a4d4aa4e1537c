//! A price list's `includes_tax`, which exists only with Medusa's tax-inclusive pricing flag.
//!
//! With the flag off Medusa maps no such column: answers leave it out and a body carrying it
//! is refused ("includes_tax should not exist"). With it on, create and update set it and
//! every answer carries it (Medusa adds it to the routes' default fields). Prices have no such
//! column; a price's tax inclusion comes from its currency or region.

use medusa_core::{FeatureFlags, Flag, Result};
use medusa_entity::includes_tax::{self, Table};
use sea_orm::ConnectionTrait;

use crate::view::PriceListView;

fn enabled(flags: FeatureFlags) -> bool {
    flags.is_enabled(Flag::TaxInclusivePricing)
}

/// Fills the views' `includes_tax` when the flag is on (one statement for the page).
pub(crate) async fn attach<C: ConnectionTrait>(
    conn: &C,
    flags: FeatureFlags,
    views: &mut [PriceListView],
) -> Result<()> {
    if !enabled(flags) {
        return Ok(());
    }
    includes_tax::fill(conn, Table::PriceList, views, |view| {
        (&view.price_list.id, &mut view.includes_tax)
    })
    .await?;
    Ok(())
}
