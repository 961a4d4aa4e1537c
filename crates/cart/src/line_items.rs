//! Line items: generated from variants (`LineItemService.generate`), custom, inserted for any
//! owner (cart, order, claim, swap, order edit), with their tax lines when the caller wants them persisted.
//!
//! Generation and insertion are separate steps, as in Medusa: a caller may inspect or adjust
//! the generated rows (quantity, metadata) before they are written. [`add_variant_lines_in`]
//! is the two in one, for the callers that only want rows written (claims, swaps).

use std::collections::{HashMap, HashSet};

use medusa_core::{generate_id, Error, Result};
use medusa_entity::includes_tax::{self, Table};
use medusa_entity::{line_item, line_item_tax_line, product, product_variant};
use medusa_pricing::line_prices::{select_line_prices, VariantQuantity};
use medusa_query_dsl::key_in;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Map, Value};

use crate::tax_lines::{create_item_tax_lines_in, TaxRegion};

/// The row that owns new line items: which of `line_item`'s owner columns is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineOwner<'a> {
    Cart(&'a str),
    Order(&'a str),
    ClaimOrder(&'a str),
    Swap(&'a str),
    OrderEdit(&'a str),
}

/// A line asked for a variant: its quantity, and optionally a unit price that replaces the
/// selected one (then the line is not merged with others, as in Medusa) and metadata.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct VariantLine {
    pub variant_id: String,
    pub quantity: i64,
    pub unit_price: Option<i64>,
    pub metadata: Option<Map<String, Value>>,
}

/// What the prices are selected for: the region (its currency, its tax rates), the customer
/// (price lists of their groups), and whether tax-inclusive pricing is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PricingContext<'a> {
    pub region_id: &'a str,
    pub customer_id: Option<&'a str>,
    pub tax_inclusive: bool,
}

/// A line item ready to be written: the row (its owner columns still empty) and what the
/// row's columns do not say.
#[derive(Debug, Clone, PartialEq)]
pub struct NewLineItem {
    pub row: line_item::Model,
    /// `includes_tax`: written only with tax-inclusive pricing on (a flag-only column).
    pub includes_tax: bool,
    /// The variant's product; `None` for a custom item (which gets no tax lines).
    pub product_id: Option<String>,
}

/// `LineItemService.generate` for several variants at once: each variant priced by Medusa's
/// price selection at its line's quantity (unless the line gives a unit price), titled after
/// its product and described by its own title. Nothing is written.
///
/// Errors as Medusa's: an unknown or deleted variant (`invalid_data`, "Unable to generate the
/// line items, some variant has not been found: ..."), an unknown region (`not_found`), a
/// variant without a price in the region (`invalid_data`, "Cannot generate line item for
/// variant \"...\" without a price").
pub async fn generate_line_items_in<C: medusa_load::Connection>(
    conn: &C,
    context: &PricingContext<'_>,
    lines: &[VariantLine],
) -> Result<Vec<NewLineItem>> {
    if lines.is_empty() {
        return Ok(Vec::new());
    }
    let wanted: Vec<String> = lines.iter().map(|l| l.variant_id.clone()).collect();
    let variants: HashMap<String, product_variant::Model> = product_variant::Entity::find()
        .filter(key_in(
            product_variant::Column::Id.into_expr(),
            distinct(wanted.clone()),
            conn.get_database_backend(),
        ))
        .filter(product_variant::Column::DeletedAt.is_null())
        .all(conn)
        .await?
        .into_iter()
        .map(|v| (v.id.clone(), v))
        .collect();
    let mut missing: Vec<&str> = Vec::new();
    for id in &wanted {
        if !variants.contains_key(id) && !missing.contains(&id.as_str()) {
            missing.push(id);
        }
    }
    if !missing.is_empty() {
        return Err(Error::invalid_data(format!(
            "Unable to generate the line items, some variant has not been found: {}",
            missing.join(", ")
        )));
    }
    let products: HashMap<String, product::Model> = product::Entity::find()
        .filter(key_in(
            product::Column::Id.into_expr(),
            distinct(variants.values().map(|v| v.product_id.clone())),
            conn.get_database_backend(),
        ))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id.clone(), p))
        .collect();
    let region = live_region(conn, context.region_id).await?;
    let to_price: Vec<VariantQuantity> = lines
        .iter()
        .filter(|l| l.unit_price.is_none())
        .map(|l| VariantQuantity {
            variant_id: l.variant_id.clone(),
            quantity: l.quantity,
        })
        .collect();
    let prices = select_line_prices(
        conn,
        &region,
        context.customer_id,
        &to_price,
        context.tax_inclusive,
    )
    .await?;
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let variant = &variants[&line.variant_id];
        let product = products.get(&variant.product_id);
        let (unit_price, includes_tax, should_merge) = match line.unit_price {
            Some(price) => (Some(price.max(0)), false, false),
            None => {
                let selected = prices.get(&line.variant_id).copied().unwrap_or_default();
                (
                    selected.calculated_price,
                    selected.calculated_price_includes_tax.unwrap_or(false),
                    true,
                )
            }
        };
        let Some(unit_price) = unit_price else {
            return Err(Error::invalid_data(format!(
                "Cannot generate line item for variant \"{}\" without a price",
                variant.title
            )));
        };
        let row = line_item::Model {
            description: Some(variant.title.clone()),
            thumbnail: product.and_then(|p| p.thumbnail.clone()),
            is_giftcard: product.is_some_and(|p| p.is_giftcard),
            should_merge,
            allow_discounts: product.is_some_and(|p| p.discountable),
            variant_id: Some(variant.id.clone()),
            metadata: Some(Value::Object(line.metadata.clone().unwrap_or_default())),
            ..new_line_row(
                product.map(|p| p.title.clone()).unwrap_or_default(),
                to_i32(unit_price)?,
                to_i32(if line.quantity == 0 { 1 } else { line.quantity })?,
            )
        };
        out.push(NewLineItem {
            row,
            includes_tax,
            product_id: Some(variant.product_id.clone()),
        });
    }
    Ok(out)
}

