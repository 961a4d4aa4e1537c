//! Product mutations with Medusa 1.20's rules: create and update (with variants, options,
//! prices, images, tags, type, channels and categories), soft delete, metadata, options and
//! variants. Each runs in one transaction that also records Medusa's events; the answer is
//! the product re-read with the default relations after commit.

use crate::events;
use std::collections::{HashMap, HashSet};

use async_trait::async_trait;
use medusa_core::time::Timestamp;
use medusa_core::{generate_id, handle::kebab_case, metadata, Error, Result};
use medusa_entity::sea_orm_active_enums::ShippingProfileTypeEnum;
use medusa_entity::{
    image, money_amount, product, product_category, product_category_product, product_collection,
    product_images, product_option, product_option_value, product_sales_channel,
    product_shipping_profile, product_tag, product_tags, product_type, product_variant,
    product_variant_inventory_item, product_variant_money_amount, sales_channel, shipping_profile,
    store,
};
use medusa_load::find_live;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde_json::{Map, Value};

use crate::prices::replace_base_prices;
use crate::view::PRICE_DECORATION_KEYS;
use crate::write_input::{
    CreateProduct, OptionValueInput, ProductFields, UpdateProduct, ValueRef, VariantInput,
};
use crate::{retrieve_product, ProductSpecs, ProductView};

/// What `DELETE /admin/products/{id}/variants/{variant_id}` and
/// `DELETE /admin/products/{id}/options/{option_id}` answer with besides the confirmation.
pub type ProductAfterDelete = ProductView;

/// Product mutations; each answers with the product re-read with Medusa's default relations.
#[async_trait]
pub trait ProductWriteService: Send + Sync {
    /// `POST /admin/products`.
    async fn create(&self, input: CreateProduct) -> Result<ProductView>;
    /// `POST /admin/products/{id}`.
    async fn update(&self, id: &str, input: UpdateProduct) -> Result<ProductView>;
    /// `DELETE /admin/products/{id}`: soft-deletes the product, its variants, their prices and
    /// option values. Deleting a missing product succeeds.
    async fn delete(&self, id: &str) -> Result<()>;
    /// `POST /admin/products/{id}/metadata`: merges one key (`""` removes it).
    async fn set_metadata(&self, id: &str, key: &str, value: &str) -> Result<ProductView>;
    /// `POST /admin/products/{id}/options`.
    async fn add_option(&self, id: &str, title: &str) -> Result<ProductView>;
    /// `POST /admin/products/{id}/options/{option_id}`.
    async fn update_option(&self, id: &str, option_id: &str, title: &str) -> Result<ProductView>;
    /// `DELETE /admin/products/{id}/options/{option_id}`.
    async fn delete_option(&self, id: &str, option_id: &str) -> Result<ProductAfterDelete>;
    /// `POST /admin/products/{id}/variants`.
    async fn create_variant(&self, id: &str, input: VariantInput) -> Result<ProductView>;
    /// `POST /admin/products/{id}/variants/{variant_id}`.
    async fn update_variant(
        &self,
        id: &str,
        variant_id: &str,
        input: VariantInput,
    ) -> Result<ProductView>;
    /// `DELETE /admin/products/{id}/variants/{variant_id}`.
    async fn delete_variant(&self, id: &str, variant_id: &str) -> Result<ProductAfterDelete>;
    /// Which of these sales channel ids name no live channel (Medusa checks product bodies'
    /// `sales_channels` before anything else and answers with its own error shape).
    async fn missing_sales_channels(&self, ids: &[String]) -> Result<Vec<String>>;
}

/// [`ProductWriteService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaProductWriteService {
    db: DatabaseConnection,
    specs: ProductSpecs,
}

impl SeaProductWriteService {
    /// Writes to `db`, answering with the default relations `specs` name.
    pub fn new(db: DatabaseConnection, specs: ProductSpecs) -> Self {
        Self { db, specs }
    }

    /// The product as every mutation answers: default fields and relations.
    async fn reread(&self, id: &str) -> Result<ProductView> {
        let selection =
            medusa_query_dsl::plan_retrieve(self.specs.retrieve, &medusa_query_dsl::parse("")?)?;
        retrieve_product(&self.db, id, &selection).await
    }
}

const PRODUCT_PREFIX: &str = "prod";
const VARIANT_PREFIX: &str = "variant";
const OPTION_PREFIX: &str = "opt";
const OPTION_VALUE_PREFIX: &str = "optval";
const IMAGE_PREFIX: &str = "img";
const TAG_PREFIX: &str = "ptag";
const TYPE_PREFIX: &str = "ptyp";
/// Variant creation runs in Medusa's distributed transaction, whose failed compensation step
/// appends this to the original message (and turns it into `invalid_data`).
const COMPENSATION_FAILURE: &str = "\nCannot read properties of undefined (reading 'length')";
const DEFAULT_OPTION_VALUE: &str = "Default Value";

fn product_not_found(id: &str) -> Error {
    Error::not_found(format!("Product with id: {id} was not found"))
}

fn variant_not_found(id: &str) -> Error {
    Error::not_found(format!("Variant with id: {id} was not found"))
}

