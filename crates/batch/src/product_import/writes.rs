//! Processing an import: the file's rows written in chunks inside the caller's transaction.
//! A chunk of new products with new variants is written in bulk
//! (`medusa_product::write::bulk`), each table in a few statements; a chunk with anything
//! else (updates, variants of products met before), or one the bulk write would refuse, is
//! written row by row through `medusa-product`'s `*_in` functions, which also give Medusa's
//! message for a refused row. The bulk attempt runs in a savepoint, so a refused chunk (one
//! of its variant codes taken: the unique index refuses the insert) leaves nothing behind
//! before it is written again row by row.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use medusa_core::flags::FeatureFlags;
use medusa_core::{Error, Result};
use medusa_entity::{product, product_category, product_collection, product_option, sales_channel};
use medusa_product::prices::PriceInput;
use medusa_product::write::bulk::{create_products_in, NewProduct, NewProductDefaults};
use medusa_product::write_input::{OptionValueInput, ProductFields, ValueRef};
use medusa_product::{CreateProduct, UpdateProduct, VariantInput};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionTrait};

use super::{ImportFile, Lookups, Row, PROGRESS_EVERY};
use crate::import_columns::Field;

/// Rows per chunk; a chunk ends between two products, so a product's rows stay together.
const CHUNK_ROWS: usize = 500;

/// How an import writes new products.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writes {
    /// In bulk per chunk where it can (what [`apply_import`] does).
    Bulk,
    /// One row at a time: what the bulk writes must equal, row for row.
    RowByRow,
}

/// Processing: every operation of the file written on `conn` (the caller's transaction),
/// `on_progress(done)` called after each chunk that crossed a multiple of
/// [`PROGRESS_EVERY`] operations. Answers how many ran.
pub async fn apply_import<C, F, Fut>(
    conn: &C,
    path: &Path,
    flags: FeatureFlags,
    on_progress: F,
) -> Result<u64>
where
    C: ConnectionTrait + TransactionTrait,
    F: FnMut(u64) -> Fut,
    Fut: std::future::Future<Output = Result<()>>,
{
    apply_import_with(conn, path, flags, Writes::Bulk, on_progress).await
}

/// [`apply_import`], writing as `writes` says.
pub async fn apply_import_with<C, F, Fut>(
    conn: &C,
    path: &Path,
    flags: FeatureFlags,
    writes: Writes,
    mut on_progress: F,
) -> Result<u64>
where
    C: ConnectionTrait + TransactionTrait,
    F: FnMut(u64) -> Fut,
    Fut: std::future::Future<Output = Result<()>>,
{
    let mut import = Import {
        writes,
        lookups: Lookups::load(conn).await?,
        defaults: NewProductDefaults::load(conn).await?,
        references: References::default(),
        seen: HashSet::new(),
    };
    let mut file = ImportFile::open(path, flags)?;
    let mut done = 0u64;
    let mut next: Option<Row> = file.next_row()?;
    while next.is_some() {
        let mut chunk: Vec<Row> = Vec::new();
        while let Some(row) = next.take() {
            let full = chunk.len() >= CHUNK_ROWS;
            if full && chunk.last().map(|last| last.handle()) != Some(row.handle()) {
                next = Some(row);
                break;
            }
            chunk.push(row);
            next = file.next_row()?;
        }
        let before = done;
        done += import.write_chunk(conn, &chunk).await?;
        if done / PROGRESS_EVERY > before / PROGRESS_EVERY {
            on_progress(done - done % PROGRESS_EVERY).await?;
        }
    }
    Ok(done)
}

/// What an import keeps from chunk to chunk.
struct Import {
    writes: Writes,
    lookups: Lookups,
    defaults: NewProductDefaults,
    references: References,
    /// The handles met so far: a handle's first row creates or updates its product.
    seen: HashSet<String>,
}

impl Import {
    /// Writes one chunk; answers its operations.
    async fn write_chunk<C>(&mut self, conn: &C, chunk: &[Row]) -> Result<u64>
    where
        C: ConnectionTrait + TransactionTrait,
    {
        let bulk = match self.writes {
            Writes::Bulk => self.new_products(conn, chunk).await?,
            Writes::RowByRow => None,
        };
        if let Some(products) = bulk {
            let savepoint = conn.begin().await?;
            if let Ok(true) = create_products_in(&savepoint, &self.defaults, &products).await {
                savepoint.commit().await?;
                for row in chunk {
                    self.seen.insert(row.handle().to_owned());
                }
                return Ok((products.len() + chunk.len()) as u64);
            }
            savepoint.rollback().await?;
        }
        let mut done = 0u64;
        for row in chunk {
            let prices = self.lookups.prices(row)?;
            if self.seen.insert(row.handle().to_owned()) {
                write_product(conn, &mut self.references, row)
                    .await
                    .map_err(|e| row.error(None, e))?;
                done += 1;
            }
            write_variant(conn, row, prices)
                .await
                .map_err(|e| row.error(None, e))?;
            done += 1;
        }
        Ok(done)
    }

