//! Variants: the product's option/variant shape, Medusa's checks on new variants, and
//! creating, updating and soft-deleting variants with their events.

use super::*;
use medusa_core::new_row::stamped;
use medusa_entity::{money_amount, product_variant_money_amount};

/// A product's live options in creation order, and its live variants with their live option
/// values.
pub(super) struct ProductShape {
    pub(super) options: Vec<product_option::Model>,
    pub(super) variants: Vec<(product_variant::Model, Vec<product_option_value::Model>)>,
}

pub(super) async fn product_shape<C: ConnectionTrait>(
    conn: &C,
    product_id: &str,
) -> Result<ProductShape> {
    let options = product_option::Entity::find()
        .filter(product_option::Column::ProductId.eq(product_id))
        .filter(product_option::Column::DeletedAt.is_null())
        .order_by_asc(product_option::Column::CreatedAt)
        .order_by_asc(product_option::Column::Id)
        .all(conn)
        .await?;
    let variants = product_variant::Entity::find()
        .filter(product_variant::Column::ProductId.eq(product_id))
        .filter(product_variant::Column::DeletedAt.is_null())
        .order_by_asc(product_variant::Column::VariantRank)
        .order_by_asc(product_variant::Column::CreatedAt)
        .all(conn)
        .await?;
    let variant_ids: Vec<String> = variants.iter().map(|v| v.id.clone()).collect();
    let mut values: HashMap<String, Vec<product_option_value::Model>> = HashMap::new();
    if !variant_ids.is_empty() {
        for value in product_option_value::Entity::find()
            .filter(product_option_value::Column::VariantId.is_in(variant_ids))
            .filter(product_option_value::Column::DeletedAt.is_null())
            .all(conn)
            .await?
        {
            values
                .entry(value.variant_id.clone())
                .or_default()
                .push(value);
        }
    }
    Ok(ProductShape {
        options,
        variants: variants
            .into_iter()
            .map(|variant| {
                let values = values.remove(&variant.id).unwrap_or_default();
                (variant, values)
            })
            .collect(),
    })
}

/// Medusa's checks before creating variants: one value per product option, and no existing
/// variant with the same values.
pub(super) fn check_new_variant(
    shape: &ProductShape,
    options: &[(String, String)],
) -> std::result::Result<(), Error> {
    if shape.options.len() != options.len() {
        return Err(Error::invalid_data(format!(
            "Product options length does not match variant options length. Product has {} and variant has {}.",
            shape.options.len(),
            options.len()
        )));
    }
    for option in &shape.options {
        if !options.iter().any(|(option_id, _)| *option_id == option.id) {
            return Err(Error::invalid_data(format!(
                "Variant options do not contain value for {}",
                option.title
            )));
        }
    }
    let same = shape.variants.iter().find(|(_, values)| {
        values.iter().all(|value| {
            options
                .iter()
                .find(|(option_id, _)| *option_id == value.option_id)
                .is_some_and(|(_, given)| *given == value.value)
        })
    });
    if let Some((variant, _)) = same {
        return Err(Error::duplicate(format!(
            "Variant with title {} with provided options already exists",
            variant.title
        )));
    }
    Ok(())
}

/// The unique variant codes a variant would take, checked against live variants (other than
/// `except`) as PostgreSQL's partial unique indexes would.
pub(super) async fn taken_code<C: ConnectionTrait>(
    conn: &C,
    variant: &VariantInput,
    except: Option<&str>,
) -> Result<Option<(&'static str, &'static str, String)>> {
    let codes = [
        (
            "sku",
            "IDX_2ca8cfbdafb998ecfd6d340389",
            &variant.sku,
            product_variant::Column::Sku,
        ),
        (
            "barcode",
            "IDX_045d4a149c09f4704e0bc08dd4",
            &variant.barcode,
            product_variant::Column::Barcode,
        ),
        (
            "ean",
            "IDX_b5b6225539ee8501082fbc0714",
            &variant.ean,
            product_variant::Column::Ean,
        ),
        (
            "upc",
            "IDX_aa16f61348be02dd07ce3fc54e",
            &variant.upc,
            product_variant::Column::Upc,
        ),
    ];
    for (name, index, value, column) in codes {
        let Some(Some(value)) = value else { continue };
        if taken::<product_variant::Entity, _>(conn, column, value, except).await? {
            return Ok(Some((name, index, value.clone())));
        }
    }
    Ok(None)
}