/// A line as Medusa's repository creates one: the entity's defaults (no owner, no variant,
/// discountable, mergeable), then the caller's columns; callers override the rest.
pub fn new_line_row(title: String, unit_price: i32, quantity: i32) -> line_item::Model {
    let now = medusa_core::time::now();
    line_item::Model {
        id: generate_id("item"),
        cart_id: None,
        order_id: None,
        swap_id: None,
        title,
        description: None,
        thumbnail: None,
        is_giftcard: false,
        should_merge: true,
        allow_discounts: true,
        has_shipping: None,
        unit_price,
        variant_id: None,
        quantity,
        fulfilled_quantity: None,
        returned_quantity: None,
        shipped_quantity: None,
        created_at: now,
        updated_at: now,
        metadata: None,
        claim_order_id: None,
        is_return: false,
        original_item_id: None,
        order_edit_id: None,
    }
}

/// A custom line (no variant), as draft orders create them: "Custom item" unless titled, a
/// negative or missing price is 0, never discounted, shipped.
pub fn custom_line_item(
    title: Option<&str>,
    unit_price: Option<i64>,
    quantity: i64,
    metadata: Option<Map<String, Value>>,
) -> Result<NewLineItem> {
    let title = title.filter(|t| !t.is_empty()).unwrap_or("Custom item");
    Ok(NewLineItem {
        row: line_item::Model {
            allow_discounts: false,
            has_shipping: Some(true),
            metadata: metadata.map(Value::Object),
            ..new_line_row(
                title.to_owned(),
                to_i32(unit_price.unwrap_or(0).max(0))?,
                to_i32(quantity)?,
            )
        },
        includes_tax: false,
        product_id: None,
    })
}