/// A JavaScript number written into an `integer` column of a product, or of a variant being
/// updated. Medusa's validators accept any number there and PostgreSQL's rejection becomes
/// its 500; here it is the client's error, naming the property.
fn int_column(value: f64, column: &str) -> Result<i32> {
    if value.fract() != 0.0 {
        Err(Error::invalid_data(format!(
            "{column} must be an integer number"
        )))
    } else if value > f64::from(i32::MAX) {
        Err(Error::invalid_data(format!(
            "{column} must not be greater than {}",
            i32::MAX
        )))
    } else if value < f64::from(i32::MIN) {
        Err(Error::invalid_data(format!(
            "{column} must not be less than {}",
            i32::MIN
        )))
    } else {
        // Whole and in range, so the conversion is exact.
        Ok(value as i32)
    }
}

fn opt_int_column(value: Option<f64>, column: &str) -> Result<Option<i32>> {
    value.map(|value| int_column(value, column)).transpose()
}

/// A JavaScript number written into an `integer` column of a new variant. Medusa's variant
/// creation transaction answers PostgreSQL's own message there (as `invalid_data`, with the
/// transaction's appended message), so it is reproduced: PostgreSQL reads the number's text
/// (as JavaScript writes it) digit by digit, so an overflowing integer part is out of range
/// whatever follows it, and anything after the integer part is invalid syntax.
fn new_variant_int_column(value: f64) -> Result<i32> {
    let text = js_number(value);
    let integer_end = text
        .char_indices()
        .find(|&(at, c)| !(c.is_ascii_digit() || (at == 0 && c == '-')))
        .map_or(text.len(), |(at, _)| at);
    match text[..integer_end].parse::<i32>() {
        Err(_) => Err(Error::invalid_data(format!(
            "value \"{text}\" is out of range for type integer"
        ))),
        Ok(_) if integer_end < text.len() => Err(Error::invalid_data(format!(
            "invalid input syntax for type integer: \"{text}\""
        ))),
        Ok(integer) => Ok(integer),
    }
}

/// A number as JavaScript's `String(number)` writes it (the driver's parameter text): plain
/// digits, but exponent notation from 1e21 up and below 1e-6.
fn js_number(value: f64) -> String {
    let magnitude = value.abs();
    if magnitude >= 1e21 || (magnitude != 0.0 && magnitude < 1e-6) {
        let scientific = format!("{value:e}");
        match scientific.split_once('e') {
            Some((mantissa, exponent)) if !exponent.starts_with('-') => {
                format!("{mantissa}e+{exponent}")
            }
            _ => scientific,
        }
    } else {
        value.to_string()
    }
}

async fn live_product<C: ConnectionTrait>(conn: &C, id: &str) -> Result<product::Model> {
    find_live::<product::Entity, _>(conn, id)
        .await?
        .ok_or_else(|| product_not_found(id))
}

async fn ensure_handle_free<C: ConnectionTrait>(
    conn: &C,
    handle: &str,
    other_than: Option<&str>,
) -> Result<()> {
    let mut query = product::Entity::find()
        .filter(product::Column::Handle.eq(handle))
        .filter(product::Column::DeletedAt.is_null());
    if let Some(id) = other_than {
        query = query.filter(product::Column::Id.ne(id));
    }
    if query.one(conn).await?.is_some() {
        return Err(Error::duplicate(format!(
            "Product with handle {handle} already exists."
        )));
    }
    Ok(())
}

/// As PostgreSQL's foreign key check reports a missing collection through Medusa.
async fn ensure_collection<C: ConnectionTrait>(conn: &C, id: &str) -> Result<()> {
    if product_collection::Entity::find_by_id(id)
        .one(conn)
        .await?
        .is_none()
    {
        return Err(Error::not_found(format!(
            "Product_collection with collection_id {id} does not exist."
        )));
    }
    Ok(())
}

/// Medusa's sales-channel existence check on product bodies, as a plain error for callers
/// that skip the HTTP layer's check ([`ProductWriteService::missing_sales_channels`]).
async fn ensure_sales_channels<C: ConnectionTrait>(conn: &C, ids: &[String]) -> Result<()> {
    let missing = missing_sales_channels(conn, ids).await?;
    if missing.is_empty() {
        Ok(())
    } else {
        Err(Error::invalid_data(format!(
            "Sales Channels {} do not exist",
            missing.join(", ")
        )))
    }
}

async fn missing_sales_channels<C: ConnectionTrait>(
    conn: &C,
    ids: &[String],
) -> Result<Vec<String>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let found: HashSet<String> = sales_channel::Entity::find()
        .filter(sales_channel::Column::Id.is_in(ids.iter().cloned()))
        .filter(sales_channel::Column::DeletedAt.is_null())
        .all(conn)
        .await?
        .into_iter()
        .map(|channel| channel.id)
        .collect();
    Ok(ids
        .iter()
        .filter(|id| !found.contains(*id))
        .cloned()
        .collect())
}

async fn ensure_categories<C: ConnectionTrait>(conn: &C, ids: &[String]) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let found: HashSet<String> = product_category::Entity::find()
        .filter(product_category::Column::Id.is_in(ids.iter().cloned()))
        .all(conn)
        .await?
        .into_iter()
        .map(|category| category.id)
        .collect();
    match ids.iter().find(|id| !found.contains(*id)) {
        Some(id) => Err(Error::not_found(format!(
            "Product_category with product_category_id {id} does not exist."
        ))),
        None => Ok(()),
    }
}

fn unique<T: Clone + Eq + std::hash::Hash>(items: &[T]) -> Vec<T> {
    let mut seen = HashSet::new();
    items
        .iter()
        .filter(|item| seen.insert((*item).clone()))
        .cloned()
        .collect()
}

