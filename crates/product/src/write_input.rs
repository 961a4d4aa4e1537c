//! Product write bodies, declared as Medusa's request classes declare them
//! (`AdminPostProductsReq`, `AdminPostProductsProductReq`, the variant and option requests):
//! the same properties, defaults, messages and message order.

use medusa_core::body::{Body, Class, Field, Rule};
use medusa_core::Result;
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

/// JavaScript truthiness, as Medusa's XOR rule and its `ValidateIf((o) => !o.id)` read values.
fn truthy(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => false,
        Some(Value::Bool(flag)) => *flag,
        Some(Value::Number(number)) => number.as_f64().is_some_and(|f| f != 0.0),
        Some(Value::String(text)) => !text.is_empty(),
        Some(_) => true,
    }
}

/// `@Validate(XorConstraint)`: exactly one of `region_id` and `currency_code`, unless an update
/// price names its id.
fn xor(object: &Map<String, Value>) -> bool {
    truthy(object.get("id"))
        || truthy(object.get("region_id")) != truthy(object.get("currency_code"))
}

const REGION_XOR: Rule = Rule::Custom {
    name: "xor",
    check: |_, object| xor(object),
    message: r#"Failed XOR relation between "region_id" and "currency_code"."#,
};

const CURRENCY_XOR: Rule = Rule::Custom {
    name: "xor",
    check: |_, object| xor(object),
    message: r#"Failed XOR relation between "currency_code" and "region_id"."#,
};

/// `ProductVariantPricesCreateReq`.
static CREATE_PRICE: Class = Class::new(&[
    Field::required("region_id", &[REGION_XOR]),
    Field::required("currency_code", &[CURRENCY_XOR]),
    Field::required("amount", &[Rule::Int]),
    Field::optional("min_quantity", &[Rule::Int]),
    Field::optional("max_quantity", &[Rule::Int]),
]);

/// `ProductVariantPricesUpdateReq`.
static UPDATE_PRICE: Class = Class::new(&[
    Field::optional("id", &[Rule::String]),
    Field::required("region_id", &[REGION_XOR]),
    Field::required("currency_code", &[CURRENCY_XOR]),
    Field::required("amount", &[Rule::Int]),
    Field::optional("min_quantity", &[Rule::Int]),
    Field::optional("max_quantity", &[Rule::Int]),
]);

/// An option value by position (in a product create body).
static OPTION_VALUE: Class = Class::new(&[Field::required("value", &[Rule::String])]);

/// An option value by option id (`ProductVariantOptionReq`).
static OPTION_VALUE_BY_ID: Class = Class::new(&[
    Field::required("value", &[Rule::String]),
    Field::required("option_id", &[Rule::String]),
]);

const TEXT: &[Rule] = &[Rule::String];
const NUMBER: &[Rule] = &[Rule::Number];
const BOOLEAN: &[Rule] = &[Rule::Boolean];
const OBJECT: &[Rule] = &[Rule::Object];

/// The variant classes share their properties; they differ in whether `id` is accepted,
/// whether `title` and `prices` are required, the integer rule of `inventory_quantity` (in
/// product update bodies), the price class and the option class.
macro_rules! variant_class {
    (id: [$($id:expr)?], title: $title:ident, quantity: $quantity:expr, prices: $prices:expr,
     options: $options:expr) => {
        Class::new(&[
            $($id,)?
            Field::$title("title", TEXT),
            Field::optional("sku", TEXT),
            Field::optional("ean", TEXT),
            Field::optional("upc", TEXT),
            Field::optional("barcode", TEXT),
            Field::optional("hs_code", TEXT),
            Field::optional("inventory_quantity", $quantity),
            Field::optional("allow_backorder", BOOLEAN),
            Field::optional("manage_inventory", BOOLEAN),
            Field::optional("weight", NUMBER),
            Field::optional("length", NUMBER),
            Field::optional("height", NUMBER),
            Field::optional("width", NUMBER),
            Field::optional("origin_country", TEXT),
            Field::optional("mid_code", TEXT),
            Field::optional("material", TEXT),
            Field::optional("metadata", OBJECT),
            $prices,
            Field::optional("options", $options),
        ])
    };
}

/// A variant of a product create body (`ProductVariantReq`): options by position.
static PRODUCT_CREATE_VARIANT: Class = variant_class!(
    id: [],
    title: required,
    quantity: NUMBER,
    prices: Field::required("prices", &[Rule::Array, Rule::EachNested(&CREATE_PRICE)]),
    options: &[Rule::Array, Rule::EachNested(&OPTION_VALUE)]
);

/// `AdminPostProductsProductVariantsReq`.
static CREATE_VARIANT: Class = variant_class!(
    id: [],
    title: required,
    quantity: NUMBER,
    prices: Field::required("prices", &[Rule::Array, Rule::EachNested(&CREATE_PRICE)]),
    options: &[Rule::Array, Rule::EachNested(&OPTION_VALUE_BY_ID)]
);

