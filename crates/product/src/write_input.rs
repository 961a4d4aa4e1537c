//! Product write bodies read the way Medusa's request classes validate them
//! (`AdminPostProductsReq`, `AdminPostProductsProductReq`, the variant and option requests):
//! the same properties, defaults, messages and message order.

use medusa_core::body::BodyReader;
use medusa_core::{Error, Result};
use medusa_entity::sea_orm_active_enums::ProductStatusEnum;
use serde_json::{Map, Value};

use crate::prices::PriceInput;

/// A `{id?, value}` tag or type reference: upserted by value.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueRef {
    pub id: Option<String>,
    pub value: String,
}

/// The product columns both create and update set. `None`: not given. `Some(None)`: given as
/// `null` (written as `NULL` on update, as Medusa writes every defined key).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProductFields {
    pub title: Option<String>,
    pub subtitle: Option<Option<String>>,
    pub description: Option<Option<String>>,
    pub discountable: Option<bool>,
    pub thumbnail: Option<Option<String>>,
    pub handle: Option<Option<String>>,
    pub status: Option<Option<ProductStatusEnum>>,
    pub collection_id: Option<Option<String>>,
    pub weight: Option<Option<f64>>,
    pub length: Option<Option<f64>>,
    pub height: Option<Option<f64>>,
    pub width: Option<Option<f64>>,
    pub hs_code: Option<Option<String>>,
    pub origin_country: Option<Option<String>>,
    pub mid_code: Option<Option<String>>,
    pub material: Option<Option<String>>,
}

/// `POST /admin/products`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CreateProduct {
    pub fields: ProductFields,
    pub is_giftcard: bool,
    pub images: Option<Vec<String>>,
    pub type_ref: Option<ValueRef>,
    pub tags: Option<Vec<ValueRef>>,
    pub sales_channel_ids: Option<Vec<String>>,
    pub category_ids: Option<Vec<String>>,
    pub option_titles: Vec<String>,
    pub variants: Vec<VariantInput>,
    pub metadata: Option<Map<String, Value>>,
}

/// `POST /admin/products/{id}`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UpdateProduct {
    pub fields: ProductFields,
    pub images: Option<Vec<String>>,
    /// `Some(None)`: `type: null`, which clears the product's type.
    pub type_ref: Option<Option<ValueRef>>,
    pub tags: Option<Vec<ValueRef>>,
    /// `Some(vec![])` (or `null`) detaches every channel.
    pub sales_channel_ids: Option<Vec<String>>,
    pub category_ids: Option<Vec<String>>,
    /// Full replacement: variants not listed (by id) are deleted.
    pub variants: Option<Vec<VariantInput>>,
    pub metadata: Option<Map<String, Value>>,
    /// The body's keys, for the `product.updated` event's `fields`.
    pub keys: Vec<String>,
}

/// A variant's option value: by position (product create) or by option id (everywhere else).
#[derive(Debug, Clone, PartialEq)]
pub struct OptionValueInput {
    pub option_id: Option<String>,
    pub value: String,
}

/// A variant as create, update and the product bodies give it. Scalars follow the same
/// `None` / `Some(None)` convention as [`ProductFields`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VariantInput {
    pub id: Option<String>,
    pub title: Option<String>,
    pub sku: Option<Option<String>>,
    pub ean: Option<Option<String>>,
    pub upc: Option<Option<String>>,
    pub barcode: Option<Option<String>>,
    pub hs_code: Option<Option<String>>,
    pub inventory_quantity: Option<f64>,
    pub allow_backorder: Option<bool>,
    pub manage_inventory: Option<bool>,
    pub weight: Option<Option<f64>>,
    pub length: Option<Option<f64>>,
    pub height: Option<Option<f64>>,
    pub width: Option<Option<f64>>,
    pub origin_country: Option<Option<String>>,
    pub mid_code: Option<Option<String>>,
    pub material: Option<Option<String>>,
    pub metadata: Option<Map<String, Value>>,
    /// `None`: not given (update leaves prices alone).
    pub prices: Option<Vec<PriceInput>>,
    pub options: Vec<OptionValueInput>,
    /// The body's keys, for the `product-variant.updated` event's `fields`.
    pub keys: Vec<String>,
}

const STATUS_MESSAGE: &str =
    "status must be one of the following values: draft, proposed, published, rejected";