/// Image rows for these URLs: live rows with the same URL are reused, others inserted.
async fn upsert_images<C: ConnectionTrait>(
    conn: &C,
    urls: &[String],
    now: Timestamp,
) -> Result<Vec<String>> {
    let urls = unique(urls);
    if urls.is_empty() {
        return Ok(Vec::new());
    }
    let existing: HashMap<String, String> = image::Entity::find()
        .filter(image::Column::Url.is_in(urls.iter().cloned()))
        .filter(image::Column::DeletedAt.is_null())
        .order_by_asc(image::Column::CreatedAt)
        .all(conn)
        .await?
        .into_iter()
        .rev()
        .map(|row| (row.url, row.id))
        .collect();
    let mut ids = Vec::with_capacity(urls.len());
    let mut created = Vec::new();
    for url in &urls {
        match existing.get(url) {
            Some(id) => ids.push(id.clone()),
            None => {
                let id = generate_id(IMAGE_PREFIX);
                ids.push(id.clone());
                created.push(image::ActiveModel {
                    id: Set(id),
                    url: Set(url.clone()),
                    created_at: Set(now),
                    updated_at: Set(now),
                    deleted_at: Set(None),
                    metadata: Set(None),
                });
            }
        }
    }
    if !created.is_empty() {
        image::Entity::insert_many(created)
            .exec_without_returning(conn)
            .await?;
    }
    Ok(ids)
}

/// Tag rows for these values: live tags with the value are reused, others inserted (with the
/// id given, if any).
async fn upsert_tags<C: ConnectionTrait>(
    conn: &C,
    tags: &[ValueRef],
    now: Timestamp,
) -> Result<Vec<String>> {
    if tags.is_empty() {
        return Ok(Vec::new());
    }
    let values: Vec<String> = tags.iter().map(|tag| tag.value.clone()).collect();
    let mut known: HashMap<String, String> = product_tag::Entity::find()
        .filter(product_tag::Column::Value.is_in(values))
        .filter(product_tag::Column::DeletedAt.is_null())
        .all(conn)
        .await?
        .into_iter()
        .map(|row| (row.value, row.id))
        .collect();
    let mut ids = Vec::with_capacity(tags.len());
    for tag in tags {
        if let Some(id) = known.get(&tag.value) {
            ids.push(id.clone());
            continue;
        }
        let id = tag.id.clone().unwrap_or_else(|| generate_id(TAG_PREFIX));
        product_tag::ActiveModel {
            id: Set(id.clone()),
            value: Set(tag.value.clone()),
            created_at: Set(now),
            updated_at: Set(now),
            deleted_at: Set(None),
            metadata: Set(None),
        }
        .insert(conn)
        .await?;
        known.insert(tag.value.clone(), id.clone());
        ids.push(id);
    }
    Ok(unique(&ids))
}

/// The live type with this value, or a new one.
async fn upsert_type<C: ConnectionTrait>(
    conn: &C,
    type_ref: &ValueRef,
    now: Timestamp,
) -> Result<String> {
    if let Some(found) = product_type::Entity::find()
        .filter(product_type::Column::Value.eq(type_ref.value.as_str()))
        .filter(product_type::Column::DeletedAt.is_null())
        .one(conn)
        .await?
    {
        return Ok(found.id);
    }
    let id = generate_id(TYPE_PREFIX);
    product_type::ActiveModel {
        id: Set(id.clone()),
        value: Set(type_ref.value.clone()),
        created_at: Set(now),
        updated_at: Set(now),
        deleted_at: Set(None),
        metadata: Set(None),
    }
    .insert(conn)
    .await?;
    Ok(id)
}

/// Replaces a product's rows in a link table.
macro_rules! relink {
    ($conn:expr, $module:ident, $product_id:expr, $target:ident, $ids:expr, $replace:expr) => {{
        if $replace {
            $module::Entity::delete_many()
                .filter($module::Column::ProductId.eq($product_id))
                .exec($conn)
                .await?;
        }
        let rows: Vec<$module::ActiveModel> = unique($ids)
            .into_iter()
            .map(|target| $module::ActiveModel {
                product_id: Set($product_id.to_owned()),
                $target: Set(target),
            })
            .collect();
        if !rows.is_empty() {
            $module::Entity::insert_many(rows)
                .exec_without_returning($conn)
                .await?;
        }
    }};
}

async fn set_images<C: ConnectionTrait>(
    conn: &C,
    product_id: &str,
    ids: &[String],
    replace: bool,
) -> Result<()> {
    relink!(conn, product_images, product_id, image_id, ids, replace);
    Ok(())
}

async fn set_tags<C: ConnectionTrait>(
    conn: &C,
    product_id: &str,
    ids: &[String],
    replace: bool,
) -> Result<()> {
    relink!(conn, product_tags, product_id, product_tag_id, ids, replace);
    Ok(())
}

async fn set_sales_channels<C: ConnectionTrait>(
    conn: &C,
    product_id: &str,
    ids: &[String],
    replace: bool,
) -> Result<()> {
    relink!(
        conn,
        product_sales_channel,
        product_id,
        sales_channel_id,
        ids,
        replace
    );
    Ok(())
}

async fn set_categories<C: ConnectionTrait>(
    conn: &C,
    product_id: &str,
    ids: &[String],
    replace: bool,
) -> Result<()> {
    relink!(
        conn,
        product_category_product,
        product_id,
        product_category_id,
        ids,
        replace
    );
    Ok(())
}

