//! Medusa's product export (`product-export`): one CSV line per variant, the product's
//! columns repeated on each, then the dynamic columns the catalog needs (a price column per
//! currency and per region, an option name and value pair per option, an image column per
//! image, the sales channels and categories when their flags are on).
//!
//! Pre-processing reads the catalog once for the shape of those dynamic columns, as Medusa's
//! strategy does; processing reads it again page by page and writes each page's lines at
//! once, so memory holds one page whatever the catalog's size.

use std::collections::HashMap;
use std::io::Write;

use medusa_core::flags::{FeatureFlags, Flag};
use medusa_core::Result;
use medusa_entity::region;
use medusa_product::{list_products, ProductQuery, ProductSpecs};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::csv_format::{humanize, line};
use crate::export_pages::{list_window, write_pages};
use medusa_core::number::js_text;

/// Products read per page, Medusa's `DEFAULT_LIMIT`.
pub const PAGE_SIZE: u64 = 50;

/// The product columns every export starts with, each read from the product or its variant.
const STATIC_COLUMNS: &[(&str, Source)] = &[
    ("Product Id", Source::Product("id")),
    ("Product Handle", Source::Product("handle")),
    ("Product Title", Source::Product("title")),
    ("Product Subtitle", Source::Product("subtitle")),
    ("Product Description", Source::Product("description")),
    ("Product Status", Source::Product("status")),
    ("Product Thumbnail", Source::Product("thumbnail")),
    ("Product Weight", Source::Product("weight")),
    ("Product Length", Source::Product("length")),
    ("Product Width", Source::Product("width")),
    ("Product Height", Source::Product("height")),
    ("Product HS Code", Source::Product("hs_code")),
    ("Product Origin Country", Source::Product("origin_country")),
    ("Product MID Code", Source::Product("mid_code")),
    ("Product Material", Source::Product("material")),
    (
        "Product Collection Title",
        Source::Nested("collection", "title"),
    ),
    (
        "Product Collection Handle",
        Source::Nested("collection", "handle"),
    ),
    ("Product Type", Source::Nested("type", "value")),
    ("Product Tags", Source::Tags),
    ("Product Discountable", Source::Product("discountable")),
    ("Product External Id", Source::Product("external_id")),
    ("Product Profile Name", Source::Profile("name")),
    ("Product Profile Type", Source::Profile("type")),
    ("Variant Id", Source::Variant("id")),
    ("Variant Title", Source::Variant("title")),
    ("Variant SKU", Source::Variant("sku")),
    ("Variant Barcode", Source::Variant("barcode")),
    (
        "Variant Inventory Quantity",
        Source::Variant("inventory_quantity"),
    ),
    (
        "Variant Allow Backorder",
        Source::Variant("allow_backorder"),
    ),
    (
        "Variant Manage Inventory",
        Source::Variant("manage_inventory"),
    ),
    ("Variant Weight", Source::Variant("weight")),
    ("Variant Length", Source::Variant("length")),
    ("Variant Width", Source::Variant("width")),
    ("Variant Height", Source::Variant("height")),
    ("Variant HS Code", Source::Variant("hs_code")),
    ("Variant Origin Country", Source::Variant("origin_country")),
    ("Variant MID Code", Source::Variant("mid_code")),
    ("Variant Material", Source::Variant("material")),
];

/// Where a column's cell comes from.
#[derive(Debug, Clone, PartialEq)]
enum Source {
    Product(&'static str),
    Nested(&'static str, &'static str),
    Tags,
    Profile(&'static str),
    Variant(&'static str),
    /// The first variant price in this currency.
    CurrencyPrice(String),
    /// The first variant price of this region (by id), in the region's currency.
    RegionPrice {
        id: String,
        currency: String,
    },
    OptionName(usize),
    OptionValue(usize),
    Image(usize),
    /// Medusa writes the channel's name in its `Id` column too.
    SalesChannel(usize, &'static str),
    Category(usize, &'static str),
}

/// A region a price column names, as the shape stores it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PriceRegion {
    pub currency_code: String,
    pub name: String,
    pub id: String,
}

/// One distinct (currency, region) pair of the catalog's prices.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PriceData {
    pub currency_code: String,
    pub region: Option<PriceRegion>,
}

/// What pre-processing learns (`context.shape`, Medusa's names).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportShape {
    #[serde(rename = "prices")]
    pub prices: Vec<PriceData>,
    pub dynamic_image_column_count: usize,
    pub dynamic_option_column_count: usize,
    pub dynamic_sales_channels_column_count: usize,
    pub dynamic_product_categories_column_count: usize,
}

/// Which products and in which order (`context.list_config`).
#[derive(Debug, Clone, PartialEq)]
pub struct ExportList {
    pub skip: u64,
    pub take: u64,
    /// A `GET /admin/products` order, e.g. `-created_at`.
    pub order: String,
}

impl ExportList {
    /// Reads `context.list_config` as [`prepare_context`](crate::strategy) wrote it.
    pub fn from_context(context: &Map<String, Value>) -> Self {
        let (config, skip, take) = list_window(context, PAGE_SIZE);
        let order = config
            .and_then(|c| c.get("order"))
            .and_then(Value::as_object)
            .and_then(|order| order.iter().next())
            .map(|(column, direction)| {
                if direction.as_str() == Some("ASC") {
                    column.clone()
                } else {
                    format!("-{column}")
                }
            })
            .unwrap_or_else(|| "-created_at".to_owned());
        Self { skip, take, order }
    }
}

/// Reads the catalog for an export.
pub struct ProductExport<'a> {
    pub db: &'a DatabaseConnection,
    pub flags: FeatureFlags,
    pub specs: ProductSpecs,
}

impl ProductExport<'_> {
    /// One page of products as the admin list answers them, with the relations the export
    /// reads, and the total count.
    pub async fn page(&self, list: &ExportList, offset: u64) -> Result<(Vec<Value>, u64)> {
        let query = format!("offset={offset}&limit={}&order={}", list.take, list.order);
        let query = ProductQuery::parse(&query, self.db.get_database_backend(), self.specs)?;
        let page = list_products(self.db, &query).await?;
        let count = page.count;
        Ok((
            page.items.into_iter().map(|p| p.into_json()).collect(),
            count,
        ))
    }

