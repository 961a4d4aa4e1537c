//! Medusa's price-list import (`price-list-import`): a CSV of `Product Variant ID` and/or
//! `SKU` and price columns (`Price <Region name> [<CUR>]`, `Price <CUR>`). Processing
//! replaces every price of the list with the file's, in one transaction; the prices are
//! written through `medusa-product`'s price functions, which price lists share.

use std::collections::HashMap;
use std::path::Path;

use medusa_core::{Error, Result};
use medusa_entity::{money_amount, price_list, product_variant};
use medusa_product::prices::{delete_prices, insert_prices, NewPrice};
use regex::Regex;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use serde_json::{json, Map, Value};

use crate::csv_format::computerize;
use crate::csv_read::{live_regions_by_name, parse_failed, CsvRecords, RegionRef};
use crate::product_import::PROGRESS_EVERY;

#[derive(Debug, Clone, PartialEq)]
enum Column {
    VariantId,
    Sku,
    RegionPrice(String),
    CurrencyPrice(String),
}

/// The price list a job names, or Medusa's refusal.
pub async fn check_price_list<C: ConnectionTrait>(
    conn: &C,
    context: &Map<String, Value>,
) -> Result<()> {
    let Some(id) = context
        .get("price_list_id")
        .and_then(Value::as_str)
        .filter(|id| !id.is_empty())
    else {
        return Err(Error::invalid_data("Price list id is required"));
    };
    let found = price_list::Entity::find_by_id(id)
        .filter(price_list::Column::DeletedAt.is_null())
        .one(conn)
        .await?;
    match found {
        Some(_) => Ok(()),
        None => Err(Error::not_found(format!(
            "Price list with id: {id} was not found"
        ))),
    }
}

#[allow(clippy::unwrap_used)] // constant patterns
fn columns(headers: &[String]) -> std::result::Result<Vec<Column>, String> {
    let region = Regex::new(r"Price (.*) \[([A-Z]{3})\]").unwrap();
    let currency = Regex::new(r"Price [A-Z]{3}").unwrap();
    headers
        .iter()
        .map(|header| match header.as_str() {
            "Product Variant ID" => Ok(Column::VariantId),
            "SKU" => Ok(Column::Sku),
            _ => {
                if let Some(captures) = region.captures(header.trim()) {
                    Ok(Column::RegionPrice(captures[1].to_owned()))
                } else if currency.is_match(header) {
                    let code = header.trim().split(' ').nth(1).unwrap_or_default();
                    Ok(Column::CurrencyPrice(code.to_ascii_lowercase()))
                } else {
                    Err(format!(
                        "Unable to treat column {header} from the csv file. No target column found in the provided schema"
                    ))
                }
            }
        })
        .collect()
}

/// One line's variant and prices, resolved.
struct Line {
    variant_id: String,
    prices: Vec<NewPrice>,
}

struct PriceFile {
    records: CsvRecords,
    columns: Vec<Column>,
    regions: HashMap<String, RegionRef>,
}

impl PriceFile {
    async fn open<C: ConnectionTrait>(conn: &C, path: &Path) -> Result<Self> {
        let records = CsvRecords::open(path)?;
        let columns = columns(&records.headers).map_err(parse_failed)?;
        let regions = live_regions_by_name(conn).await?;
        Ok(Self {
            records,
            columns,
            regions,
        })
    }

    async fn next<C: ConnectionTrait>(&mut self, conn: &C) -> Result<Option<Line>> {
        match self.records.next_record()? {
            Some(record) => self.resolve(conn, &record).await.map(Some),
            None => Ok(None),
        }
    }