/// The shipping profile a new product gets: the gift-card profile for gift cards, else the
/// default one.
async fn profile_for<C: ConnectionTrait>(conn: &C, is_giftcard: bool) -> Result<Option<String>> {
    let kind = if is_giftcard {
        ShippingProfileTypeEnum::GiftCard
    } else {
        ShippingProfileTypeEnum::Default
    };
    Ok(shipping_profile::Entity::find()
        .filter(shipping_profile::Column::Type.eq(kind))
        .filter(shipping_profile::Column::DeletedAt.is_null())
        .order_by_asc(shipping_profile::Column::CreatedAt)
        .one(conn)
        .await?
        .map(|profile| profile.id))
}

async fn default_sales_channel<C: ConnectionTrait>(conn: &C) -> Result<Option<String>> {
    Ok(store::Entity::find()
        .one(conn)
        .await?
        .and_then(|store| store.default_sales_channel_id))
}

/// Writes the given scalar columns onto a product row.
fn apply_fields(row: &mut product::ActiveModel, fields: &ProductFields) -> Result<()> {
    if let Some(title) = &fields.title {
        row.title = Set(title.clone());
    }
    macro_rules! text {
        ($($name:ident),*) => {$(
            if let Some(value) = &fields.$name {
                row.$name = Set(value.clone());
            }
        )*};
    }
    text!(
        subtitle,
        description,
        thumbnail,
        handle,
        collection_id,
        hs_code,
        origin_country,
        mid_code,
        material
    );
    macro_rules! number {
        ($($name:ident),*) => {$(
            if let Some(value) = fields.$name {
                row.$name = Set(opt_int_column(value, stringify!($name))?);
            }
        )*};
    }
    number!(weight, length, height, width);
    if let Some(discountable) = fields.discountable {
        row.discountable = Set(discountable);
    }
    if let Some(Some(status)) = &fields.status {
        row.status = Set(status.clone());
    }
    Ok(())
}

/// A product's live options in creation order, and its live variants with their live option
/// values.
struct ProductShape {
    options: Vec<product_option::Model>,
    variants: Vec<(product_variant::Model, Vec<product_option_value::Model>)>,
}

