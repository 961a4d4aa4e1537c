//! A claim's additional items: the variants sent in replacement, as line items of the claim
//! priced in the order's region, their stock reserved as Medusa does without an inventory
//! module (the variant's `inventory_quantity` lowered), with tax lines.

use medusa_cart::{add_variant_lines_in, LineOwner, PricingContext, TaxLines, VariantLine};
use medusa_core::{time, Error, Result};
use medusa_entity::{order, product_variant};
use medusa_events::record_event;
use medusa_load::{live_or, Connection};
use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};

use crate::events::VariantUpdated;
use crate::input::AdditionalItem;
use crate::returns::request::to_i32;

/// `reserveQuantity` without an inventory module: the variant's stock lowered, whether it
/// manages inventory or not; event `product-variant.updated`.
pub(crate) async fn reserve_in<C: Connection>(
    conn: &C,
    variant_id: &str,
    quantity: i64,
) -> Result<()> {
    let variant = live_or::<product_variant::Entity, _>(conn, variant_id, || {
        Error::not_found(format!("Variant with id: {variant_id} was not found"))
    })
    .await?;
    add_stock_in(conn, variant, -quantity).await
}

/// Moves the variant's `inventory_quantity` by `change` (a reservation lowers it, a received
/// return raises it); event `product-variant.updated`.
pub(crate) async fn add_stock_in<C: Connection>(
    conn: &C,
    variant: product_variant::Model,
    change: i64,
) -> Result<()> {
    let id = variant.id.clone();
    let product_id = variant.product_id.clone();
    let stock = to_i32(i64::from(variant.inventory_quantity) + change)?;
    let mut row = variant.into_active_model();
    row.inventory_quantity = Set(stock);
    row.updated_at = Set(time::now());
    row.update(conn).await?;
    record_event(
        conn,
        &VariantUpdated {
            id,
            product_id,
            fields: vec!["inventory_quantity".to_owned()],
        },
    )
    .await
}

/// The claim's additional items: generated for the order's region (no customer: Medusa
/// passes none) by `medusa-cart`, written as the claim's lines with their tax lines, each
/// variant's stock reserved.
pub(crate) async fn add_items_in<C: Connection>(
    conn: &C,
    order: &order::Model,
    claim_id: &str,
    items: &[AdditionalItem],
    tax_inclusive: bool,
) -> Result<()> {
    if items.is_empty() {
        return Ok(());
    }
    let lines: Vec<VariantLine> = items.iter().map(AdditionalItem::variant_line).collect();
    let ctx = PricingContext {
        region_id: &order.region_id,
        customer_id: None,
        tax_inclusive,
    };
    let region_id = order.region_id.as_str();
    let created = add_variant_lines_in(
        conn,
        LineOwner::ClaimOrder(claim_id),
        &ctx,
        &lines,
        TaxLines::Create { region_id },
    )
    .await?;
    for item in created {
        if let Some(variant_id) = &item.variant_id {
            reserve_in(conn, variant_id, i64::from(item.quantity)).await?;
        }
    }
    Ok(())
}
