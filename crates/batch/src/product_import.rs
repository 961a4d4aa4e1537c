//! Medusa's product import (`product-import`): a `;`-separated CSV, one line per variant,
//! grouped by `Product Handle`. The first line of a handle creates its product (no `Product
//! Id`) or updates it (with one); every line creates its variant (no `Variant Id`) or updates
//! it. Prices come from `Price <Region name> [<CUR>]` (the region by name) and `Price <CUR>`
//! columns, options from `Option N Name`/`Option N Value` pairs.
//!
//! The file is read as a stream twice: once to plan (pre-processing: every line checked,
//! the operations counted) and once to write, every write inside the caller's one
//! transaction, through `medusa-product`'s `*_in` functions. A bad line fails the job with
//! a message naming its line and column, and the transaction leaves nothing written.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use medusa_core::flags::FeatureFlags;
use medusa_core::{Error, Result};
use medusa_entity::{
    product, product_category, product_collection, product_option, region, sales_channel,
};
use medusa_product::prices::PriceInput;
use medusa_product::write_input::{OptionValueInput, ProductFields, ValueRef};
use medusa_product::{CreateProduct, UpdateProduct, VariantInput};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::{json, Map, Value};

use crate::csv_format::computerize;
use crate::import_columns::{resolve_header, Column, Field};

/// Operations between two progress reports (Medusa's `BATCH_SIZE`).
pub const PROGRESS_EVERY: u64 = 100;

/// How many of each operation a file asks for (`result.operations`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Operations {
    pub product_create: u64,
    pub product_update: u64,
    pub variant_create: u64,
    pub variant_update: u64,
}

impl Operations {
    pub fn total(&self) -> u64 {
        self.product_create + self.product_update + self.variant_create + self.variant_update
    }

    /// `result.operations`, with Medusa's keys.
    pub fn to_json(self) -> Value {
        json!({
            "PRODUCT_CREATE": self.product_create,
            "VARIANT_CREATE": self.variant_create,
            "PRODUCT_UPDATE": self.product_update,
            "VARIANT_UPDATE": self.variant_update,
        })
    }

    /// Medusa's `stat_descriptors` message.
    pub fn message(&self) -> String {
        format!(
            "There will be {} products created ({}  updated).\n             {} variants will be created and {} updated",
            self.product_create, self.product_update, self.variant_create, self.variant_update
        )
    }
}

/// One price cell.
#[derive(Debug, Clone, PartialEq)]
enum RowPrice {
    Region { name: String, amount: f64 },
    Currency { code: String, amount: f64 },
}

/// One line of the file, its cells typed. `None`: empty cell (Medusa reads it as `null`).
#[derive(Debug, Default)]
struct Row {
    line: u64,
    text: HashMap<Field, String>,
    numbers: HashMap<Field, f64>,
    booleans: HashMap<Field, bool>,
    product_type: Option<String>,
    option_titles: Vec<String>,
    option_values: Vec<(String, String)>,
    prices: Option<Vec<(String, RowPrice)>>,
    images: Option<Vec<String>>,
    channels: Option<Vec<String>>,
    categories: Option<Vec<String>>,
    has_tags: bool,
}

impl Row {
    fn get(&self, field: Field) -> Option<&str> {
        self.text.get(&field).map(String::as_str)
    }

    fn string(&self, field: Field) -> Option<String> {
        self.get(field).map(str::to_owned)
    }

    fn handle(&self) -> &str {
        self.get(Field::ProductHandle).unwrap_or_default()
    }

    /// A message naming this line (and a column when one is to blame).
    fn error(&self, column: Option<&str>, message: impl std::fmt::Display) -> Error {
        let mut at = format!(
            "Error while processing row {} (product handle: {}",
            self.line,
            self.handle()
        );
        if let Some(sku) = self.get(Field::VariantSku) {
            at.push_str(&format!(", variant sku: {sku}"));
        }
        at.push(')');
        if let Some(column) = column {
            at.push_str(&format!(", column \"{column}\""));
        }
        Error::invalid_data(format!("{at}: {message}"))
    }
}

const NUMBERS: &[Field] = &[
    Field::ProductWeight,
    Field::ProductLength,
    Field::ProductWidth,
    Field::ProductHeight,
    Field::VariantInventoryQuantity,
    Field::VariantWeight,
    Field::VariantLength,
    Field::VariantWidth,
    Field::VariantHeight,
];

const BOOLEANS: &[Field] = &[
    Field::ProductDiscountable,
    Field::VariantAllowBackorder,
    Field::VariantManageInventory,
];

/// The file, read as a stream of typed rows.
pub struct ImportFile {
    reader: csv::Reader<std::fs::File>,
    headers: Vec<String>,
    columns: Vec<Column>,
    line: u64,
}