    /// The chunk as new products with their new variants, or `None` when any row updates,
    /// adds to a product met before, or fails a check (written row by row, it gets its error).
    async fn new_products<C: ConnectionTrait>(
        &mut self,
        conn: &C,
        chunk: &[Row],
    ) -> Result<Option<Vec<NewProduct>>> {
        let mut products: Vec<NewProduct> = Vec::new();
        let mut by_handle: HashMap<&str, usize> = HashMap::new();
        for row in chunk {
            let updates =
                row.get(Field::ProductId).is_some() || row.get(Field::VariantId).is_some();
            if updates || self.seen.contains(row.handle()) {
                return Ok(None);
            }
            let index = match by_handle.get(row.handle()) {
                Some(index) => *index,
                None => {
                    let Ok(product) = new_product(conn, &mut self.references, row).await else {
                        return Ok(None);
                    };
                    products.push(product);
                    by_handle.insert(row.handle(), products.len() - 1);
                    products.len() - 1
                }
            };
            let Ok(prices) = self.lookups.prices(row) else {
                return Ok(None);
            };
            let variant = variant_input(row, prices, Vec::new());
            products[index]
                .variants
                .push((variant, row.option_values.clone()));
        }
        Ok(Some(products))
    }
}

/// The collections, channels and categories rows name, read once each: an import creates
/// none of them.
#[derive(Default)]
struct References {
    collections: HashMap<String, Option<String>>,
    channels: HashMap<String, Option<String>>,
    categories: HashMap<String, Option<String>>,
}

fn nullable(row: &Row, field: Field) -> Option<Option<String>> {
    Some(row.string(field))
}

fn nullable_number(row: &Row, field: Field) -> Option<Option<f64>> {
    Some(row.numbers.get(&field).copied())
}

impl References {
    async fn collection<C: ConnectionTrait>(
        &mut self,
        conn: &C,
        row: &Row,
    ) -> Result<Option<String>> {
        let Some(handle) = row.get(Field::CollectionHandle) else {
            return Ok(None);
        };
        if !self.collections.contains_key(handle) {
            let found = product_collection::Entity::find()
                .filter(product_collection::Column::Handle.eq(handle))
                .filter(product_collection::Column::DeletedAt.is_null())
                .one(conn)
                .await?;
            self.collections
                .insert(handle.to_owned(), found.map(|collection| collection.id));
        }
        match self.collections.get(handle).cloned().flatten() {
            Some(id) => Ok(Some(id)),
            None => Err(Error::not_found(format!(
                "Product collection with handle: {handle} was not found"
            ))),
        }
    }

    /// The channels a row names (by id, else by name); names that match nothing are
    /// skipped, as Medusa skips them.
    async fn channels<C: ConnectionTrait>(
        &mut self,
        conn: &C,
        row: &Row,
    ) -> Result<Option<Vec<String>>> {
        let Some(refs) = &row.channels else {
            return Ok(None);
        };
        let mut ids: Vec<String> = Vec::new();
        for name_or_id in refs {
            if !self.channels.contains_key(name_or_id) {
                let found = sales_channel::Entity::find()
                    .filter(
                        sea_orm::Condition::any()
                            .add(sales_channel::Column::Id.eq(name_or_id.as_str()))
                            .add(sales_channel::Column::Name.eq(name_or_id.as_str())),
                    )
                    .filter(sales_channel::Column::DeletedAt.is_null())
                    .one(conn)
                    .await?;
                self.channels
                    .insert(name_or_id.clone(), found.map(|channel| channel.id));
            }
            if let Some(Some(id)) = self.channels.get(name_or_id) {
                if !ids.contains(id) {
                    ids.push(id.clone());
                }
            }
        }
        Ok(Some(ids))
    }