async fn product_shape<C: ConnectionTrait>(conn: &C, product_id: &str) -> Result<ProductShape> {
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
fn check_new_variant(
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
async fn taken_code<C: ConnectionTrait>(
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
        let mut query = product_variant::Entity::find()
            .filter(column.eq(value.as_str()))
            .filter(product_variant::Column::DeletedAt.is_null());
        if let Some(id) = except {
            query = query.filter(product_variant::Column::Id.ne(id));
        }
        if query.one(conn).await?.is_some() {
            return Ok(Some((name, index, value.clone())));
        }
    }
    Ok(None)
}

/// Creates variants as Medusa's variant creation transaction does: checks, rows, option
/// values, prices, and a `product-variant.created` event each. `ranks` gives each variant's
/// rank. Failures carry the transaction's appended message.
async fn create_variants<C: ConnectionTrait>(
    conn: &C,
    product_id: &str,
    variants: &[VariantInput],
    ranks: &[Option<i32>],
    positional_options: Option<&[String]>,
    now: Timestamp,
) -> Result<()> {
    let result =
        create_variants_inner(conn, product_id, variants, ranks, positional_options, now).await;
    result.map_err(|err| match err {
        Error::Db(err) => Error::Db(err),
        other => Error::invalid_data(format!("{other}{COMPENSATION_FAILURE}")),
    })
}

async fn create_variants_inner<C: ConnectionTrait>(
    conn: &C,
    product_id: &str,
    variants: &[VariantInput],
    ranks: &[Option<i32>],
    positional_options: Option<&[String]>,
    now: Timestamp,
) -> Result<()> {
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
        let flat = |value: &Option<Option<String>>| value.clone().flatten();
        let number = |value: Option<Option<f64>>| value.flatten().map(new_variant_int_column);
        product_variant::ActiveModel {
            id: Set(id.clone()),
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
            created_at: Set(now),
            updated_at: Set(now),
            deleted_at: Set(None),
            metadata: Set(variant.metadata.clone().map(Value::Object)),
            variant_rank: Set(Some(rank)),
        }
        .insert(conn)
        .await?;
        let values: Vec<product_option_value::ActiveModel> = options
            .into_iter()
            .map(|(option_id, value)| product_option_value::ActiveModel {
                id: Set(generate_id(OPTION_VALUE_PREFIX)),
                value: Set(value),
                option_id: Set(option_id),
                variant_id: Set(id.clone()),
                created_at: Set(now),
                updated_at: Set(now),
                deleted_at: Set(None),
                metadata: Set(None),
            })
            .collect();
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
    replace_base_prices(conn, &price_updates, now).await
}

/// Soft-deletes variants with their prices, option values and inventory links, recording
/// `product-variant.deleted` for each.
async fn delete_variants<C: ConnectionTrait>(
    conn: &C,
    variants: &[product_variant::Model],
    now: Timestamp,
) -> Result<()> {
    if variants.is_empty() {
        return Ok(());
    }
    let ids: Vec<String> = variants.iter().map(|v| v.id.clone()).collect();
    product_variant::Entity::update_many()
        .col_expr(product_variant::Column::DeletedAt, Expr::value(now))
        .col_expr(product_variant::Column::UpdatedAt, Expr::value(now))
        .filter(product_variant::Column::Id.is_in(ids.clone()))
        .exec(conn)
        .await?;
    product_option_value::Entity::update_many()
        .col_expr(product_option_value::Column::DeletedAt, Expr::value(now))
        .col_expr(product_option_value::Column::UpdatedAt, Expr::value(now))
        .filter(product_option_value::Column::VariantId.is_in(ids.clone()))
        .filter(product_option_value::Column::DeletedAt.is_null())
        .exec(conn)
        .await?;
    product_variant_inventory_item::Entity::update_many()
        .col_expr(
            product_variant_inventory_item::Column::DeletedAt,
            Expr::value(now),
        )
        .col_expr(
            product_variant_inventory_item::Column::UpdatedAt,
            Expr::value(now),
        )
        .filter(product_variant_inventory_item::Column::VariantId.is_in(ids.clone()))
        .filter(product_variant_inventory_item::Column::DeletedAt.is_null())
        .exec(conn)
        .await?;
    let price_ids: Vec<String> = product_variant_money_amount::Entity::find()
        .filter(product_variant_money_amount::Column::VariantId.is_in(ids))
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
async fn update_variant_row<C: ConnectionTrait>(
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

async fn record_product_updated<C: ConnectionTrait>(
    conn: &C,
    id: &str,
    fields: Option<&[String]>,
) -> Result<()> {
    let event = events::ProductUpdated {
        id: id.to_owned(),
        fields: fields.map(<[String]>::to_vec),
    };
    medusa_events::record_event(conn, &event).await
}

async fn touch_product<C: ConnectionTrait>(conn: &C, id: &str, now: Timestamp) -> Result<()> {
    product::Entity::update_many()
        .col_expr(product::Column::UpdatedAt, Expr::value(now))
        .filter(product::Column::Id.eq(id))
        .exec(conn)
        .await?;
    Ok(())
}

/// The product as Medusa answers an option deletion: not priced, so variants carry neither
/// the price decoration keys nor the prices' `price_list` and `variant_id`.
fn without_pricing(product: ProductView) -> ProductView {
    let mut json = match product.into_json() {
        Value::Object(json) => json,
        _ => Map::new(),
    };
    if let Some(Value::Array(variants)) = json.get_mut("variants") {
        for variant in variants.iter_mut().filter_map(Value::as_object_mut) {
            for key in PRICE_DECORATION_KEYS {
                variant.remove(*key);
            }
            if let Some(Value::Array(prices)) = variant.get_mut("prices") {
                for price in prices.iter_mut().filter_map(Value::as_object_mut) {
                    price.remove("price_list");
                    price.remove("variant_id");
                }
            }
        }
    }
    ProductView::from_json(json)
}

#[async_trait]
impl ProductWriteService for SeaProductWriteService {
    async fn create(&self, input: CreateProduct) -> Result<ProductView> {
        let txn = self.db.begin().await?;
        let now = medusa_core::time::now();
        let fields = &input.fields;
        let title = fields.title.clone().unwrap_or_default();
        if let Some(ids) = &input.sales_channel_ids {
            ensure_sales_channels(&txn, ids).await?;
        }
        if matches!(fields.status, Some(None)) {
            return Err(Error::invalid_data(
                "Can't insert null value in field status on insert in table product",
            ));
        }
        let handle = match fields.handle.clone().flatten() {
            Some(handle) if !handle.is_empty() => handle,
            _ => kebab_case(&title),
        };
        ensure_handle_free(&txn, &handle, None).await?;
        if let Some(Some(collection_id)) = &fields.collection_id {
            ensure_collection(&txn, collection_id).await?;
        }
        if let Some(ids) = &input.category_ids {
            ensure_categories(&txn, ids).await?;
        }
        let profile_id = profile_for(&txn, input.is_giftcard).await?;
        let sales_channel_ids = match &input.sales_channel_ids {
            Some(ids) if !ids.is_empty() => ids.clone(),
            _ => default_sales_channel(&txn).await?.into_iter().collect(),
        };

        let id = generate_id(PRODUCT_PREFIX);
        let images = input.images.clone().unwrap_or_default();
        let thumbnail = match fields.thumbnail.clone().flatten() {
            Some(thumbnail) if !thumbnail.is_empty() => Some(thumbnail),
            _ => images.first().cloned(),
        };
        let type_id = match &input.type_ref {
            Some(type_ref) => Some(upsert_type(&txn, type_ref, now).await?),
            None => None,
        };
        let mut row = product::ActiveModel {
            id: Set(id.clone()),
            title: Set(title),
            subtitle: Set(None),
            description: Set(None),
            handle: Set(Some(handle)),
            is_giftcard: Set(input.is_giftcard),
            thumbnail: Set(None),
            weight: Set(None),
            length: Set(None),
            height: Set(None),
            width: Set(None),
            hs_code: Set(None),
            origin_country: Set(None),
            mid_code: Set(None),
            material: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            deleted_at: Set(None),
            metadata: Set(input.metadata.clone().map(Value::Object)),
            collection_id: Set(None),
            type_id: Set(type_id),
            discountable: Set(true),
            status: Set(medusa_entity::sea_orm_active_enums::ProductStatusEnum::Draft),
            external_id: Set(None),
        };
        let mut given = fields.clone();
        given.handle = None;
        given.thumbnail = None;
        apply_fields(&mut row, &given)?;
        row.thumbnail = Set(thumbnail);
        if input.is_giftcard {
            row.discountable = Set(false);
        }
        row.insert(&txn).await?;

        let image_ids = upsert_images(&txn, &images, now).await?;
        set_images(&txn, &id, &image_ids, false).await?;
        if let Some(tags) = &input.tags {
            let tag_ids = upsert_tags(&txn, tags, now).await?;
            set_tags(&txn, &id, &tag_ids, false).await?;
        }
        set_sales_channels(&txn, &id, &sales_channel_ids, false).await?;
        if let Some(ids) = &input.category_ids {
            set_categories(&txn, &id, ids, false).await?;
        }
        if let Some(profile_id) = profile_id {
            product_shipping_profile::Entity::insert(product_shipping_profile::ActiveModel {
                profile_id: Set(profile_id),
                product_id: Set(id.clone()),
            })
            .exec_without_returning(&txn)
            .await?;
        }
        // Variant values name options by position in the body; Medusa maps a position to the
        // first option with that title.
        let mut option_ids: Vec<String> = Vec::with_capacity(input.option_titles.len());
        let mut first_by_title: HashMap<&str, String> = HashMap::new();
        let mut options = Vec::with_capacity(input.option_titles.len());
        for title in &input.option_titles {
            let option_id = generate_id(OPTION_PREFIX);
            option_ids.push(
                first_by_title
                    .entry(title.as_str())
                    .or_insert_with(|| option_id.clone())
                    .clone(),
            );
            options.push(product_option::ActiveModel {
                id: Set(option_id),
                title: Set(title.clone()),
                created_at: Set(now),
                updated_at: Set(now),
                deleted_at: Set(None),
                metadata: Set(None),
                product_id: Set(Some(id.clone())),
            });
        }
        if !options.is_empty() {
            product_option::Entity::insert_many(options)
                .exec_without_returning(&txn)
                .await?;
        }
        medusa_events::record_event(&txn, &events::ProductCreated { id: id.to_owned() }).await?;
        if !input.variants.is_empty() {
            let ranks: Vec<Option<i32>> = (0..input.variants.len())
                .map(|index| Some(index as i32))
                .collect();
            create_variants(&txn, &id, &input.variants, &ranks, Some(&option_ids), now).await?;
        }
        txn.commit().await?;
        self.reread(&id).await
    }

    async fn update(&self, id: &str, input: UpdateProduct) -> Result<ProductView> {
        let txn = self.db.begin().await?;
        let now = medusa_core::time::now();
        if let Some(ids) = &input.sales_channel_ids {
            ensure_sales_channels(&txn, ids).await?;
        }
        let current = live_product(&txn, id).await?;
        let fields = &input.fields;
        if let Some(Some(handle)) = &fields.handle {
            ensure_handle_free(&txn, handle, Some(id)).await?;
        }
        if let Some(Some(collection_id)) = &fields.collection_id {
            ensure_collection(&txn, collection_id).await?;
        }
        if let Some(ids) = &input.category_ids {
            ensure_categories(&txn, ids).await?;
        }
        let mut row = current.clone().into_active_model();
        apply_fields(&mut row, fields)?;
        if let Some(images) = &input.images {
            let given_thumbnail = matches!(&fields.thumbnail, Some(Some(_)));
            if current.thumbnail.is_none() && !given_thumbnail {
                if let Some(first) = images.first() {
                    row.thumbnail = Set(Some(first.clone()));
                }
            }
            let image_ids = upsert_images(&txn, images, now).await?;
            set_images(&txn, id, &image_ids, true).await?;
        }
        if let Some(update) = &input.metadata {
            row.metadata = Set(Some(metadata::merge(current.metadata.as_ref(), update)));
        }
        match &input.type_ref {
            Some(Some(type_ref)) => {
                row.type_id = Set(Some(upsert_type(&txn, type_ref, now).await?))
            }
            Some(None) => row.type_id = Set(None),
            None => {}
        }
        if let Some(tags) = &input.tags {
            let tag_ids = upsert_tags(&txn, tags, now).await?;
            set_tags(&txn, id, &tag_ids, true).await?;
        }
        if let Some(ids) = &input.category_ids {
            set_categories(&txn, id, ids, true).await?;
        }
        if let Some(ids) = &input.sales_channel_ids {
            set_sales_channels(&txn, id, ids, true).await?;
        }
        row.updated_at = Set(now);
        row.update(&txn).await?;
        let keys: Vec<String> = input
            .keys
            .iter()
            .filter(|key| key.as_str() != "variants")
            .cloned()
            .collect();
        record_product_updated(&txn, id, Some(&keys)).await?;

        if let Some(variants) = &input.variants {
            let shape = product_shape(&txn, id).await?;
            let by_id: HashMap<&str, &product_variant::Model> = shape
                .variants
                .iter()
                .map(|(variant, _)| (variant.id.as_str(), variant))
                .collect();
            let listed: HashSet<&str> = variants.iter().filter_map(|v| v.id.as_deref()).collect();
            let foreign: Vec<&str> = variants
                .iter()
                .filter_map(|v| v.id.as_deref())
                .filter(|variant_id| !by_id.contains_key(variant_id))
                .collect();
            if !foreign.is_empty() {
                return Err(Error::not_found(format!(
                    "Variants with id: {} are not associated with this product",
                    foreign.join(", ")
                )));
            }
            let removed: Vec<product_variant::Model> = shape
                .variants
                .iter()
                .filter(|(variant, _)| !listed.contains(variant.id.as_str()))
                .map(|(variant, _)| variant.clone())
                .collect();
            delete_variants(&txn, &removed, now).await?;
            let mut to_create = Vec::new();
            let mut ranks = Vec::new();
            for (rank, variant) in variants.iter().enumerate() {
                match variant
                    .id
                    .as_deref()
                    .and_then(|variant_id| by_id.get(variant_id))
                {
                    Some(stored) => {
                        update_variant_row(&txn, stored, variant, Some(rank as i32), id, now)
                            .await?;
                    }
                    None => {
                        // Medusa's update body has no quantity default, so the insert
                        // writes NULL into a NOT NULL column.
                        if variant.inventory_quantity.is_none() {
                            return Err(Error::invalid_data(format!(
                                "null value in column \"inventory_quantity\" of relation \"product_variant\" violates not-null constraint{COMPENSATION_FAILURE}"
                            )));
                        }
                        let mut new = variant.clone();
                        new.prices.get_or_insert_with(Vec::new);
                        to_create.push(new);
                        ranks.push(Some(rank as i32));
                    }
                }
            }
            if !to_create.is_empty() {
                create_variants(&txn, id, &to_create, &ranks, None, now).await?;
            }
        }
        txn.commit().await?;
        self.reread(id).await
    }

    async fn delete(&self, id: &str) -> Result<()> {
        let txn = self.db.begin().await?;
        let Some(current) = find_live::<product::Entity, _>(&txn, id).await? else {
            return Ok(());
        };
        let now = medusa_core::time::now();
        let shape = product_shape(&txn, id).await?;
        let variants: Vec<product_variant::Model> = shape
            .variants
            .into_iter()
            .map(|(variant, _)| variant)
            .collect();
        // Medusa's cascade soft-removes the variants with their prices and option values,
        // without emitting variant events.
        let variant_ids: Vec<String> = variants.iter().map(|v| v.id.clone()).collect();
        if !variant_ids.is_empty() {
            let price_ids: Vec<String> = product_variant_money_amount::Entity::find()
                .filter(product_variant_money_amount::Column::VariantId.is_in(variant_ids.clone()))
                .filter(product_variant_money_amount::Column::DeletedAt.is_null())
                .all(&txn)
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
                    .exec(&txn)
                    .await?;
            }
            product_option_value::Entity::update_many()
                .col_expr(product_option_value::Column::DeletedAt, Expr::value(now))
                .col_expr(product_option_value::Column::UpdatedAt, Expr::value(now))
                .filter(product_option_value::Column::VariantId.is_in(variant_ids.clone()))
                .filter(product_option_value::Column::DeletedAt.is_null())
                .exec(&txn)
                .await?;
            product_variant::Entity::update_many()
                .col_expr(product_variant::Column::DeletedAt, Expr::value(now))
                .col_expr(product_variant::Column::UpdatedAt, Expr::value(now))
                .filter(product_variant::Column::Id.is_in(variant_ids))
                .exec(&txn)
                .await?;
        }
        let mut row = current.into_active_model();
        row.deleted_at = Set(Some(now));
        row.updated_at = Set(now);
        row.update(&txn).await?;
        medusa_events::record_event(&txn, &events::ProductDeleted { id: id.to_owned() }).await?;
        txn.commit().await?;
        Ok(())
    }

    async fn set_metadata(&self, id: &str, key: &str, value: &str) -> Result<ProductView> {
        let txn = self.db.begin().await?;
        let current = live_product(&txn, id).await?;
        let mut update = Map::new();
        update.insert(key.to_owned(), Value::String(value.to_owned()));
        let merged = metadata::merge(current.metadata.as_ref(), &update);
        let mut row = current.into_active_model();
        row.metadata = Set(Some(merged));
        row.updated_at = Set(medusa_core::time::now());
        row.update(&txn).await?;
        record_product_updated(&txn, id, Some(&["metadata".to_owned()])).await?;
        txn.commit().await?;
        self.reread(id).await
    }

    async fn add_option(&self, id: &str, title: &str) -> Result<ProductView> {
        let txn = self.db.begin().await?;
        live_product(&txn, id).await?;
        let now = medusa_core::time::now();
        let shape = product_shape(&txn, id).await?;
        if shape.options.iter().any(|option| option.title == title) {
            return Err(Error::duplicate(format!(
                "An option with the title: {title} already exists"
            )));
        }
        let option_id = generate_id(OPTION_PREFIX);
        product_option::ActiveModel {
            id: Set(option_id.clone()),
            title: Set(title.to_owned()),
            created_at: Set(now),
            updated_at: Set(now),
            deleted_at: Set(None),
            metadata: Set(None),
            product_id: Set(Some(id.to_owned())),
        }
        .insert(&txn)
        .await?;
        let values: Vec<product_option_value::ActiveModel> = shape
            .variants
            .iter()
            .map(|(variant, _)| product_option_value::ActiveModel {
                id: Set(generate_id(OPTION_VALUE_PREFIX)),
                value: Set(DEFAULT_OPTION_VALUE.to_owned()),
                option_id: Set(option_id.clone()),
                variant_id: Set(variant.id.clone()),
                created_at: Set(now),
                updated_at: Set(now),
                deleted_at: Set(None),
                metadata: Set(None),
            })
            .collect();
        if !values.is_empty() {
            product_option_value::Entity::insert_many(values)
                .exec_without_returning(&txn)
                .await?;
        }
        record_product_updated(&txn, id, None).await?;
        txn.commit().await?;
        self.reread(id).await
    }

    async fn update_option(&self, id: &str, option_id: &str, title: &str) -> Result<ProductView> {
        let txn = self.db.begin().await?;
        live_product(&txn, id).await?;
        let shape = product_shape(&txn, id).await?;
        let upper = title.to_uppercase();
        if shape
            .options
            .iter()
            .any(|option| option.title.to_uppercase() == upper && option.id != option_id)
        {
            return Err(Error::not_found(format!(
                "An option with title {title} already exists"
            )));
        }
        let option = find_live::<product_option::Entity, _>(&txn, option_id)
            .await?
            .ok_or_else(|| {
                Error::not_found(format!("Option with id: {option_id} does not exist"))
            })?;
        let mut row = option.into_active_model();
        row.title = Set(title.to_owned());
        row.updated_at = Set(medusa_core::time::now());
        row.update(&txn).await?;
        record_product_updated(&txn, id, None).await?;
        txn.commit().await?;
        self.reread(id).await
    }

    async fn delete_option(&self, id: &str, option_id: &str) -> Result<ProductAfterDelete> {
        let txn = self.db.begin().await?;
        live_product(&txn, id).await?;
        let shape = product_shape(&txn, id).await?;
        if let Some(option) = shape.options.iter().find(|option| option.id == option_id) {
            let value_of = |values: &[product_option_value::Model]| {
                values
                    .iter()
                    .find(|value| value.option_id == option.id)
                    .map(|value| value.value.clone())
            };
            if let Some((_, first)) = shape.variants.first() {
                let expected = value_of(first);
                if shape
                    .variants
                    .iter()
                    .any(|(_, values)| value_of(values) != expected)
                {
                    return Err(Error::invalid_data(
                        "To delete an option, first delete all variants, such that when an option is deleted, no duplicate variants will exist.",
                    ));
                }
            }
            let now = medusa_core::time::now();
            product_option_value::Entity::update_many()
                .col_expr(product_option_value::Column::DeletedAt, Expr::value(now))
                .col_expr(product_option_value::Column::UpdatedAt, Expr::value(now))
                .filter(product_option_value::Column::OptionId.eq(option_id))
                .filter(product_option_value::Column::DeletedAt.is_null())
                .exec(&txn)
                .await?;
            let mut row = option.clone().into_active_model();
            row.deleted_at = Set(Some(now));
            row.updated_at = Set(now);
            row.update(&txn).await?;
            record_product_updated(&txn, id, None).await?;
        }
        txn.commit().await?;
        Ok(without_pricing(self.reread(id).await?))
    }

    async fn create_variant(&self, id: &str, input: VariantInput) -> Result<ProductView> {
        let txn = self.db.begin().await?;
        let now = medusa_core::time::now();
        create_variants(&txn, id, &[input], &[None], None, now).await?;
        touch_product(&txn, id, now).await?;
        txn.commit().await?;
        self.reread(id).await
    }

    async fn update_variant(
        &self,
        id: &str,
        variant_id: &str,
        input: VariantInput,
    ) -> Result<ProductView> {
        let txn = self.db.begin().await?;
        let now = medusa_core::time::now();
        let variant = find_live::<product_variant::Entity, _>(&txn, variant_id)
            .await?
            .ok_or_else(|| variant_not_found(variant_id))?;
        live_product(&txn, id).await?;
        update_variant_row(&txn, &variant, &input, None, id, now).await?;
        txn.commit().await?;
        self.reread(id).await
    }

    async fn delete_variant(&self, id: &str, variant_id: &str) -> Result<ProductAfterDelete> {
        let txn = self.db.begin().await?;
        let now = medusa_core::time::now();
        let variants = product_variant::Entity::find_by_id(variant_id)
            .filter(product_variant::Column::DeletedAt.is_null())
            .all(&txn)
            .await?;
        delete_variants(&txn, &variants, now).await?;
        txn.commit().await?;
        // As in Medusa, the deletion stands even when the product then is not found.
        self.reread(id).await
    }

    async fn missing_sales_channels(&self, ids: &[String]) -> Result<Vec<String>> {
        missing_sales_channels(&self.db, ids).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(result: Result<i32>) -> String {
        match result {
            Ok(value) => format!("ok {value}"),
            Err(err) => err.to_string(),
        }
    }

    #[test]
    fn new_variant_integers_fail_as_postgresql_reads_them() {
        let syntax = |text: &str| format!("invalid input syntax for type integer: \"{text}\"");
        let range = |text: &str| format!("value \"{text}\" is out of range for type integer");
        let cases = [
            (7.0, "ok 7".to_owned()),
            (-2147483648.0, "ok -2147483648".to_owned()),
            (3.25, syntax("3.25")),
            (-0.5, syntax("-0.5")),
            (2147483647.5, syntax("2147483647.5")),
            (1e21, syntax("1e+21")),
            (1.5e-7, syntax("1.5e-7")),
            (1e10, range("10000000000")),
            (-3e9, range("-3000000000")),
            (3000000000.5, range("3000000000.5")),
        ];
        for (value, expected) in cases {
            assert_eq!(message(new_variant_int_column(value)), expected, "{value}");
        }
    }

    #[test]
    fn product_integers_name_their_column() {
        assert_eq!(message(int_column(12.0, "weight")), "ok 12");
        assert_eq!(
            message(int_column(1.5, "weight")),
            "weight must be an integer number"
        );
        assert_eq!(
            message(int_column(1e10, "length")),
            "length must not be greater than 2147483647"
        );
        assert_eq!(
            message(int_column(-3e9, "inventory_quantity")),
            "inventory_quantity must not be less than -2147483648"
        );
    }
}