pub(crate) fn parse_failed(message: impl std::fmt::Display) -> Error {
    Error::invalid_data(format!("The csv file parsing failed due to: {message}"))
}

/// The separator of the file: Medusa's parser guesses it; its exports use `;`.
pub(crate) fn sniff_delimiter(path: &Path) -> Result<u8> {
    use std::io::BufRead;
    let file = std::fs::File::open(path).map_err(parse_failed)?;
    let mut first = String::new();
    std::io::BufReader::new(file)
        .read_line(&mut first)
        .map_err(parse_failed)?;
    let count = |c: char| first.matches(c).count();
    Ok([';', ',', '\t', '|']
        .into_iter()
        .max_by_key(|c| (count(*c), *c == ';'))
        .map_or(b';', |c| c as u8))
}

impl ImportFile {
    pub fn open(path: &Path, flags: FeatureFlags) -> Result<Self> {
        let delimiter = sniff_delimiter(path)?;
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_path(path)
            .map_err(parse_failed)?;
        let headers: Vec<String> = reader
            .headers()
            .map_err(parse_failed)?
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').to_owned())
            .collect();
        let columns = resolve_header(&headers, flags).map_err(parse_failed)?;
        Ok(Self {
            reader,
            headers,
            columns,
            line: 0,
        })
    }

    /// The next row, `None` at the end of the file.
    fn next_row(&mut self) -> Result<Option<Row>> {
        let mut record = csv::StringRecord::new();
        loop {
            let more = self.reader.read_record(&mut record).map_err(parse_failed)?;
            if !more {
                return Ok(None);
            }
            // A blank line is skipped, as Medusa's parser skips it.
            if record.iter().all(str::is_empty) && record.len() <= 1 {
                continue;
            }
            self.line += 1;
            return self.row(&record).map(Some);
        }
    }

    fn row(&self, record: &csv::StringRecord) -> Result<Row> {
        let mut row = Row {
            line: self.line,
            ..Row::default()
        };
        let cell_of = |header: &str| -> Option<&str> {
            let index = self.headers.iter().position(|h| h == header)?;
            record.get(index).filter(|v| !v.is_empty())
        };
        let mut errors: Option<Error> = None;
        for (index, column) in self.columns.iter().enumerate() {
            let header = &self.headers[index];
            let value = record.get(index).filter(|v| !v.is_empty());
            match column {
                Column::Field(field) => {
                    let Some(value) = value else { continue };
                    if NUMBERS.contains(field) {
                        match value.trim().parse::<f64>() {
                            Ok(number) => {
                                row.numbers.insert(*field, number);
                            }
                            Err(_) => {
                                errors.get_or_insert(
                                    row.error(Some(header), format!("{value} is not a number")),
                                );
                            }
                        }
                    } else if BOOLEANS.contains(field) {
                        match value {
                            "true" | "TRUE" => {
                                row.booleans.insert(*field, true);
                            }
                            "false" | "FALSE" => {
                                row.booleans.insert(*field, false);
                            }
                            _ => {
                                errors.get_or_insert(row.error(
                                    Some(header),
                                    format!("{value} is not a boolean (true or false)"),
                                ));
                            }
                        }
                    } else {
                        if *field == Field::ProductTags {
                            row.has_tags = true;
                        }
                        row.text.insert(*field, value.to_owned());
                    }
                }
                Column::Ignored => {}
                Column::ProductType => row.product_type = value.map(str::to_owned),
                Column::OptionName(_) => {
                    if let Some(title) = value {
                        row.option_titles.push(title.to_owned());
                    }
                }
                Column::OptionValue(name_header) => {
                    if let Some(value) = value {
                        let title = cell_of(name_header).unwrap_or_default().to_owned();
                        row.option_values.push((title, value.to_owned()));
                    }
                }
                Column::RegionPrice(_) | Column::CurrencyPrice(_) => {
                    row.prices.get_or_insert_with(Vec::new);
                    let Some(value) = value else { continue };
                    let Ok(amount) = value.trim().parse::<f64>() else {
                        errors.get_or_insert(
                            row.error(Some(header), format!("{value} is not an amount")),
                        );
                        continue;
                    };
                    let price = match column {
                        Column::RegionPrice(name) => RowPrice::Region {
                            name: name.clone(),
                            amount,
                        },
                        Column::CurrencyPrice(code) => RowPrice::Currency {
                            code: code.clone(),
                            amount,
                        },
                        _ => continue,
                    };
                    row.prices
                        .get_or_insert_with(Vec::new)
                        .push((header.clone(), price));
                }
                Column::Image => {
                    let images = row.images.get_or_insert_with(Vec::new);
                    if let Some(url) = value {
                        images.push(url.to_owned());
                    }
                }
                Column::SalesChannelName | Column::SalesChannelId => {
                    let channels = row.channels.get_or_insert_with(Vec::new);
                    if let Some(name_or_id) = value {
                        channels.push(name_or_id.to_owned());
                    }
                }
                Column::SalesChannelDescription => {
                    row.channels.get_or_insert_with(Vec::new);
                }
                Column::CategoryHandle => {
                    let categories = row.categories.get_or_insert_with(Vec::new);
                    if let Some(handle) = value {
                        categories.push(handle.to_owned());
                    }
                }
            }
        }
        if let Some(error) = errors {
            return Err(error);
        }
        if row.get(Field::ProductHandle).is_none() {
            return Err(row.error(
                Some("Product Handle"),
                format!(
                    "No value found for target column \"Product Handle\" in line {} of the given csv file",
                    row.line
                ),
            ));
        }
        Ok(row)
    }
}