    async fn resolve<C: ConnectionTrait>(
        &self,
        conn: &C,
        record: &csv::StringRecord,
    ) -> Result<Line> {
        let mut id = None;
        let mut sku = None;
        let mut prices = Vec::new();
        let at = |column: &str, message: String| {
            Error::invalid_data(format!(
                "Error while processing row {}, column \"{column}\": {message}",
                self.records.line
            ))
        };
        for (index, column) in self.columns.iter().enumerate() {
            let Some(value) = record.get(index).filter(|v| !v.is_empty()) else {
                continue;
            };
            let header = &self.records.headers[index];
            let amount = || {
                value
                    .trim()
                    .parse::<f64>()
                    .map_err(|_| at(header, format!("{value} is not an amount")))
            };
            match column {
                Column::VariantId => id = Some(value.to_owned()),
                Column::Sku => sku = Some(value.to_owned()),
                Column::RegionPrice(name) => {
                    let amount = amount()?;
                    let Some((region_id, currency)) = self.regions.get(name) else {
                        return Err(at(
                            header,
                            format!("Trying to set a price for a region {name} that doesn't exist"),
                        ));
                    };
                    prices.push(NewPrice {
                        id: None,
                        currency_code: currency.clone(),
                        region_id: Some(region_id.clone()),
                        amount: computerize(amount, currency),
                        min_quantity: None,
                        max_quantity: None,
                    });
                }
                Column::CurrencyPrice(code) => {
                    let amount = amount()?;
                    prices.push(NewPrice {
                        id: None,
                        currency_code: code.clone(),
                        region_id: None,
                        amount: computerize(amount, code),
                        min_quantity: None,
                        max_quantity: None,
                    });
                }
            }
        }
        let row = |message: String| {
            Error::invalid_data(format!(
                "Error while processing row {}: {message}",
                self.records.line
            ))
        };
        let variant = match (&id, &sku) {
            (Some(id), _) => product_variant::Entity::find_by_id(id.as_str())
                .filter(product_variant::Column::DeletedAt.is_null())
                .one(conn)
                .await?
                .ok_or_else(|| row(format!("Variant with id: {id} was not found")))?,
            (None, Some(sku)) => product_variant::Entity::find()
                .filter(product_variant::Column::Sku.eq(sku.as_str()))
                .filter(product_variant::Column::DeletedAt.is_null())
                .one(conn)
                .await?
                .ok_or_else(|| row(format!("Variant with sku: {sku} was not found")))?,
            (None, None) => return Err(row("SKU or ID is required".to_owned())),
        };
        Ok(Line {
            variant_id: variant.id,
            prices,
        })
    }
}

/// Pre-processing: every line checked; answers the number of lines (variants priced).
pub async fn plan_price_list_import<C: ConnectionTrait>(conn: &C, path: &Path) -> Result<u64> {
    let mut file = PriceFile::open(conn, path).await?;
    let mut lines = 0;
    while file.next(conn).await?.is_some() {
        lines += 1;
    }
    Ok(lines)
}

/// Processing: the list's prices cleared, then the file's inserted, on `conn` (the caller's
/// transaction); `on_progress(done)` every [`PROGRESS_EVERY`] lines.
pub async fn apply_price_list_import<C, F, Fut>(
    conn: &C,
    path: &Path,
    price_list_id: &str,
    mut on_progress: F,
) -> Result<u64>
where
    C: ConnectionTrait,
    F: FnMut(u64) -> Fut,
    Fut: std::future::Future<Output = Result<()>>,
{
    let existing: Vec<String> = money_amount::Entity::find()
        .select_only()
        .column(money_amount::Column::Id)
        .filter(money_amount::Column::PriceListId.eq(price_list_id))
        .into_tuple()
        .all(conn)
        .await?;
    delete_prices(conn, &existing).await?;
    let mut file = PriceFile::open(conn, path).await?;
    let now = medusa_core::time::now();
    let mut done: u64 = 0;
    while let Some(line) = file.next(conn).await? {
        insert_prices(
            conn,
            &line.variant_id,
            &line.prices,
            Some(price_list_id),
            now,
        )
        .await?;
        done += 1;
        if done.is_multiple_of(PROGRESS_EVERY) {
            on_progress(done).await?;
        }
    }
    Ok(done)
}

/// `result` after pre-processing (Medusa's keys).
pub fn planned_result(lines: u64) -> Map<String, Value> {
    let mut result = Map::new();
    result.insert("advancement_count".into(), json!(0));
    result.insert("count".into(), json!(lines));
    result.insert(
        "operations".into(),
        json!({ "PRICE_LIST_PRICE_CREATE": lines }),
    );
    result.insert(
        "stat_descriptors".into(),
        json!([{
            "key": "price-list-import-count",
            "name": "PriceList to import",
            "message": format!("{lines} prices will be added"),
        }]),
    );
    result
}