/// `AdminPostProductsProductVariantsVariantReq`: every property optional.
static UPDATE_VARIANT: Class = variant_class!(
    id: [],
    title: optional,
    quantity: NUMBER,
    prices: Field::optional("prices", &[Rule::Array, Rule::EachNested(&UPDATE_PRICE)]),
    options: &[Rule::Array, Rule::EachNested(&OPTION_VALUE_BY_ID)]
);

/// A variant of a product update body (`ProductVariantReq` of the update): with its `id`.
static PRODUCT_UPDATE_VARIANT: Class = variant_class!(
    id: [Field::optional("id", TEXT)],
    title: optional,
    quantity: &[Rule::Int],
    prices: Field::optional("prices", &[Rule::Array, Rule::EachNested(&UPDATE_PRICE)]),
    options: &[Rule::Array, Rule::EachNested(&OPTION_VALUE_BY_ID)]
);

/// A `{id?, value}` tag or type.
static VALUE_REF: Class =
    Class::new(&[Field::optional("id", TEXT), Field::required("value", TEXT)]);

/// A `{id}` sales channel or category.
static ID_REF: Class = Class::new(&[Field::required("id", TEXT)]);

static OPTION_TITLE: Class = Class::new(&[Field::required("title", TEXT)]);

const STATUS: Rule = Rule::Enum(&["draft", "proposed", "published", "rejected"]);

/// The product classes share their properties around the ones create and update differ in.
macro_rules! product_class {
    (title: $title:ident, middle: [$($middle:expr),*], status: $status:expr, variants: $variants:expr,
     options: [$($options:expr)?]) => {
        Class::new(&[
            Field::$title("title", TEXT),
            Field::optional("subtitle", TEXT),
            Field::optional("description", TEXT),
            $($middle,)*
            Field::optional("images", &[Rule::Array]),
            Field::optional("thumbnail", TEXT),
            Field::optional("handle", TEXT),
            $status,
            Field::optional("type", &[Rule::Nested(&VALUE_REF)]),
            Field::optional("collection_id", TEXT),
            Field::optional("tags", &[Rule::Array, Rule::EachNested(&VALUE_REF)]),
            Field::optional("sales_channels", &[Rule::Array, Rule::EachNested(&ID_REF)]),
            Field::optional("categories", &[Rule::Array, Rule::EachNested(&ID_REF)]),
            $($options,)?
            Field::optional("variants", &[Rule::Array, Rule::EachNested($variants)]),
            Field::optional("weight", NUMBER),
            Field::optional("length", NUMBER),
            Field::optional("height", NUMBER),
            Field::optional("width", NUMBER),
            Field::optional("hs_code", TEXT),
            Field::optional("origin_country", TEXT),
            Field::optional("mid_code", TEXT),
            Field::optional("material", TEXT),
            Field::optional("metadata", OBJECT),
        ])
    };
}

/// `AdminPostProductsReq`: `is_giftcard` and `discountable` have class defaults, so only an
/// explicit `null` fails them.
static CREATE_PRODUCT: Class = product_class!(
    title: required,
    middle: [
        Field::defined("is_giftcard", BOOLEAN),
        Field::defined("discountable", BOOLEAN)
    ],
    status: Field::optional("status", &[STATUS]),
    variants: &PRODUCT_CREATE_VARIANT,
    options: [Field::optional(
        "options",
        &[Rule::Array, Rule::EachNested(&OPTION_TITLE)]
    )]
);

/// `AdminPostProductsProductReq`: a given `status` may not be `null`.
static UPDATE_PRODUCT: Class = product_class!(
    title: optional,
    middle: [Field::optional("discountable", BOOLEAN)],
    status: Field::defined("status", &[Rule::NotNull, STATUS]),
    variants: &PRODUCT_UPDATE_VARIANT,
    options: []
);

fn price(item: &Body) -> PriceInput {
    PriceInput {
        id: item.string("id"),
        region_id: item.string("region_id").filter(|id| !id.is_empty()),
        currency_code: item.string("currency_code").filter(|code| !code.is_empty()),
        amount: item.number("amount").map(|n| n as i64).unwrap_or_default(),
        min_quantity: item.number("min_quantity").map(|n| n as i64),
        max_quantity: item.number("max_quantity").map(|n| n as i64),
    }
}

fn variant(body: &Body) -> VariantInput {
    let nullable_text = |name: &str| body.patch(name, Body::string);
    let nullable_number = |name: &str| body.patch(name, Body::number);
    // The keys in the create class's order, then `id`: the event's `fields`.
    let keys = CREATE_VARIANT
        .known()
        .chain(["id"])
        .filter(|key| body.has(key))
        .map(str::to_owned)
        .collect();
    VariantInput {
        id: body.string("id"),
        title: body.string("title"),
        sku: nullable_text("sku"),
        ean: nullable_text("ean"),
        upc: nullable_text("upc"),
        barcode: nullable_text("barcode"),
        hs_code: nullable_text("hs_code"),
        inventory_quantity: body.number("inventory_quantity"),
        allow_backorder: body.boolean("allow_backorder"),
        manage_inventory: body.boolean("manage_inventory"),
        weight: nullable_number("weight"),
        length: nullable_number("length"),
        height: nullable_number("height"),
        width: nullable_number("width"),
        origin_country: nullable_text("origin_country"),
        mid_code: nullable_text("mid_code"),
        material: nullable_text("material"),
        metadata: body.object("metadata"),
        prices: body
            .each("prices")
            .map(|items| items.iter().map(price).collect()),
        options: body
            .each("options")
            .unwrap_or_default()
            .iter()
            .map(|item| OptionValueInput {
                option_id: item.string("option_id"),
                value: item.string("value").unwrap_or_default(),
            })
            .collect(),
        keys,
    }
}

