//! Tax lines through Medusa's system tax provider: an item of a product taxed by the product's
//! own rates and its type's in the region, else the region's default rate; a custom item not
//! at all; a shipping method by its option's rates, else the region's default.
//!
//! Carts compute their lines when their totals are asked for ([`rates_for_products`],
//! [`rates_for_option`]); orders, claims and swaps persist them ([`create_item_tax_lines_in`],
//! [`create_method_tax_lines_in`]).

use std::collections::HashMap;

use medusa_core::time::Timestamp;
use medusa_core::{generate_id, Result};
use medusa_entity::{
    line_item, line_item_tax_line, region, shipping_method, shipping_method_tax_line,
    shipping_tax_rate, tax_rate,
};
use medusa_load::Connection;
use medusa_pricing::variant_prices::rates_of_products;
use medusa_query_dsl::key_in;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// One rate a tax line is written from.
#[derive(Debug, Clone, PartialEq)]
pub struct Rate {
    /// Percent (25 = 25 %); a rate without a value counts 0.
    pub rate: f32,
    pub name: String,
    pub code: Option<String>,
}

/// The region's side of the tax provider's context.
#[derive(Debug, Clone, PartialEq)]
pub struct TaxRegion {
    pub id: String,
    pub tax_rate: f32,
}

impl TaxRegion {
    pub fn of(region: &region::Model) -> Self {
        Self {
            id: region.id.clone(),
            tax_rate: region.tax_rate,
        }
    }

    /// The region's default rate, named as Medusa names it.
    pub fn default_rate(&self) -> Rate {
        Rate {
            rate: self.tax_rate,
            name: "default".into(),
            code: Some("default".into()),
        }
    }
}

fn rate_of(model: &tax_rate::Model) -> Rate {
    Rate {
        rate: model.rate.unwrap_or(0.0),
        name: model.name.clone(),
        code: model.code.clone(),
    }
}

/// The rates of each product in the region (its own and its type's, else the default), read
/// for all the products at once.
pub async fn rates_for_products<C: Connection>(
    conn: &C,
    region: &TaxRegion,
    product_ids: &[String],
) -> Result<HashMap<String, Vec<Rate>>> {
    let mut own = rates_of_products(conn, product_ids, &region.id).await?;
    Ok(product_ids
        .iter()
        .map(|id| {
            let rates = match own.remove(id) {
                Some(rates) => rates.iter().map(rate_of).collect(),
                None => vec![region.default_rate()],
            };
            (id.clone(), rates)
        })
        .collect())
}

/// The rates of a shipping option (Medusa does not filter them by region), else the default.
pub async fn rates_for_option<C: ConnectionTrait>(
    conn: &C,
    region: &TaxRegion,
    option_id: &str,
) -> Result<Vec<Rate>> {
    let links: Vec<String> = shipping_tax_rate::Entity::find()
        .filter(shipping_tax_rate::Column::ShippingOptionId.eq(option_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|l| l.rate_id)
        .collect();
    if links.is_empty() {
        return Ok(vec![region.default_rate()]);
    }
    let rates: Vec<Rate> = tax_rate::Entity::find()
        .filter(key_in(
            tax_rate::Column::Id.into_expr(),
            links,
            conn.get_database_backend(),
        ))
        .all(conn)
        .await?
        .iter()
        .map(rate_of)
        .collect();
    Ok(if rates.is_empty() {
        vec![region.default_rate()]
    } else {
        rates
    })
}

/// Writes the tax lines of these items (each with its product, `None` for a custom item, which
/// gets none). Returns the written lines.
pub async fn create_item_tax_lines_in<C: Connection>(
    conn: &C,
    region: &TaxRegion,
    items: &[(&line_item::Model, Option<&str>)],
) -> Result<Vec<line_item_tax_line::Model>> {
    let products: Vec<String> = items
        .iter()
        .filter_map(|(_, p)| p.map(str::to_owned))
        .collect();
    let rates = rates_for_products(conn, region, &products).await?;
    let mut written = Vec::new();
    for (item, product) in items {
        if item.is_return {
            continue;
        }
        let Some(product) = product else { continue };
        for rate in rates.get(*product).into_iter().flatten() {
            let line = item_tax_line_row(&item.id, rate.clone(), medusa_core::time::now())
                .insert(conn)
                .await?;
            written.push(line);
        }
    }
    Ok(written)
}

/// A new row of tax line table `$table` at `$rate`, as Medusa's repository creates one: a
/// line item's and a shipping method's have the same columns but the one naming their owner.
macro_rules! tax_line_row {
    ($table:ident, $prefix:literal, $owner:ident: $owner_id:expr, $rate:expr, $now:expr) => {{
        let rate: Rate = $rate;
        $table::ActiveModel {
            id: Set(generate_id($prefix)),
            rate: Set(rate.rate),
            name: Set(rate.name),
            code: Set(rate.code),
            created_at: Set($now),
            updated_at: Set($now),
            metadata: Set(None),
            $owner: Set($owner_id.to_owned()),
        }
    }};
}

/// A new tax line of line item `item_id` at `rate`.
pub fn item_tax_line_row(
    item_id: &str,
    rate: Rate,
    now: Timestamp,
) -> line_item_tax_line::ActiveModel {
    tax_line_row!(line_item_tax_line, "litl", item_id: item_id, rate, now)
}

/// A new tax line of shipping method `method_id` at `rate`.
pub fn method_tax_line_row(
    method_id: &str,
    rate: Rate,
    now: Timestamp,
) -> shipping_method_tax_line::ActiveModel {
    tax_line_row!(shipping_method_tax_line, "smtl", shipping_method_id: method_id, rate, now)
}

/// Writes the tax lines of these shipping methods.
pub async fn create_method_tax_lines_in<C: ConnectionTrait>(
    conn: &C,
    region: &TaxRegion,
    methods: &[shipping_method::Model],
) -> Result<Vec<shipping_method_tax_line::Model>> {
    let mut written = Vec::new();
    for method in methods {
        for rate in rates_for_option(conn, region, &method.shipping_option_id).await? {
            let line = method_tax_line_row(&method.id, rate, medusa_core::time::now())
                .insert(conn)
                .await?;
            written.push(line);
        }
    }
    Ok(written)
}
