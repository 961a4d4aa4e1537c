//! The product import's columns: which header means what, as Medusa's product import schema
//! resolves them (the exact names first, then the patterns in the schema's order), and the
//! typed cells of one CSV row.

use medusa_core::flags::{FeatureFlags, Flag};
use regex::Regex;

/// A column that maps to one field of the row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    ProductId,
    ProductHandle,
    ProductTitle,
    ProductSubtitle,
    ProductDescription,
    ProductStatus,
    ProductThumbnail,
    ProductWeight,
    ProductLength,
    ProductWidth,
    ProductHeight,
    ProductHsCode,
    ProductOriginCountry,
    ProductMidCode,
    ProductMaterial,
    CollectionTitle,
    CollectionHandle,
    ProductTags,
    ProductDiscountable,
    ProductExternalId,
    VariantId,
    VariantTitle,
    VariantSku,
    VariantBarcode,
    VariantInventoryQuantity,
    VariantAllowBackorder,
    VariantManageInventory,
    VariantWeight,
    VariantLength,
    VariantWidth,
    VariantHeight,
    VariantHsCode,
    VariantOriginCountry,
    VariantMidCode,
    VariantMaterial,
}

const EXACT: &[(&str, Option<Field>)] = &[
    ("Product Id", Some(Field::ProductId)),
    ("Product Handle", Some(Field::ProductHandle)),
    ("Product Title", Some(Field::ProductTitle)),
    ("Product Subtitle", Some(Field::ProductSubtitle)),
    ("Product Description", Some(Field::ProductDescription)),
    ("Product Status", Some(Field::ProductStatus)),
    ("Product Thumbnail", Some(Field::ProductThumbnail)),
    ("Product Weight", Some(Field::ProductWeight)),
    ("Product Length", Some(Field::ProductLength)),
    ("Product Width", Some(Field::ProductWidth)),
    ("Product Height", Some(Field::ProductHeight)),
    ("Product HS Code", Some(Field::ProductHsCode)),
    ("Product Origin Country", Some(Field::ProductOriginCountry)),
    ("Product MID Code", Some(Field::ProductMidCode)),
    ("Product Material", Some(Field::ProductMaterial)),
    ("Product Collection Title", Some(Field::CollectionTitle)),
    ("Product Collection Handle", Some(Field::CollectionHandle)),
    ("Product Tags", Some(Field::ProductTags)),
    ("Product Discountable", Some(Field::ProductDiscountable)),
    ("Product External Id", Some(Field::ProductExternalId)),
    // Exported, but not imported.
    ("Product Profile Name", None),
    ("Product Profile Type", None),
    ("Variant Id", Some(Field::VariantId)),
    ("Variant Title", Some(Field::VariantTitle)),
    ("Variant SKU", Some(Field::VariantSku)),
    ("Variant Barcode", Some(Field::VariantBarcode)),
    (
        "Variant Inventory Quantity",
        Some(Field::VariantInventoryQuantity),
    ),
    (
        "Variant Allow Backorder",
        Some(Field::VariantAllowBackorder),
    ),
    (
        "Variant Manage Inventory",
        Some(Field::VariantManageInventory),
    ),
    ("Variant Weight", Some(Field::VariantWeight)),
    ("Variant Length", Some(Field::VariantLength)),
    ("Variant Width", Some(Field::VariantWidth)),
    ("Variant Height", Some(Field::VariantHeight)),
    ("Variant HS Code", Some(Field::VariantHsCode)),
    ("Variant Origin Country", Some(Field::VariantOriginCountry)),
    ("Variant MID Code", Some(Field::VariantMidCode)),
    ("Variant Material", Some(Field::VariantMaterial)),
];

/// What a header means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    Field(Field),
    Ignored,
    ProductType,
    /// `Option N Name`: the N of the pair.
    OptionName(String),
    /// `Option N Value`: the header of its name column.
    OptionValue(String),
    RegionPrice(String),
    CurrencyPrice(String),
    Image,
    SalesChannelName,
    SalesChannelDescription,
    SalesChannelId,
    CategoryHandle,
}

/// The header's columns, or Medusa's message for the first it cannot place.
pub fn resolve_header(headers: &[String], flags: FeatureFlags) -> Result<Vec<Column>, String> {
    let patterns = Patterns::new();
    let mut columns = Vec::with_capacity(headers.len());
    for header in headers {
        let column = resolve(header, &patterns, flags).ok_or_else(|| {
            format!(
                "Unable to treat column {header} from the csv file. No target column found in the provided schema"
            )
        })?;
        columns.push(column);
    }
    if !columns.contains(&Column::Field(Field::ProductHandle)) {
        return Err("Missing column(s) \"Product Handle\" from the given csv file".to_owned());
    }
    Ok(columns)
}

struct Patterns {
    option_name: Regex,
    option_value: Regex,
    region_price: Regex,
    currency_price: Regex,
    image: Regex,
    channel_name: Regex,
    channel_description: Regex,
    channel_id: Regex,
    category_handle: Regex,
    category_name: Regex,
    category_description: Regex,
}

impl Patterns {
    #[allow(clippy::unwrap_used)] // constant patterns
    fn new() -> Self {
        let re = |p: &str| Regex::new(p).unwrap();
        Self {
            option_name: re(r"Option \d+ Name"),
            option_value: re(r"Option \d+ Value"),
            region_price: re(r"Price (.*) \[([A-Z]{3})\]"),
            currency_price: re(r"Price [A-Z]{3}"),
            image: re(r"Image \d+ Url"),
            channel_name: re(r"Sales Channel \d+ Name"),
            channel_description: re(r"Sales Channel \d+ Description"),
            channel_id: re(r"Sales Channel \d+ Id"),
            category_handle: re(r"Product Category \d+ Handle"),
            category_name: re(r"Product Category \d+ Name"),
            category_description: re(r"Product Category \d+ Description"),
        }
    }
}

fn resolve(header: &str, p: &Patterns, flags: FeatureFlags) -> Option<Column> {
    if let Some((_, field)) = EXACT.iter().find(|(name, _)| *name == header) {
        return Some(field.map_or(Column::Ignored, Column::Field));
    }
    if header.contains("Product Type") {
        return Some(Column::ProductType);
    }
    if p.option_name.is_match(header) {
        return Some(Column::OptionName(header.to_owned()));
    }
    if p.option_value.is_match(header) {
        let name = format!("{} Name", &header[..header.len().saturating_sub(6)]);
        return Some(Column::OptionValue(name));
    }
    if let Some(captures) = p.region_price.captures(header.trim()) {
        return Some(Column::RegionPrice(captures[1].to_owned()));
    }
    if p.currency_price.is_match(header) {
        let currency = header.trim().split(' ').nth(1).unwrap_or_default();
        return Some(Column::CurrencyPrice(currency.to_ascii_lowercase()));
    }
    if p.image.is_match(header) {
        return Some(Column::Image);
    }
    if flags.is_enabled(Flag::SalesChannels) {
        if p.channel_name.is_match(header) {
            return Some(Column::SalesChannelName);
        }
        if p.channel_description.is_match(header) {
            return Some(Column::SalesChannelDescription);
        }
        if p.channel_id.is_match(header) {
            return Some(Column::SalesChannelId);
        }
    }
    if flags.is_enabled(Flag::ProductCategories) {
        if p.category_handle.is_match(header) {
            return Some(Column::CategoryHandle);
        }
        if p.category_name.is_match(header) || p.category_description.is_match(header) {
            return Some(Column::Ignored);
        }
    }
    None
}