const CREATE_FIELDS: &[&str] = &[
    "title",
    "subtitle",
    "description",
    "is_giftcard",
    "discountable",
    "images",
    "thumbnail",
    "handle",
    "status",
    "type",
    "collection_id",
    "tags",
    "sales_channels",
    "categories",
    "options",
    "variants",
    "weight",
    "length",
    "height",
    "width",
    "hs_code",
    "origin_country",
    "mid_code",
    "material",
    "metadata",
];

const UPDATE_FIELDS: &[&str] = &[
    "title",
    "subtitle",
    "description",
    "discountable",
    "images",
    "thumbnail",
    "handle",
    "status",
    "type",
    "collection_id",
    "tags",
    "sales_channels",
    "categories",
    "variants",
    "weight",
    "length",
    "height",
    "width",
    "hs_code",
    "origin_country",
    "mid_code",
    "material",
    "metadata",
];

const CREATE_VARIANT_FIELDS: &[&str] = &[
    "title",
    "sku",
    "ean",
    "upc",
    "barcode",
    "hs_code",
    "inventory_quantity",
    "allow_backorder",
    "manage_inventory",
    "weight",
    "length",
    "height",
    "width",
    "origin_country",
    "mid_code",
    "material",
    "metadata",
    "prices",
    "options",
];

/// A present key's string value: `Some(None)` for `null`.
fn nullable_string(reader: &mut BodyReader, name: &str) -> Option<Option<String>> {
    if !reader.has(name) {
        return None;
    }
    Some(reader.string(name, true))
}

fn nullable_number(reader: &mut BodyReader, name: &str) -> Option<Option<f64>> {
    if !reader.has(name) {
        return None;
    }
    Some(reader.number(name, true))
}

/// `@IsArray()` without element rules (images): non-string entries are skipped.
fn loose_strings(reader: &mut BodyReader, name: &str) -> Option<Vec<String>> {
    match reader.get(name) {
        None | Some(Value::Null) => None,
        Some(Value::Array(items)) => Some(
            items
                .iter()
                .filter_map(|item| item.as_str().map(str::to_owned))
                .collect(),
        ),
        Some(_) => {
            reader.fail(format!("{name} must be an array"));
            None
        }
    }
}

/// `@ValidateNested({ each: true }) @IsArray()` (optional unless `required`): each element is
/// read by `read` with its own reader, whose failures are appended in order.
fn nested_array<T>(
    reader: &mut BodyReader,
    name: &str,
    required: bool,
    known: &[&str],
    mut read: impl FnMut(&mut BodyReader) -> Option<T>,
) -> Option<Vec<T>> {
    let value = reader.get(name).cloned();
    match value {
        None | Some(Value::Null) if !required => None,
        Some(Value::Array(items)) => {
            let mut out = Vec::with_capacity(items.len());
            let mut not_object = false;
            let mut children = Vec::new();
            for item in items {
                if item.is_object() {
                    let mut child = BodyReader::new(item, known);
                    if let Some(value) = read(&mut child) {
                        out.push(value);
                    }
                    children.push(child);
                } else {
                    not_object = true;
                }
            }
            if not_object {
                reader.fail(format!(
                    "each value in nested property {name} must be either object or array"
                ));
            }
            for child in children {
                reader.absorb(child);
            }
            Some(out)
        }
        Some(Value::Object(fields)) => {
            // class-validator validates a lone object as if it were the element.
            reader.fail(format!("{name} must be an array"));
            let mut child = BodyReader::new(Value::Object(fields), known);
            read(&mut child);
            reader.absorb(child);
            None
        }
        None | Some(Value::Null) => {
            reader.fail(format!("{name} must be an array"));
            None
        }
        Some(_) => {
            reader.fail(format!("{name} must be an array"));
            reader.fail(format!(
                "each value in nested property {name} must be either object or array"
            ));
            None
        }
    }
}

/// `@ValidateNested()` on a single object (the product type).
fn nested_object<T>(
    reader: &mut BodyReader,
    name: &str,
    known: &[&str],
    read: impl FnOnce(&mut BodyReader) -> Option<T>,
) -> Option<Option<T>> {
    match reader.get(name).cloned() {
        None => None,
        Some(Value::Null) => Some(None),
        Some(value @ Value::Object(_)) => {
            let mut child = BodyReader::new(value, known);
            let read = read(&mut child);
            reader.absorb(child);
            Some(read)
        }
        Some(_) => {
            reader.fail(format!(
                "nested property {name} must be either object or array"
            ));
            Some(None)
        }
    }
}