/// The lookups a file needs, read once per import.
struct Lookups {
    /// Live regions by name: (id, currency).
    regions: HashMap<String, (String, String)>,
}

impl Lookups {
    async fn load<C: ConnectionTrait>(conn: &C) -> Result<Self> {
        let regions = region::Entity::find()
            .filter(region::Column::DeletedAt.is_null())
            .all(conn)
            .await?
            .into_iter()
            .map(|r| (r.name, (r.id, r.currency_code)))
            .collect();
        Ok(Self { regions })
    }

    /// The row's prices in minor units, regions resolved by name.
    fn prices(&self, row: &Row) -> Result<Option<Vec<PriceInput>>> {
        let Some(prices) = &row.prices else {
            return Ok(None);
        };
        let mut out = Vec::with_capacity(prices.len());
        for (header, price) in prices {
            let (region_id, currency, amount) = match price {
                RowPrice::Region { name, amount } => {
                    let Some((id, currency)) = self.regions.get(name) else {
                        return Err(row.error(
                            Some(header),
                            format!("Trying to set a price for a region {name} that doesn't exist"),
                        ));
                    };
                    (Some(id.clone()), currency.clone(), *amount)
                }
                RowPrice::Currency { code, amount } => (None, code.clone(), *amount),
            };
            out.push(PriceInput {
                id: None,
                region_id: region_id.clone(),
                currency_code: region_id.is_none().then(|| currency.clone()),
                amount: computerize(amount, &currency),
                min_quantity: None,
                max_quantity: None,
            });
        }
        Ok(Some(out))
    }
}

/// Pre-processing: reads the whole file, checks every line, and counts the operations.
pub async fn plan_import<C: ConnectionTrait>(
    conn: &C,
    path: &Path,
    flags: FeatureFlags,
) -> Result<Operations> {
    let lookups = Lookups::load(conn).await?;
    let mut file = ImportFile::open(path, flags)?;
    let mut seen: HashSet<String> = HashSet::new();
    let mut ops = Operations::default();
    while let Some(row) = file.next_row()? {
        lookups.prices(&row)?;
        if row.get(Field::VariantId).is_some() {
            ops.variant_update += 1;
        } else {
            ops.variant_create += 1;
        }
        if seen.insert(row.handle().to_owned()) {
            if row.get(Field::ProductId).is_some() {
                ops.product_update += 1;
            } else {
                ops.product_create += 1;
            }
        }
    }
    Ok(ops)
}

/// Processing: every operation of the file written on `conn` (the caller's transaction),
/// `on_progress(done)` called every [`PROGRESS_EVERY`] operations. Answers how many ran.
pub async fn apply_import<C, F, Fut>(
    conn: &C,
    path: &Path,
    flags: FeatureFlags,
    mut on_progress: F,
) -> Result<u64>
where
    C: ConnectionTrait,
    F: FnMut(u64) -> Fut,
    Fut: std::future::Future<Output = Result<()>>,
{
    let lookups = Lookups::load(conn).await?;
    let mut file = ImportFile::open(path, flags)?;
    let mut seen: HashSet<String> = HashSet::new();
    let mut done = 0u64;
    let tick = |done: u64| done.is_multiple_of(PROGRESS_EVERY).then_some(done);
    while let Some(row) = file.next_row()? {
        let prices = lookups.prices(&row)?;
        if seen.insert(row.handle().to_owned()) {
            write_product(conn, &row)
                .await
                .map_err(|e| row.error(None, e))?;
            done += 1;
            if let Some(done) = tick(done) {
                on_progress(done).await?;
            }
        }
        write_variant(conn, &row, prices)
            .await
            .map_err(|e| row.error(None, e))?;
        done += 1;
        if let Some(done) = tick(done) {
            on_progress(done).await?;
        }
    }
    Ok(done)
}

