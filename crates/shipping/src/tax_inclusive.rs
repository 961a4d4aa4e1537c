//! A shipping option's `includes_tax`, which exists only with Medusa's tax-inclusive pricing
//! flag, as does the `includes_tax` of the option's region.
//!
//! With the flag off Medusa maps neither column: answers leave them out and a body carrying
//! `includes_tax` is refused ("includes_tax should not exist"). With it on, create and update
//! set the option's, the list's default fields gain it, and every answer carries both.

use medusa_core::{FeatureFlags, Flag, Result};
use medusa_entity::includes_tax::{self, Table};
use medusa_query_dsl::ResourceSpec;
use sea_orm::ConnectionTrait;

use crate::options::{OptionView, OPTION_FIELDS_TAX_INCLUSIVE, SHIPPING_OPTION_LIST};

/// [`SHIPPING_OPTION_LIST`] with the tax-inclusive pricing flag on.
pub static SHIPPING_OPTION_LIST_TAX_INCLUSIVE: ResourceSpec = ResourceSpec {
    sortable: OPTION_FIELDS_TAX_INCLUSIVE,
    selectable: OPTION_FIELDS_TAX_INCLUSIVE,
    default_fields: OPTION_FIELDS_TAX_INCLUSIVE,
    ..SHIPPING_OPTION_LIST
};

/// Whether `flags` map the `includes_tax` columns.
pub fn enabled(flags: FeatureFlags) -> bool {
    flags.is_enabled(Flag::TaxInclusivePricing)
}

/// The list spec for a server running with `flags`.
pub fn shipping_option_list_spec(flags: FeatureFlags) -> &'static ResourceSpec {
    if enabled(flags) {
        &SHIPPING_OPTION_LIST_TAX_INCLUSIVE
    } else {
        &SHIPPING_OPTION_LIST
    }
}

/// Fills the views' `includes_tax` and their regions' when the flag is on (one statement per
/// table for the page).
pub(crate) async fn attach<C: ConnectionTrait>(
    conn: &C,
    flags: FeatureFlags,
    views: &mut [OptionView],
) -> Result<()> {
    if !enabled(flags) {
        return Ok(());
    }
    includes_tax::fill(conn, Table::ShippingOption, views.iter_mut(), |view| {
        (&view.option.id, &mut view.includes_tax)
    })
    .await?;
    // Not every option has a region, so theirs are read by hand.
    let region_ids: Vec<String> = views
        .iter()
        .filter_map(|view| view.region.as_ref().map(|region| region.id.clone()))
        .collect();
    let regions = includes_tax::read(conn, Table::Region, &region_ids).await?;
    for view in views {
        view.region_includes_tax = view
            .region
            .as_ref()
            .map(|region| regions.get(&region.id).copied().unwrap_or(false));
    }
    Ok(())
}