fn read_value_ref(reader: &mut BodyReader) -> Option<ValueRef> {
    let id = reader.string("id", true);
    let value = reader.string("value", false)?;
    Some(ValueRef { id, value })
}

fn read_id(reader: &mut BodyReader) -> Option<String> {
    reader.string("id", false)
}

fn read_status(reader: &mut BodyReader) -> Option<Option<ProductStatusEnum>> {
    match reader.get("status") {
        None => None,
        Some(Value::Null) => Some(None),
        Some(Value::String(text)) => match status_from(text) {
            Some(status) => Some(Some(status)),
            None => {
                reader.fail(STATUS_MESSAGE);
                None
            }
        },
        Some(_) => {
            reader.fail(STATUS_MESSAGE);
            None
        }
    }
}

fn status_from(text: &str) -> Option<ProductStatusEnum> {
    Some(match text {
        "draft" => ProductStatusEnum::Draft,
        "proposed" => ProductStatusEnum::Proposed,
        "published" => ProductStatusEnum::Published,
        "rejected" => ProductStatusEnum::Rejected,
        _ => return None,
    })
}

/// `@IsInt()`.
fn integer(reader: &mut BodyReader, name: &str, optional: bool) -> Option<i64> {
    match reader.get(name) {
        Some(Value::Number(number)) if number.as_i64().is_some() => number.as_i64(),
        Some(Value::Number(number))
            if number
                .as_f64()
                .is_some_and(|f| f.fract() == 0.0 && f.abs() < 9.0e15) =>
        {
            number.as_f64().map(|f| f as i64)
        }
        None | Some(Value::Null) if optional => None,
        _ => {
            reader.fail(format!("{name} must be an integer number"));
            None
        }
    }
}

/// A variant price (`ProductVariantPricesCreateReq`, or the update form that also takes `id`).
fn read_price(reader: &mut BodyReader, with_id: bool) -> Option<PriceInput> {
    let id = if with_id {
        reader.string("id", true)
    } else {
        None
    };
    let truthy = |reader: &BodyReader, name: &str| match reader.get(name) {
        Some(Value::String(text)) => !text.is_empty(),
        Some(Value::Null) | None => false,
        Some(Value::Bool(flag)) => *flag,
        Some(Value::Number(number)) => number.as_f64().is_some_and(|f| f != 0.0),
        Some(_) => true,
    };
    let has_region = truthy(reader, "region_id");
    let has_currency = truthy(reader, "currency_code");
    // The update form skips the XOR rule when the price names its id.
    if id.is_none() && has_region == has_currency {
        reader.fail("Failed XOR relation between \"region_id\" and \"currency_code\".");
        reader.fail("Failed XOR relation between \"currency_code\" and \"region_id\".");
    }
    let amount = integer(reader, "amount", false);
    let min_quantity = integer(reader, "min_quantity", true);
    let max_quantity = integer(reader, "max_quantity", true);
    let text = |reader: &BodyReader, name: &str| {
        reader
            .get(name)
            .and_then(Value::as_str)
            .filter(|text| !text.is_empty())
            .map(str::to_owned)
    };
    Some(PriceInput {
        id,
        region_id: text(reader, "region_id"),
        currency_code: text(reader, "currency_code"),
        amount: amount?,
        min_quantity,
        max_quantity,
    })
}