/// A new variant's row as Medusa's variant creation writes it (its defaults: no stock,
/// no backorders, inventory managed).
pub(super) fn new_variant_row(
    id: &str,
    product_id: &str,
    variant: &VariantInput,
    rank: i32,
    now: Timestamp,
) -> Result<product_variant::ActiveModel> {
    let flat = |value: &Option<Option<String>>| value.clone().flatten();
    let number = |value: Option<Option<f64>>| value.flatten().map(new_variant_int_column);
    Ok(product_variant::ActiveModel {
        id: Set(id.to_owned()),
        title: Set(variant.title.clone().unwrap_or_default()),
        product_id: Set(product_id.to_owned()),
        sku: Set(flat(&variant.sku)),
        barcode: Set(flat(&variant.barcode)),
        ean: Set(flat(&variant.ean)),
        upc: Set(flat(&variant.upc)),
        inventory_quantity: Set(new_variant_int_column(
            variant.inventory_quantity.unwrap_or(0.0),
        )?),
        allow_backorder: Set(variant.allow_backorder.unwrap_or(false)),
        manage_inventory: Set(variant.manage_inventory.unwrap_or(true)),
        hs_code: Set(flat(&variant.hs_code)),
        origin_country: Set(flat(&variant.origin_country)),
        mid_code: Set(flat(&variant.mid_code)),
        material: Set(flat(&variant.material)),
        weight: Set(number(variant.weight).transpose()?),
        length: Set(number(variant.length).transpose()?),
        height: Set(number(variant.height).transpose()?),
        width: Set(number(variant.width).transpose()?),
        metadata: Set(variant.metadata.clone().map(Value::Object)),
        variant_rank: Set(Some(rank)),
        ..stamped(now)
    })
}

/// A new variant's option value rows: `(option_id, value)` pairs.
pub(super) fn new_value_rows(
    variant_id: &str,
    options: Vec<(String, String)>,
    now: Timestamp,
) -> Vec<product_option_value::ActiveModel> {
    options
        .into_iter()
        .map(|(option_id, value)| product_option_value::ActiveModel {
            id: Set(generate_id(OPTION_VALUE_PREFIX)),
            value: Set(value),
            option_id: Set(option_id),
            variant_id: Set(variant_id.to_owned()),
            ..stamped(now)
        })
        .collect()
}

/// Creates variants as Medusa's variant creation transaction does: checks, rows, option
/// values, prices, and a `product-variant.created` event each. `ranks` gives each variant's
/// rank. Failures carry the transaction's appended message. Answers the new rows.
pub(super) async fn create_variants<C: ConnectionTrait>(
    conn: &C,
    product_id: &str,
    variants: &[VariantInput],
    ranks: &[Option<i32>],
    positional_options: Option<&[String]>,
    now: Timestamp,
) -> Result<Vec<product_variant::Model>> {
    let result =
        create_variants_inner(conn, product_id, variants, ranks, positional_options, now).await;
    result.map_err(|err| match err {
        Error::Db(err) => Error::Db(err),
        other => Error::invalid_data(format!("{other}{COMPENSATION_FAILURE}")),
    })
}

