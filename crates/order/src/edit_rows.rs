//! What the totals of an order edit read: the order with the relations Medusa's
//! `OrderEditService.decorateTotals` loads, and line items owned by something other than an
//! order (an edit's), typed as an order's items so the same totals run over them.

use medusa_core::Result;
use medusa_entity::{line_item, order};
use medusa_load::Connection;
use sea_orm::{ColumnTrait, QueryFilter};

use crate::load::{items, orders, Needs};
use crate::rows::{ItemRows, OrderRows};

/// The orders `ids` names as `decorateTotals` of an edit reads them (in no particular
/// order): items (tax lines, adjustments, variant), discounts with rules, gift cards, region,
/// shipping methods with tax lines. Payments, refunds, gift-card transactions, swaps and
/// claims are not among them, so they count as absent.
pub async fn orders_for_edit_totals<C: Connection>(
    conn: &C,
    ids: Vec<String>,
    tax_inclusive: bool,
) -> Result<Vec<OrderRows>> {
    let query = crate::spec::plan_order_retrieve("expand=region&fields=id", false)?;
    let needs = Needs::new(&query.selection, &query.totals, tax_inclusive);
    let mut reader = medusa_load::Reader::new(conn).await?;
    let select =
        medusa_load::find::<order::Entity>(reader.backend()).filter(order::Column::Id.is_in(ids));
    let mut loaded = orders(&mut reader, select, &needs).await?;
    for rows in &mut loaded {
        rows.payments = None;
        rows.refunds = None;
        rows.gift_card_transactions = None;
        rows.swaps = None;
        rows.claims = None;
    }
    Ok(loaded)
}

/// The line items whose `owner` column names each of `parents` (one group per parent, in
/// insertion order), with their tax lines, adjustments and variants.
pub async fn owned_items<C: Connection>(
    conn: &C,
    owner: line_item::Column,
    parents: &[String],
    tax_inclusive: bool,
) -> Result<Vec<Vec<ItemRows>>> {
    let query = crate::spec::plan_order_retrieve("expand=region&fields=id", false)?;
    let needs = Needs::new(&query.selection, &query.totals, tax_inclusive);
    let mut reader = medusa_load::Reader::new(conn).await?;
    items(&mut reader, owner, parents, "items", &needs).await
}

/// A line item as an order shows it (adjustments, tax lines, variant when loaded).
pub fn item_json(rows: &ItemRows) -> Result<serde_json::Value> {
    crate::json::item(rows)
}