/// A variant body. `with_option_ids`: options are `{option_id, value}` (everywhere but product
/// create); `update`: every property optional, and prices may carry ids; `integer_quantity`:
/// `inventory_quantity` is `@IsInt()` (in product update bodies) rather than `@IsNumber()`.
fn read_variant(
    reader: &mut BodyReader,
    update: bool,
    with_option_ids: bool,
    integer_quantity: bool,
) -> VariantInput {
    let keys: Vec<String> = CREATE_VARIANT_FIELDS
        .iter()
        .chain(["id"].iter())
        .filter(|key| reader.has(key))
        .map(|key| (*key).to_owned())
        .collect();
    let id = if update {
        reader.string("id", true)
    } else {
        None
    };
    let title = reader.string("title", update);
    let sku = nullable_string(reader, "sku");
    let ean = nullable_string(reader, "ean");
    let upc = nullable_string(reader, "upc");
    let barcode = nullable_string(reader, "barcode");
    let hs_code = nullable_string(reader, "hs_code");
    let inventory_quantity = if integer_quantity {
        integer(reader, "inventory_quantity", true).map(|n| n as f64)
    } else {
        reader.number("inventory_quantity", true)
    };
    let allow_backorder = reader.boolean("allow_backorder", true);
    let manage_inventory = reader.boolean("manage_inventory", true);
    let weight = nullable_number(reader, "weight");
    let length = nullable_number(reader, "length");
    let height = nullable_number(reader, "height");
    let width = nullable_number(reader, "width");
    let origin_country = nullable_string(reader, "origin_country");
    let mid_code = nullable_string(reader, "mid_code");
    let material = nullable_string(reader, "material");
    let metadata = reader.object("metadata");
    let price_fields: &[&str] = if update {
        &[
            "id",
            "region_id",
            "currency_code",
            "amount",
            "min_quantity",
            "max_quantity",
        ]
    } else {
        &[
            "region_id",
            "currency_code",
            "amount",
            "min_quantity",
            "max_quantity",
        ]
    };
    let prices = nested_array(reader, "prices", !update, price_fields, |child| {
        read_price(child, update)
    });
    let option_fields: &[&str] = if with_option_ids {
        &["value", "option_id"]
    } else {
        &["value"]
    };
    let options = nested_array(reader, "options", false, option_fields, |child| {
        let value = child.string("value", false);
        let option_id = if with_option_ids {
            child.string("option_id", false)
        } else {
            None
        };
        Some(OptionValueInput {
            option_id,
            value: value?,
        })
    })
    .unwrap_or_default();
    VariantInput {
        id,
        title,
        sku,
        ean,
        upc,
        barcode,
        hs_code,
        inventory_quantity,
        allow_backorder,
        manage_inventory,
        weight,
        length,
        height,
        width,
        origin_country,
        mid_code,
        material,
        metadata,
        prices,
        options,
        keys,
    }
}

/// The scalar product columns, read in the request class's order around the nested ones.
fn read_head(reader: &mut BodyReader, fields: &mut ProductFields, create: bool) {
    fields.title = reader.string("title", !create);
    fields.subtitle = nullable_string(reader, "subtitle");
    fields.description = nullable_string(reader, "description");
}

fn read_tail(reader: &mut BodyReader, fields: &mut ProductFields) {
    fields.weight = nullable_number(reader, "weight");
    fields.length = nullable_number(reader, "length");
    fields.height = nullable_number(reader, "height");
    fields.width = nullable_number(reader, "width");
    fields.hs_code = nullable_string(reader, "hs_code");
    fields.origin_country = nullable_string(reader, "origin_country");
    fields.mid_code = nullable_string(reader, "mid_code");
    fields.material = nullable_string(reader, "material");
}

/// `@IsBoolean()` with a class default: absent keeps the default, `null` fails.
fn defaulted_boolean(reader: &mut BodyReader, name: &str, default: bool) -> bool {
    if reader.has(name) {
        reader.boolean(name, false).unwrap_or(default)
    } else {
        default
    }
}

impl CreateProduct {
    /// Reads a `POST /admin/products` body.
    pub fn from_body(body: Value) -> Result<Self> {
        let mut reader = BodyReader::new(body, CREATE_FIELDS);
        let mut fields = ProductFields::default();
        read_head(&mut reader, &mut fields, true);
        let is_giftcard = defaulted_boolean(&mut reader, "is_giftcard", false);
        fields.discountable = Some(defaulted_boolean(&mut reader, "discountable", true));
        let images = loose_strings(&mut reader, "images");
        fields.thumbnail = nullable_string(&mut reader, "thumbnail");
        fields.handle = nullable_string(&mut reader, "handle");
        fields.status = match read_status(&mut reader) {
            None => Some(Some(ProductStatusEnum::Draft)),
            given => given,
        };
        let type_ref = nested_object(&mut reader, "type", &["id", "value"], read_value_ref)
            .and_then(|given| given);
        fields.collection_id = nullable_string(&mut reader, "collection_id");
        let tags = nested_array(&mut reader, "tags", false, &["id", "value"], read_value_ref);
        let sales_channel_ids =
            nested_array(&mut reader, "sales_channels", false, &["id"], read_id);
        let category_ids = nested_array(&mut reader, "categories", false, &["id"], read_id);
        let option_titles = nested_array(&mut reader, "options", false, &["title"], |child| {
            child.string("title", false)
        })
        .unwrap_or_default();
        let variants = nested_array(
            &mut reader,
            "variants",
            false,
            CREATE_VARIANT_FIELDS,
            |child| Some(read_variant(child, false, false, false)),
        )
        .unwrap_or_default();
        read_tail(&mut reader, &mut fields);
        let metadata = reader.object("metadata");
        reader.finish()?;
        Ok(Self {
            fields,
            is_giftcard,
            images,
            type_ref,
            tags,
            sales_channel_ids,
            category_ids,
            option_titles,
            variants,
            metadata,
        })
    }
}