pub(super) async fn create_variants_inner<C: ConnectionTrait>(
    conn: &C,
    product_id: &str,
    variants: &[VariantInput],
    ranks: &[Option<i32>],
    positional_options: Option<&[String]>,
    now: Timestamp,
) -> Result<Vec<product_variant::Model>> {
    if find_live::<product::Entity, _>(conn, product_id)
        .await?
        .is_none()
    {
        return Err(Error::invalid_data("Product id missing"));
    }
    let shape = product_shape(conn, product_id).await?;
    let mut resolved = Vec::with_capacity(variants.len());
    for variant in variants {
        let options: Vec<(String, String)> = variant
            .options
            .iter()
            .enumerate()
            .filter_map(|(index, OptionValueInput { option_id, value })| {
                let option_id = match positional_options {
                    Some(ids) => ids.get(index).cloned(),
                    None => option_id.clone(),
                };
                option_id.map(|id| (id, value.clone()))
            })
            .collect();
        check_new_variant(&shape, &options)?;
        resolved.push(options);
    }
    let mut price_updates = Vec::new();
    let mut created = Vec::with_capacity(variants.len());
    let first_rank = shape.variants.len() as i32;
    for (computed_rank, ((variant, options), rank)) in
        (first_rank..).zip(variants.iter().zip(resolved).zip(ranks))
    {
        if let Some((_, index, _)) = taken_code(conn, variant, None).await? {
            return Err(Error::invalid_data(format!(
                "duplicate key value violates unique constraint \"{index}\""
            )));
        }
        let rank = match rank {
            Some(rank) if *rank != 0 => *rank,
            _ => computed_rank,
        };
        let id = generate_id(VARIANT_PREFIX);
        let row = new_variant_row(&id, product_id, variant, rank, now)?
            .insert(conn)
            .await?;
        created.push(row);
        let values = new_value_rows(&id, options, now);
        if !values.is_empty() {
            product_option_value::Entity::insert_many(values)
                .exec_without_returning(conn)
                .await?;
        }
        if let Some(prices) = &variant.prices {
            if !prices.is_empty() {
                price_updates.push((id.clone(), prices.clone()));
            }
        }
        medusa_events::record_event(
            conn,
            &events::VariantCreated {
                id: id.clone(),
                product_id: product_id.to_owned(),
            },
        )
        .await?;
    }
    replace_base_prices(conn, &price_updates, now).await?;
    Ok(created)
}

/// Soft-deletes variants with their option values and prices; their inventory links are left
/// to the caller (a variant deletion removes them, a product deletion does not).
pub(super) async fn soft_delete_variant_rows<C: ConnectionTrait>(
    conn: &C,
    ids: &[String],
    now: Timestamp,
) -> Result<()> {
    product_variant::Entity::update_many()
        .col_expr(product_variant::Column::DeletedAt, Expr::value(now))
        .col_expr(product_variant::Column::UpdatedAt, Expr::value(now))
        .filter(product_variant::Column::Id.is_in(ids.to_vec()))
        .exec(conn)
        .await?;
    product_option_value::Entity::update_many()
        .col_expr(product_option_value::Column::DeletedAt, Expr::value(now))
        .col_expr(product_option_value::Column::UpdatedAt, Expr::value(now))
        .filter(product_option_value::Column::VariantId.is_in(ids.to_vec()))
        .filter(product_option_value::Column::DeletedAt.is_null())
        .exec(conn)
        .await?;
    let price_ids: Vec<String> = product_variant_money_amount::Entity::find()
        .filter(product_variant_money_amount::Column::VariantId.is_in(ids.to_vec()))
        .filter(product_variant_money_amount::Column::DeletedAt.is_null())
        .all(conn)
        .await?
        .into_iter()
        .map(|link| link.money_amount_id)
        .collect();
    if !price_ids.is_empty() {
        money_amount::Entity::update_many()
            .col_expr(money_amount::Column::DeletedAt, Expr::value(now))
            .col_expr(money_amount::Column::UpdatedAt, Expr::value(now))
            .filter(money_amount::Column::Id.is_in(price_ids))
            .filter(money_amount::Column::DeletedAt.is_null())
            .exec(conn)
            .await?;
    }
    Ok(())
}

/// Soft-deletes variants with their prices, option values and inventory links, recording
/// `product-variant.deleted` for each.
pub(super) async fn delete_variants<C: ConnectionTrait>(
    conn: &C,
    variants: &[product_variant::Model],
    now: Timestamp,
) -> Result<()> {
    if variants.is_empty() {
        return Ok(());
    }
    let ids: Vec<String> = variants.iter().map(|v| v.id.clone()).collect();
    soft_delete_variant_rows(conn, &ids, now).await?;
    product_variant_inventory_item::Entity::update_many()
        .col_expr(
            product_variant_inventory_item::Column::DeletedAt,
            Expr::value(now),
        )
        .col_expr(
            product_variant_inventory_item::Column::UpdatedAt,
            Expr::value(now),
        )
        .filter(product_variant_inventory_item::Column::VariantId.is_in(ids))
        .filter(product_variant_inventory_item::Column::DeletedAt.is_null())
        .exec(conn)
        .await?;
    for variant in variants {
        medusa_events::record_event(
            conn,
            &events::VariantDeleted {
                id: variant.id.clone(),
                product_id: variant.product_id.clone(),
                metadata: variant.metadata.clone(),
            },
        )
        .await?;
    }
    Ok(())
}