    /// The live regions by id: a region price column is named after its region.
    async fn regions(&self) -> Result<HashMap<String, PriceRegion>> {
        let rows = region::Entity::find()
            .filter(region::Column::DeletedAt.is_null())
            .all(self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| {
                (
                    r.id.clone(),
                    PriceRegion {
                        currency_code: r.currency_code,
                        name: r.name,
                        id: r.id,
                    },
                )
            })
            .collect())
    }

    /// Pre-processing: the number of products to export and the shape of the dynamic
    /// columns.
    pub async fn shape(&self, list: &ExportList) -> Result<(u64, ExportShape)> {
        let regions = self.regions().await?;
        let mut shape = ExportShape::default();
        let mut offset = list.skip;
        let (mut products, count) = self.page(list, offset).await?;
        loop {
            if products.is_empty() {
                break;
            }
            offset += products.len() as u64;
            for product in &products {
                self.widen(&mut shape, product, &regions);
            }
            if offset >= count {
                break;
            }
            products = self.page(list, offset).await?.0;
        }
        Ok((count.saturating_sub(list.skip), shape))
    }

    fn widen(
        &self,
        shape: &mut ExportShape,
        product: &Value,
        regions: &HashMap<String, PriceRegion>,
    ) {
        let len = |key: &str| {
            product
                .get(key)
                .and_then(Value::as_array)
                .map_or(0, Vec::len)
        };
        shape.dynamic_option_column_count = shape.dynamic_option_column_count.max(len("options"));
        shape.dynamic_image_column_count = shape.dynamic_image_column_count.max(len("images"));
        if self.flags.is_enabled(Flag::SalesChannels) {
            shape.dynamic_sales_channels_column_count = shape
                .dynamic_sales_channels_column_count
                .max(len("sales_channels"));
        }
        if self.flags.is_enabled(Flag::ProductCategories) {
            shape.dynamic_product_categories_column_count = shape
                .dynamic_product_categories_column_count
                .max(len("categories"));
        }
        for price in variants(product).flat_map(|v| array(v, "prices")) {
            let data = PriceData {
                currency_code: text(price.get("currency_code")),
                region: price
                    .get("region_id")
                    .and_then(Value::as_str)
                    .and_then(|id| regions.get(id))
                    .cloned(),
            };
            if !shape.prices.contains(&data) {
                shape.prices.push(data);
            }
        }
    }
}

fn array<'v>(value: &'v Value, key: &str) -> impl Iterator<Item = &'v Value> {
    value
        .get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
}

fn variants(product: &Value) -> impl Iterator<Item = &Value> {
    array(product, "variants")
}

/// A value as Medusa's accessors print it (`?.toString() ?? ""`).
fn text(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.as_f64().map(js_text).unwrap_or_default(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(other) => other.to_string(),
    }
}

/// The export's columns: the static ones, then the dynamic ones the shape asks for, in
/// Medusa's order (prices, options, images, sales channels, categories); a price column
/// asked for twice keeps its first place.
pub struct Columns(Vec<(String, Source)>);

