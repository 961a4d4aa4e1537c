//! Medusa's product import (`product-import`): a `;`-separated CSV, one line per variant,
//! grouped by `Product Handle`. The first line of a handle creates its product (no `Product
//! Id`) or updates it (with one); every line creates its variant (no `Variant Id`) or updates
//! it. Prices come from `Price <Region name> [<CUR>]` (the region by name) and `Price <CUR>`
//! columns, options from `Option N Name`/`Option N Value` pairs.
//!
//! The file is read as a stream twice: once to plan (pre-processing: every line checked,
//! the operations counted) and once to write (`writes`: in chunks, in bulk where it can),
//! every write inside the caller's one transaction. A bad line fails the job with a message
//! naming its line and column, and the transaction leaves nothing written.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use medusa_core::flags::FeatureFlags;
use medusa_core::{Error, Result};
use medusa_product::prices::PriceInput;
use sea_orm::ConnectionTrait;
use serde_json::{json, Map, Value};

mod writes;

pub use writes::{apply_import, apply_import_with, Writes};

use crate::csv_format::{computerize, typed_text};
use crate::csv_read::{live_regions_by_name, parse_failed, CsvRecords, RegionRef};
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
    records: CsvRecords,
    columns: Vec<Column>,
}

impl ImportFile {
    pub fn open(path: &Path, flags: FeatureFlags) -> Result<Self> {
        let records = CsvRecords::open(path)?;
        let columns = resolve_header(&records.headers, flags).map_err(parse_failed)?;
        Ok(Self { records, columns })
    }

    /// The next row, `None` at the end of the file.
    fn next_row(&mut self) -> Result<Option<Row>> {
        match self.records.next_record()? {
            Some(record) => self.row(&record).map(Some),
            None => Ok(None),
        }
    }

    fn row(&self, record: &csv::StringRecord) -> Result<Row> {
        let mut row = Row {
            line: self.records.line,
            ..Row::default()
        };
        let cell_of = |header: &str| -> Option<&str> {
            let index = self.records.headers.iter().position(|h| h == header)?;
            record.get(index).filter(|v| !v.is_empty())
        };
        let mut errors: Option<Error> = None;
        for (index, column) in self.columns.iter().enumerate() {
            let header = &self.records.headers[index];
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
                        row.text.insert(*field, typed_text(value).into_owned());
                    }
                }
                Column::Ignored => {}
                Column::ProductType => row.product_type = value.map(|v| typed_text(v).into_owned()),
                Column::OptionName(_) => {
                    if let Some(title) = value {
                        row.option_titles.push(typed_text(title).into_owned());
                    }
                }
                Column::OptionValue(name_header) => {
                    if let Some(value) = value {
                        let title = typed_text(cell_of(name_header).unwrap_or_default());
                        row.option_values
                            .push((title.into_owned(), typed_text(value).into_owned()));
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
    regions: HashMap<String, RegionRef>,
}

impl Lookups {
    async fn load<C: ConnectionTrait>(conn: &C) -> Result<Self> {
        Ok(Self {
            regions: live_regions_by_name(conn).await?,
        })
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