/// Updates one variant as Medusa's variant service does: prices replaced when given, option
/// values updated by option id, changed columns written, metadata merged; records
/// `product-variant.updated` when anything was asked to change.
pub(super) async fn update_variant_row<C: ConnectionTrait>(
    conn: &C,
    variant: &product_variant::Model,
    input: &VariantInput,
    rank: Option<i32>,
    product_id: &str,
    now: Timestamp,
) -> Result<()> {
    if let Some(prices) = &input.prices {
        replace_base_prices(conn, &[(variant.id.clone(), prices.clone())], now).await?;
    }
    for OptionValueInput { option_id, value } in &input.options {
        let Some(option_id) = option_id else { continue };
        let stored = product_option_value::Entity::find()
            .filter(product_option_value::Column::VariantId.eq(variant.id.as_str()))
            .filter(product_option_value::Column::OptionId.eq(option_id.as_str()))
            .filter(product_option_value::Column::DeletedAt.is_null())
            .one(conn)
            .await?
            .ok_or_else(|| Error::not_found("Product option value not found"))?;
        let mut row = stored.into_active_model();
        row.value = Set(value.clone());
        row.updated_at = Set(now);
        row.update(conn).await?;
    }
    if let Some((name, _, value)) = taken_code(conn, input, Some(&variant.id)).await? {
        return Err(Error::duplicate(format!(
            "Product_variant with {name} {value} already exists."
        )));
    }
    let mut row = variant.clone().into_active_model();
    let mut changed = false;
    macro_rules! text {
        ($($name:ident),*) => {$(
            if let Some(value) = &input.$name {
                if variant.$name != *value {
                    row.$name = Set(value.clone());
                    changed = true;
                }
            }
        )*};
    }
    text!(
        sku,
        ean,
        upc,
        barcode,
        hs_code,
        origin_country,
        mid_code,
        material
    );
    macro_rules! number {
        ($($name:ident),*) => {$(
            if let Some(value) = input.$name {
                let value = opt_int_column(value, stringify!($name))?;
                if variant.$name != value {
                    row.$name = Set(value);
                    changed = true;
                }
            }
        )*};
    }
    number!(weight, length, height, width);
    if let Some(title) = &input.title {
        if variant.title != *title {
            row.title = Set(title.clone());
            changed = true;
        }
    }
    if let Some(quantity) = input.inventory_quantity {
        let quantity = int_column(quantity, "inventory_quantity")?;
        if variant.inventory_quantity != quantity {
            row.inventory_quantity = Set(quantity);
            changed = true;
        }
    }
    if let Some(flag) = input.allow_backorder {
        if variant.allow_backorder != flag {
            row.allow_backorder = Set(flag);
            changed = true;
        }
    }
    if let Some(flag) = input.manage_inventory {
        if variant.manage_inventory != flag {
            row.manage_inventory = Set(flag);
            changed = true;
        }
    }
    if let Some(update) = &input.metadata {
        row.metadata = Set(Some(metadata::merge(variant.metadata.as_ref(), update)));
        changed = true;
    }
    if let Some(rank) = rank {
        if variant.variant_rank != Some(rank) {
            row.variant_rank = Set(Some(rank));
            changed = true;
        }
    }
    if variant.product_id != product_id {
        row.product_id = Set(product_id.to_owned());
        changed = true;
    }
    if changed {
        row.updated_at = Set(now);
        row.update(conn).await?;
    }
    let prices_given = input.prices.as_ref().is_some_and(|p| !p.is_empty());
    if changed || !input.options.is_empty() || prices_given {
        let mut fields = input.keys.clone();
        if rank.is_some() {
            fields.push("variant_rank".to_owned());
        }
        fields.push("product_id".to_owned());
        medusa_events::record_event(
            conn,
            &events::VariantUpdated {
                id: variant.id.clone(),
                product_id: product_id.to_owned(),
                fields,
            },
        )
        .await?;
    }
    Ok(())
}