impl UpdateProduct {
    /// Reads a `POST /admin/products/{id}` body.
    pub fn from_body(body: Value) -> Result<Self> {
        let keys: Vec<String> = body
            .as_object()
            .map(|fields| fields.keys().cloned().collect())
            .unwrap_or_default();
        let mut reader = BodyReader::new(body, UPDATE_FIELDS);
        let mut fields = ProductFields::default();
        read_head(&mut reader, &mut fields, false);
        fields.discountable = reader.boolean("discountable", true);
        let images = loose_strings(&mut reader, "images");
        fields.thumbnail = nullable_string(&mut reader, "thumbnail");
        fields.handle = nullable_string(&mut reader, "handle");
        fields.status = match read_status(&mut reader) {
            Some(None) => {
                reader.fail("status should not be equal to null");
                reader.fail(STATUS_MESSAGE);
                None
            }
            given => given,
        };
        let type_ref = nested_object(&mut reader, "type", &["id", "value"], read_value_ref);
        fields.collection_id = nullable_string(&mut reader, "collection_id");
        let tags = nested_array(&mut reader, "tags", false, &["id", "value"], read_value_ref);
        let sales_channels_null = reader.has("sales_channels") && reader.is_null("sales_channels");
        let sales_channel_ids =
            nested_array(&mut reader, "sales_channels", false, &["id"], read_id)
                .or_else(|| sales_channels_null.then(Vec::new));
        let category_ids = nested_array(&mut reader, "categories", false, &["id"], read_id);
        let mut update_variant_fields = CREATE_VARIANT_FIELDS.to_vec();
        update_variant_fields.push("id");
        let variants = nested_array(
            &mut reader,
            "variants",
            false,
            &update_variant_fields,
            |child| Some(read_variant(child, true, true, true)),
        );
        read_tail(&mut reader, &mut fields);
        let metadata = reader.object("metadata");
        reader.finish()?;
        Ok(Self {
            fields,
            images,
            type_ref,
            tags,
            sales_channel_ids,
            category_ids,
            variants,
            metadata,
            keys,
        })
    }
}

impl VariantInput {
    /// Reads a `POST /admin/products/{id}/variants` body (`AdminPostProductsProductVariantsReq`).
    pub fn create_from_body(body: Value) -> Result<Self> {
        let mut reader = BodyReader::new(body, CREATE_VARIANT_FIELDS);
        let variant = read_variant(&mut reader, false, true, false);
        reader.finish()?;
        Ok(variant)
    }

    /// Reads a `POST /admin/products/{id}/variants/{variant_id}` body: every property optional.
    pub fn update_from_body(body: Value) -> Result<Self> {
        let mut reader = BodyReader::new(body, CREATE_VARIANT_FIELDS);
        let variant = read_variant(&mut reader, true, true, false);
        reader.finish()?;
        Ok(variant)
    }
}

/// Reads `{title}` (`AdminPostProductsProductOptionsReq`).
pub fn option_title_from_body(body: Value) -> Result<String> {
    let mut reader = BodyReader::new(body, &["title"]);
    let title = reader.string("title", false);
    reader.finish()?;
    title.ok_or_else(|| Error::invalid_data("title must be a string"))
}

/// Reads `{key, value}` (`AdminPostProductsProductMetadataReq`).
pub fn metadata_from_body(body: Value) -> Result<(String, String)> {
    let mut reader = BodyReader::new(body, &["key", "value"]);
    let key = reader.string("key", false);
    let value = reader.string("value", false);
    reader.finish()?;
    match (key, value) {
        (Some(key), Some(value)) => Ok((key, value)),
        _ => Err(Error::invalid_data("key must be a string")),
    }
}

/// The sales channel ids of a product body as Medusa's existence check reads them, before the
/// body is validated: `None` unless `sales_channels` is a non-empty array. An entry without a
/// string id reads as the empty string (JavaScript's `undefined` in the joined message).
pub fn sales_channel_ids_in(body: &Value) -> Option<Vec<String>> {
    let channels = body.get("sales_channels")?.as_array()?;
    if channels.is_empty() {
        return None;
    }
    Some(
        channels
            .iter()
            .map(|channel| {
                channel
                    .get("id")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect(),
    )
}