impl Columns {
    pub fn new(shape: &ExportShape) -> Self {
        let mut columns: Vec<(String, Source)> = STATIC_COLUMNS
            .iter()
            .map(|(name, source)| ((*name).to_owned(), source.clone()))
            .collect();
        let mut add = |name: String, source: Source| {
            if let Some(existing) = columns.iter_mut().find(|(n, _)| *n == name) {
                existing.1 = source;
            } else {
                columns.push((name, source));
            }
        };
        for price in &shape.prices {
            add(
                format!("Price {}", price.currency_code.to_uppercase()),
                Source::CurrencyPrice(price.currency_code.clone()),
            );
            if let Some(region) = &price.region {
                add(
                    format!(
                        "Price {} [{}]",
                        region.name,
                        region.currency_code.to_uppercase()
                    ),
                    Source::RegionPrice {
                        id: region.id.clone(),
                        currency: region.currency_code.clone(),
                    },
                );
            }
        }
        for i in 0..shape.dynamic_option_column_count {
            add(format!("Option {} Name", i + 1), Source::OptionName(i));
            add(format!("Option {} Value", i + 1), Source::OptionValue(i));
        }
        for i in 0..shape.dynamic_image_column_count {
            add(format!("Image {} Url", i + 1), Source::Image(i));
        }
        for i in 0..shape.dynamic_sales_channels_column_count {
            // Medusa 1.20 writes the channel's name under its `Id` column too; kept, so an
            // export reads as Medusa's does.
            add(
                format!("Sales Channel {} Id", i + 1),
                Source::SalesChannel(i, "name"),
            );
            add(
                format!("Sales Channel {} Name", i + 1),
                Source::SalesChannel(i, "name"),
            );
            add(
                format!("Sales Channel {} Description", i + 1),
                Source::SalesChannel(i, "description"),
            );
        }
        for i in 0..shape.dynamic_product_categories_column_count {
            add(
                format!("Product Category {} Handle", i + 1),
                Source::Category(i, "handle"),
            );
            add(
                format!("Product Category {} Name", i + 1),
                Source::Category(i, "name"),
            );
            add(
                format!("Product Category {} Description", i + 1),
                Source::Category(i, "description"),
            );
        }
        Self(columns)
    }

    pub fn header(&self) -> String {
        let names: Vec<&str> = self.0.iter().map(|(name, _)| name.as_str()).collect();
        line(&names)
    }

    /// The lines of one product, one per variant.
    pub fn product_lines(&self, product: &Value) -> String {
        let mut out = String::new();
        for variant in variants(product) {
            let cells: Vec<String> = self
                .0
                .iter()
                .map(|(_, source)| cell_of(source, product, variant))
                .collect();
            out.push_str(&line(&cells));
        }
        out
    }
}

fn nth<'v>(value: &'v Value, key: &str, index: usize) -> Option<&'v Value> {
    value
        .get(key)
        .and_then(Value::as_array)
        .and_then(|a| a.get(index))
}

fn price_cell(price: Option<&Value>, currency: &str) -> String {
    match price.and_then(|p| p.get("amount")).and_then(Value::as_i64) {
        Some(amount) if amount != 0 => humanize(amount, currency),
        _ => String::new(),
    }
}

fn cell_of(source: &Source, product: &Value, variant: &Value) -> String {
    match source {
        Source::Product(key) => text(product.get(*key)),
        Source::Nested(key, inner) => text(product.get(*key).and_then(|v| v.get(*inner))),
        Source::Tags => array(product, "tags")
            .map(|tag| text(tag.get("value")))
            .collect::<Vec<_>>()
            .join(","),
        Source::Profile(key) => text(nth(product, "profiles", 0).and_then(|p| p.get(*key))),
        Source::Variant(key) => text(variant.get(*key)),
        Source::CurrencyPrice(currency) => {
            let price = array(variant, "prices").find(|p| {
                p.get("currency_code")
                    .and_then(Value::as_str)
                    .is_some_and(|c| c.eq_ignore_ascii_case(currency))
            });
            price_cell(price, currency)
        }
        Source::RegionPrice { id, currency } => {
            let price = array(variant, "prices")
                .find(|p| p.get("region_id").and_then(Value::as_str) == Some(id.as_str()));
            price_cell(price, currency)
        }
        Source::OptionName(i) => text(nth(product, "options", *i).and_then(|o| o.get("title"))),
        Source::OptionValue(i) => {
            let option_id = nth(product, "options", *i).and_then(|o| o.get("id"));
            let value = option_id.and_then(|id| {
                array(variant, "options").find(|ov| ov.get("option_id") == Some(id))
            });
            text(value.and_then(|v| v.get("value")))
        }
        Source::Image(i) => text(nth(product, "images", *i).and_then(|o| o.get("url"))),
        Source::SalesChannel(i, key) => {
            text(nth(product, "sales_channels", *i).and_then(|o| o.get(*key)))
        }
        Source::Category(i, key) => text(nth(product, "categories", *i).and_then(|o| o.get(*key))),
    }
}

/// Writes a whole export to `out`, calling `on_page(done, total, bytes)` after each page;
/// `on_page` answering `false` stops the export early. Answers the bytes written.
pub async fn write_export<W, F, Fut>(
    export: &ProductExport<'_>,
    list: &ExportList,
    shape: &ExportShape,
    out: &mut W,
    on_page: F,
) -> Result<u64>
where
    W: Write,
    F: FnMut(u64, u64, u64) -> Fut,
    Fut: std::future::Future<Output = Result<bool>>,
{
    let columns = Columns::new(shape);
    write_pages(
        out,
        &columns.header(),
        list.skip,
        |offset| export.page(list, offset),
        |product| columns.product_lines(product),
        on_page,
    )
    .await
}