/// Whether [`insert_line_items_in`] also writes the items' tax lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaxLines<'a> {
    /// Carts: Medusa computes their tax lines when it needs them, and persists none.
    None,
    /// Orders, claims, swaps: the system tax provider's lines in this region are written.
    Create { region_id: &'a str },
}

/// Writes the items for `owner` in the given order (`includes_tax` only when `tax_inclusive`),
/// then, with [`TaxLines::Create`], their tax lines. Returns the written rows.
pub async fn insert_line_items_in<C: medusa_load::Connection>(
    conn: &C,
    owner: LineOwner<'_>,
    items: Vec<NewLineItem>,
    tax_lines: TaxLines<'_>,
    tax_inclusive: bool,
) -> Result<Vec<line_item::Model>> {
    let mut written = Vec::with_capacity(items.len());
    let mut products = Vec::with_capacity(items.len());
    // Ids ascending in the given order: a cart reads its lines by creation time, then id, so
    // lines written in the same millisecond keep the order they were given in.
    let mut ids: Vec<String> = items.iter().map(|i| i.row.id.clone()).collect();
    ids.sort();
    for (item, id) in items.into_iter().zip(ids) {
        let mut row = item.row;
        row.id = id;
        match owner {
            LineOwner::Cart(id) => row.cart_id = Some(id.to_owned()),
            LineOwner::Order(id) => row.order_id = Some(id.to_owned()),
            LineOwner::ClaimOrder(id) => row.claim_order_id = Some(id.to_owned()),
            LineOwner::Swap(id) => row.swap_id = Some(id.to_owned()),
            LineOwner::OrderEdit(id) => row.order_edit_id = Some(id.to_owned()),
        }
        let model = line_item::ActiveModel::from(row).insert(conn).await?;
        if tax_inclusive {
            includes_tax::write(conn, Table::LineItem, &model.id, item.includes_tax).await?;
        }
        products.push(item.product_id);
        written.push(model);
    }
    if let TaxLines::Create { region_id } = tax_lines {
        let region = TaxRegion::of(&live_region(conn, region_id).await?);
        let pairs: Vec<(&line_item::Model, Option<&str>)> = written
            .iter()
            .zip(products.iter())
            .map(|(item, product)| (item, product.as_deref()))
            .collect();
        create_item_tax_lines_in(conn, &region, &pairs).await?;
    }
    Ok(written)
}

/// Generates and writes variant lines in one call: what claims and swaps do with their
/// additional items (`LineItemService.generate` then `create`, then the tax provider's
/// `createTaxLines` when `tax_lines` asks for it).
pub async fn add_variant_lines_in<C: medusa_load::Connection>(
    conn: &C,
    owner: LineOwner<'_>,
    context: &PricingContext<'_>,
    lines: &[VariantLine],
    tax_lines: TaxLines<'_>,
) -> Result<Vec<line_item::Model>> {
    let items = generate_line_items_in(conn, context, lines).await?;
    insert_line_items_in(conn, owner, items, tax_lines, context.tax_inclusive).await
}

/// The tax lines written for an item (the rows, in insertion order), for callers that answer
/// with them.
pub async fn item_tax_lines_of<C: medusa_load::Connection>(
    conn: &C,
    item_ids: &[String],
) -> Result<Vec<line_item_tax_line::Model>> {
    if item_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(line_item_tax_line::Entity::find()
        .filter(key_in(
            line_item_tax_line::Column::ItemId.into_expr(),
            item_ids.to_vec(),
            conn.get_database_backend(),
        ))
        .all(conn)
        .await?)
}

/// The live region, or Medusa's 404: the lookup the price selection makes.
pub(crate) use medusa_pricing::variant_prices::region as live_region;

pub(crate) fn to_i32(value: i64) -> Result<i32> {
    i32::try_from(value).map_err(|_| Error::invalid_data(format!("{value} is out of range")))
}

fn distinct(ids: impl IntoIterator<Item = String>) -> Vec<String> {
    ids.into_iter()
        .collect::<HashSet<_>>()
        .into_iter()
        .collect()
}