fn nullable(row: &Row, field: Field) -> Option<Option<String>> {
    Some(row.string(field))
}

fn nullable_number(row: &Row, field: Field) -> Option<Option<f64>> {
    Some(row.numbers.get(&field).copied())
}

async fn collection_id<C: ConnectionTrait>(conn: &C, row: &Row) -> Result<Option<String>> {
    let Some(handle) = row.get(Field::CollectionHandle) else {
        return Ok(None);
    };
    let found = product_collection::Entity::find()
        .filter(product_collection::Column::Handle.eq(handle))
        .filter(product_collection::Column::DeletedAt.is_null())
        .one(conn)
        .await?;
    match found {
        Some(collection) => Ok(Some(collection.id)),
        None => Err(Error::not_found(format!(
            "Product collection with handle: {handle} was not found"
        ))),
    }
}

/// The channels a row names (by id, else by name); names that match nothing are skipped,
/// as Medusa skips them.
async fn channel_ids<C: ConnectionTrait>(conn: &C, row: &Row) -> Result<Option<Vec<String>>> {
    let Some(refs) = &row.channels else {
        return Ok(None);
    };
    let mut ids: Vec<String> = Vec::new();
    for name_or_id in refs {
        let found = sales_channel::Entity::find()
            .filter(
                sea_orm::Condition::any()
                    .add(sales_channel::Column::Id.eq(name_or_id.as_str()))
                    .add(sales_channel::Column::Name.eq(name_or_id.as_str())),
            )
            .filter(sales_channel::Column::DeletedAt.is_null())
            .one(conn)
            .await?;
        if let Some(channel) = found {
            if !ids.contains(&channel.id) {
                ids.push(channel.id);
            }
        }
    }
    Ok(Some(ids))
}

async fn category_ids<C: ConnectionTrait>(conn: &C, row: &Row) -> Result<Option<Vec<String>>> {
    let Some(handles) = &row.categories else {
        return Ok(None);
    };
    let mut ids = Vec::with_capacity(handles.len());
    for handle in handles {
        let found = product_category::Entity::find()
            .filter(product_category::Column::Handle.eq(handle.as_str()))
            .one(conn)
            .await?;
        match found {
            Some(category) => ids.push(category.id),
            None => {
                return Err(Error::not_found(format!(
                    "ProductCategory with handle: {handle} was not found"
                )))
            }
        }
    }
    Ok(Some(ids))
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

async fn write_product<C: ConnectionTrait>(conn: &C, row: &Row) -> Result<()> {
    if let Some(status) = row.get(Field::ProductStatus) {
        if status_from(status).is_none() {
            return Err(Error::invalid_data(format!(
                "invalid input value for enum product_status_enum: \"{status}\""
            )));
        }
    }
    let collection = collection_id(conn, row).await?;
    let channels = channel_ids(conn, row).await?;
    let categories = category_ids(conn, row).await?;
    let fields = product_fields(row, collection);
    let type_ref = row
        .product_type
        .clone()
        .map(|value| ValueRef { id: None, value });
    let product_id = match row.get(Field::ProductId) {
        None => {
            if fields.title.is_none() {
                return Err(Error::invalid_data(
                    "Product Title is required to create a product",
                ));
            }
            let input = CreateProduct {
                fields,
                is_giftcard: false,
                images: row.images.clone(),
                type_ref,
                tags: tags(row),
                sales_channel_ids: channels,
                category_ids: categories,
                option_titles: row.option_titles.clone(),
                variants: Vec::new(),
                metadata: None,
            };
            medusa_product::create_product_in(conn, input).await?
        }
        Some(id) => {
            let mut keys: Vec<String> = vec!["handle".into()];
            if fields.title.is_some() {
                keys.push("title".into());
            }
            let input = UpdateProduct {
                fields,
                images: row.images.clone(),
                type_ref: type_ref.map(Some),
                tags: tags(row),
                sales_channel_ids: channels,
                category_ids: categories,
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
    let input = VariantInput {
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
    };
    match row.get(Field::VariantId) {
        None => medusa_product::create_variant_in(conn, &product_id, input).await,
        Some(variant_id) => {
            medusa_product::update_variant_in(conn, &product_id, variant_id, input).await
        }
    }
}

/// `result` after pre-processing (Medusa's keys).
pub fn planned_result(ops: Operations) -> Map<String, Value> {
    let mut result = Map::new();
    result.insert("advancement_count".into(), json!(0));
    result.insert("count".into(), json!(ops.total()));
    result.insert("operations".into(), ops.to_json());
    result.insert(
        "stat_descriptors".into(),
        json!([{
            "key": "product-import-count",
            "name": "Products/variants to import",
            "message": ops.message(),
        }]),
    );
    result
}