    async fn categories<C: ConnectionTrait>(
        &mut self,
        conn: &C,
        row: &Row,
    ) -> Result<Option<Vec<String>>> {
        let Some(handles) = &row.categories else {
            return Ok(None);
        };
        let mut ids = Vec::with_capacity(handles.len());
        for handle in handles {
            if !self.categories.contains_key(handle) {
                let found = product_category::Entity::find()
                    .filter(product_category::Column::Handle.eq(handle.as_str()))
                    .one(conn)
                    .await?;
                self.categories
                    .insert(handle.clone(), found.map(|category| category.id));
            }
            match self.categories.get(handle).cloned().flatten() {
                Some(id) => ids.push(id),
                None => {
                    return Err(Error::not_found(format!(
                        "ProductCategory with handle: {handle} was not found"
                    )))
                }
            }
        }
        Ok(Some(ids))
    }
}

fn product_fields(row: &Row, collection_id: Option<String>) -> ProductFields {
    ProductFields {
        title: row.string(Field::ProductTitle),
        subtitle: nullable(row, Field::ProductSubtitle),
        description: nullable(row, Field::ProductDescription),
        discountable: row.booleans.get(&Field::ProductDiscountable).copied(),
        thumbnail: nullable(row, Field::ProductThumbnail),
        handle: Some(row.string(Field::ProductHandle)),
        status: row
            .get(Field::ProductStatus)
            .map(|s| status_from(s).map(Some))
            .unwrap_or(None),
        collection_id: collection_id.map(Some),
        weight: nullable_number(row, Field::ProductWeight),
        length: nullable_number(row, Field::ProductLength),
        height: nullable_number(row, Field::ProductHeight),
        width: nullable_number(row, Field::ProductWidth),
        hs_code: nullable(row, Field::ProductHsCode),
        origin_country: nullable(row, Field::ProductOriginCountry),
        mid_code: nullable(row, Field::ProductMidCode),
        material: nullable(row, Field::ProductMaterial),
    }
}

fn status_from(text: &str) -> Option<medusa_entity::sea_orm_active_enums::ProductStatusEnum> {
    use medusa_entity::sea_orm_active_enums::ProductStatusEnum as S;
    match text {
        "draft" => Some(S::Draft),
        "proposed" => Some(S::Proposed),
        "published" => Some(S::Published),
        "rejected" => Some(S::Rejected),
        _ => None,
    }
}

fn tags(row: &Row) -> Option<Vec<ValueRef>> {
    row.get(Field::ProductTags).map(|tags| {
        tags.split(',')
            .map(|value| ValueRef {
                id: None,
                value: value.to_owned(),
            })
            .collect()
    })
}

/// The product a handle's first row describes, its lookups resolved; Medusa's message when
/// its status, collection or categories are wrong.
struct ProductRow {
    fields: ProductFields,
    type_ref: Option<ValueRef>,
    channels: Option<Vec<String>>,
    categories: Option<Vec<String>>,
}

async fn product_row<C: ConnectionTrait>(
    conn: &C,
    references: &mut References,
    row: &Row,
) -> Result<ProductRow> {
    if let Some(status) = row.get(Field::ProductStatus) {
        if status_from(status).is_none() {
            return Err(Error::invalid_data(format!(
                "invalid input value for enum product_status_enum: \"{status}\""
            )));
        }
    }
    let collection = references.collection(conn, row).await?;
    let channels = references.channels(conn, row).await?;
    let categories = references.categories(conn, row).await?;
    Ok(ProductRow {
        fields: product_fields(row, collection),
        type_ref: row
            .product_type
            .clone()
            .map(|value| ValueRef { id: None, value }),
        channels,
        categories,
    })
}

fn create_input(row: &Row, product: ProductRow) -> Result<CreateProduct> {
    if product.fields.title.is_none() {
        return Err(Error::invalid_data(
            "Product Title is required to create a product",
        ));
    }
    Ok(CreateProduct {
        fields: product.fields,
        is_giftcard: false,
        images: row.images.clone(),
        type_ref: product.type_ref,
        tags: tags(row),
        sales_channel_ids: product.channels,
        category_ids: product.categories,
        option_titles: row.option_titles.clone(),
        variants: Vec::new(),
        metadata: None,
    })
}

/// A handle's first row as a new product to write in bulk (its variants added after).
async fn new_product<C: ConnectionTrait>(
    conn: &C,
    references: &mut References,
    row: &Row,
) -> Result<NewProduct> {
    let product = product_row(conn, references, row).await?;
    Ok(NewProduct {
        product: create_input(row, product)?,
        external_id: row.string(Field::ProductExternalId),
        variants: Vec::new(),
    })
}