fn value_ref(item: &Body) -> ValueRef {
    ValueRef {
        id: item.string("id"),
        value: item.string("value").unwrap_or_default(),
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

/// The product columns both classes have.
fn product_fields(body: &Body) -> ProductFields {
    let nullable_text = |name: &str| body.patch(name, Body::string);
    let nullable_number = |name: &str| body.patch(name, Body::number);
    ProductFields {
        title: body.string("title"),
        subtitle: nullable_text("subtitle"),
        description: nullable_text("description"),
        discountable: body.boolean("discountable"),
        thumbnail: nullable_text("thumbnail"),
        handle: nullable_text("handle"),
        status: body.patch("status", |body, name| {
            body.string(name).as_deref().and_then(status_from)
        }),
        collection_id: nullable_text("collection_id"),
        weight: nullable_number("weight"),
        length: nullable_number("length"),
        height: nullable_number("height"),
        width: nullable_number("width"),
        hs_code: nullable_text("hs_code"),
        origin_country: nullable_text("origin_country"),
        mid_code: nullable_text("mid_code"),
        material: nullable_text("material"),
    }
}

impl CreateProduct {
    /// Reads a `POST /admin/products` body.
    pub fn from_body(body: Value) -> Result<Self> {
        let body = CREATE_PRODUCT.read(body)?;
        let mut fields = product_fields(&body);
        fields.discountable = Some(fields.discountable.unwrap_or(true));
        // Absent is a draft; an explicit `null` is written as given.
        if fields.status.is_none() {
            fields.status = Some(Some(ProductStatusEnum::Draft));
        }
        Ok(Self {
            fields,
            is_giftcard: body.boolean("is_giftcard").unwrap_or(false),
            images: body.strings("images"),
            type_ref: body.nested("type").as_ref().map(value_ref),
            tags: body
                .each("tags")
                .map(|items| items.iter().map(value_ref).collect()),
            sales_channel_ids: body.ids("sales_channels"),
            category_ids: body.ids("categories"),
            option_titles: body
                .each("options")
                .unwrap_or_default()
                .iter()
                .filter_map(|item| item.string("title"))
                .collect(),
            variants: body
                .each("variants")
                .unwrap_or_default()
                .iter()
                .map(variant)
                .collect(),
            metadata: body.object("metadata"),
        })
    }
}

impl UpdateProduct {
    /// Reads a `POST /admin/products/{id}` body.
    pub fn from_body(body: Value) -> Result<Self> {
        let body = UPDATE_PRODUCT.read(body)?;
        Ok(Self {
            fields: product_fields(&body),
            images: body.strings("images"),
            type_ref: body.patch("type", |body, name| {
                body.nested(name).as_ref().map(value_ref)
            }),
            tags: body
                .each("tags")
                .map(|items| items.iter().map(value_ref).collect()),
            // `null` detaches every channel.
            sales_channel_ids: body
                .ids("sales_channels")
                .or_else(|| body.is_null("sales_channels").then(Vec::new)),
            category_ids: body.ids("categories"),
            variants: body
                .each("variants")
                .map(|items| items.iter().map(variant).collect()),
            metadata: body.object("metadata"),
            keys: body.keys(),
        })
    }
}

impl VariantInput {
    /// Reads a `POST /admin/products/{id}/variants` body (`AdminPostProductsProductVariantsReq`).
    pub fn create_from_body(body: Value) -> Result<Self> {
        Ok(variant(&CREATE_VARIANT.read(body)?))
    }

    /// Reads a `POST /admin/products/{id}/variants/{variant_id}` body: every property optional.
    pub fn update_from_body(body: Value) -> Result<Self> {
        Ok(variant(&UPDATE_VARIANT.read(body)?))
    }
}

/// Reads `{title}` (`AdminPostProductsProductOptionsReq`).
pub fn option_title_from_body(body: Value) -> Result<String> {
    Ok(OPTION_TITLE.read(body)?.string("title").unwrap_or_default())
}

static METADATA_ENTRY: Class =
    Class::new(&[Field::required("key", TEXT), Field::required("value", TEXT)]);

/// Reads `{key, value}` (`AdminPostProductsProductMetadataReq`).
pub fn metadata_from_body(body: Value) -> Result<(String, String)> {
    let body = METADATA_ENTRY.read(body)?;
    Ok((
        body.string("key").unwrap_or_default(),
        body.string("value").unwrap_or_default(),
    ))
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