async fn write_product<C: ConnectionTrait>(
    conn: &C,
    references: &mut References,
    row: &Row,
) -> Result<()> {
    let product = product_row(conn, references, row).await?;
    let product_id = match row.get(Field::ProductId) {
        None => medusa_product::create_product_in(conn, create_input(row, product)?).await?,
        Some(id) => {
            let mut keys: Vec<String> = vec!["handle".into()];
            if product.fields.title.is_some() {
                keys.push("title".into());
            }
            let input = UpdateProduct {
                fields: product.fields,
                images: row.images.clone(),
                type_ref: product.type_ref.map(Some),
                tags: tags(row),
                sales_channel_ids: product.channels,
                category_ids: product.categories,
                variants: None,
                metadata: None,
                keys,
            };
            medusa_product::update_product_in(conn, id, input).await?;
            id.to_owned()
        }
    };
    if let Some(external_id) = row.get(Field::ProductExternalId) {
        product::Entity::update_many()
            .col_expr(product::Column::ExternalId, Expr::value(external_id))
            .filter(product::Column::Id.eq(product_id.as_str()))
            .exec(conn)
            .await?;
    }
    Ok(())
}

/// The live product of this handle: its id and its options' ids by title.
async fn product_of<C: ConnectionTrait>(
    conn: &C,
    handle: &str,
) -> Result<(String, HashMap<String, String>)> {
    let found = product::Entity::find()
        .filter(product::Column::Handle.eq(handle))
        .filter(product::Column::DeletedAt.is_null())
        .one(conn)
        .await?
        .ok_or_else(|| Error::not_found(format!("Product with handle {handle} was not found")))?;
    let options = product_option::Entity::find()
        .filter(product_option::Column::ProductId.eq(found.id.as_str()))
        .filter(product_option::Column::DeletedAt.is_null())
        .all(conn)
        .await?;
    let mut by_title = HashMap::new();
    for option in options {
        by_title.entry(option.title).or_insert(option.id);
    }
    Ok((found.id, by_title))
}

async fn write_variant<C: ConnectionTrait>(
    conn: &C,
    row: &Row,
    prices: Option<Vec<PriceInput>>,
) -> Result<()> {
    let (product_id, options) = product_of(conn, row.handle()).await?;
    let mut values = Vec::with_capacity(row.option_values.len());
    for (title, value) in &row.option_values {
        let option_id = options.get(title).cloned();
        if option_id.is_none() && row.get(Field::VariantId).is_some() {
            return Err(Error::not_found(format!(
                "Product option with title {title} was not found"
            )));
        }
        values.push(OptionValueInput {
            option_id,
            value: value.clone(),
        });
    }
    let input = variant_input(row, prices, values);
    match row.get(Field::VariantId) {
        None => medusa_product::create_variant_in(conn, &product_id, input).await,
        Some(variant_id) => {
            medusa_product::update_variant_in(conn, &product_id, variant_id, input).await
        }
    }
}

/// The row's variant, its option values as given.
fn variant_input(
    row: &Row,
    prices: Option<Vec<PriceInput>>,
    values: Vec<OptionValueInput>,
) -> VariantInput {
    let mut keys: Vec<String> = Vec::new();
    let mut given = |key: &str, set: bool| {
        if set {
            keys.push(key.to_owned());
        }
    };
    given("title", row.get(Field::VariantTitle).is_some());
    given("prices", prices.is_some());
    given("options", !values.is_empty());
    let number = |field| row.numbers.get(&field).copied();
    VariantInput {
        id: None,
        title: row.string(Field::VariantTitle),
        sku: nullable(row, Field::VariantSku),
        ean: None,
        upc: None,
        barcode: nullable(row, Field::VariantBarcode),
        hs_code: nullable(row, Field::VariantHsCode),
        inventory_quantity: number(Field::VariantInventoryQuantity),
        allow_backorder: row.booleans.get(&Field::VariantAllowBackorder).copied(),
        manage_inventory: row.booleans.get(&Field::VariantManageInventory).copied(),
        weight: nullable_number(row, Field::VariantWeight),
        length: nullable_number(row, Field::VariantLength),
        height: nullable_number(row, Field::VariantHeight),
        width: nullable_number(row, Field::VariantWidth),
        origin_country: nullable(row, Field::VariantOriginCountry),
        mid_code: nullable(row, Field::VariantMidCode),
        material: nullable(row, Field::VariantMaterial),
        metadata: None,
        prices: prices.or_else(|| row.get(Field::VariantId).is_none().then(Vec::new)),
        options: values,
        keys,
    }
}
