//! Price list request bodies, read the way Medusa's class-validator pipeline reads them: unknown
//! properties first, then each declared property's failures in declaration order, joined with
//! ", " into one `invalid_data` error.

use chrono::DateTime;
use medusa_core::body::BodyReader;
use medusa_core::time::Timestamp;
use medusa_core::{Error, FeatureFlags, Result};
use medusa_entity::sea_orm_active_enums::{PriceListStatusEnum, PriceListTypeEnum};
use serde_json::{Map, Value};

/// One price of a price list as a request gives it. A price names its currency directly or
/// through a region (whose currency it then gets), never both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceInput {
    /// Only in updates: the list's price to change.
    pub id: Option<String>,
    pub variant_id: String,
    pub amount: i32,
    pub region_id: Option<String>,
    pub currency_code: Option<String>,
    pub min_quantity: Option<i32>,
    pub max_quantity: Option<i32>,
}

/// `POST /admin/price-lists` (Medusa's `AdminPostPriceListsPriceListReq`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreatePriceList {
    pub name: String,
    pub description: String,
    pub list_type: PriceListTypeEnum,
    /// `None`: `draft`, the column's default.
    pub status: Option<PriceListStatusEnum>,
    pub starts_at: Option<Timestamp>,
    pub ends_at: Option<Timestamp>,
    pub prices: Vec<PriceInput>,
    /// Customer group ids; `None` links none.
    pub customer_groups: Option<Vec<String>>,
    /// Only with the tax-inclusive pricing flag on.
    pub includes_tax: Option<bool>,
}

/// `POST /admin/price-lists/{id}`: `None` leaves a field alone. Prices with an `id` change that
/// price of the list, the others are added (nothing is removed); `customer_groups` replaces the
/// list's groups.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UpdatePriceList {
    pub name: Option<String>,
    pub description: Option<String>,
    pub list_type: Option<PriceListTypeEnum>,
    pub status: Option<PriceListStatusEnum>,
    /// `Some(None)` clears the date.
    pub starts_at: Option<Option<Timestamp>>,
    pub ends_at: Option<Option<Timestamp>>,
    pub prices: Option<Vec<PriceInput>>,
    pub customer_groups: Option<Vec<String>>,
    /// Only with the tax-inclusive pricing flag on.
    pub includes_tax: Option<bool>,
}

/// `POST /admin/price-lists/{id}/prices/batch`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddPrices {
    pub prices: Vec<PriceInput>,
    /// Replace every other price of the list with these.
    pub replace: bool,
}

const CREATE_FIELDS: &[&str] = &[
    "name",
    "description",
    "starts_at",
    "ends_at",
    "status",
    "type",
    "prices",
    "customer_groups",
    "includes_tax",
];

const CREATE_PRICE_FIELDS: &[&str] = &[
    "region_id",
    "currency_code",
    "amount",
    "variant_id",
    "min_quantity",
    "max_quantity",
];

const UPDATE_PRICE_FIELDS: &[&str] = &[
    "id",
    "region_id",
    "currency_code",
    "variant_id",
    "amount",
    "min_quantity",
    "max_quantity",
];

const STATUS_VALUES: &str = "active, draft";
const TYPE_VALUES: &str = "sale, override";

/// Which request class a price is validated with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PriceRules {
    /// `AdminPriceListPricesCreateReq`: no `id`; currency XOR region always checked.
    Create,
    /// `AdminPriceListPricesUpdateReq`: an `id` waives the currency/region rule.
    Update,
}

/// Failures gathered across a body and its nested objects, in Medusa's order.
#[derive(Default)]
struct Messages(Vec<String>);

impl Messages {
    fn push(&mut self, message: impl Into<String>) {
        self.0.push(message.into());
    }

    /// Takes over a [`BodyReader`]'s failures.
    fn absorb(&mut self, reader: BodyReader) {
        if let Err(Error::InvalidData(message)) = reader.finish() {
            self.0.push(message);
        }
    }

    fn finish(self) -> Result<()> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(Error::invalid_data(self.0.join(", ")))
        }
    }
}

impl CreatePriceList {
    /// `includes_tax` is accepted only with the tax-inclusive pricing flag on.
    pub fn from_body(body: Value, flags: FeatureFlags) -> Result<Self> {
        let fields = object(&body);
        let mut reader = BodyReader::new(body, CREATE_FIELDS);
        let name = reader.string("name", false);
        let description = reader.string("description", false);
        let mut messages = Messages::default();
        messages.absorb(reader);
        let starts_at = date(&fields, "starts_at", &mut messages);
        let ends_at = date(&fields, "ends_at", &mut messages);
        let status = optional_status(&fields, &mut messages);
        let list_type = match fields.get("type") {
            Some(Value::String(text)) => parse_type(text),
            _ => None,
        };
        if list_type.is_none() {
            messages.push(format!(
                "type must be one of the following values: {TYPE_VALUES}"
            ));
        }
        let prices = prices(&fields, PriceRules::Create, false, &mut messages);
        let customer_groups = customer_groups(&fields, &mut messages);
        let includes_tax = crate::tax_inclusive::read_body(&fields, flags, &mut messages.0);
        messages.finish()?;
        Ok(Self {
            includes_tax,
            name: name.unwrap_or_default(),
            description: description.unwrap_or_default(),
            list_type: list_type.unwrap_or(PriceListTypeEnum::Sale),
            status,
            starts_at: starts_at.flatten(),
            ends_at: ends_at.flatten(),
            prices: prices.unwrap_or_default(),
            customer_groups,
        })
    }
}

impl UpdatePriceList {
    /// `includes_tax` is accepted only with the tax-inclusive pricing flag on.
    pub fn from_body(body: Value, flags: FeatureFlags) -> Result<Self> {
        let fields = object(&body);
        let mut reader = BodyReader::new(body, CREATE_FIELDS);
        let name = reader.string("name", true);
        let description = reader.string("description", true);
        let mut messages = Messages::default();
        messages.absorb(reader);
        let starts_at = date(&fields, "starts_at", &mut messages);
        let ends_at = date(&fields, "ends_at", &mut messages);
        let status = optional_status(&fields, &mut messages);
        let list_type = match fields.get("type") {
            None | Some(Value::Null) => None,
            Some(Value::String(text)) if parse_type(text).is_some() => parse_type(text),
            Some(_) => {
                messages.push(format!(
                    "type must be one of the following values: {TYPE_VALUES}"
                ));
                None
            }
        };
        let prices = prices(&fields, PriceRules::Update, true, &mut messages);
        let customer_groups = customer_groups(&fields, &mut messages);
        let includes_tax = crate::tax_inclusive::read_body(&fields, flags, &mut messages.0);
        messages.finish()?;
        // The optional validators let `null` through to columns that refuse it; Medusa then
        // reports the database's not-null failure for the first such column.
        for column in ["name", "description", "type", "status"] {
            if matches!(fields.get(column), Some(Value::Null)) {
                return Err(Error::invalid_data(format!(
                    "Can't insert null value in field {column} on insert in table price_list"
                )));
            }
        }
        Ok(Self {
            name,
            description,
            list_type,
            status,
            starts_at,
            ends_at,
            prices,
            customer_groups,
            includes_tax,
        })
    }
}

impl AddPrices {
    /// Medusa's `AdminPostPriceListPricesPricesReq`.
    pub fn from_body(body: Value) -> Result<Self> {
        let fields = object(&body);
        let mut reader = BodyReader::new(body, &["prices", "override"]);
        let mut messages = Messages::default();
        // Read in declaration order: `prices` before `override`.
        let prices = prices(&fields, PriceRules::Update, false, &mut messages);
        let replace = reader.boolean("override", true);
        messages.absorb(reader);
        messages.finish()?;
        Ok(Self {
            prices: prices.unwrap_or_default(),
            replace: replace.unwrap_or(false),
        })
    }
}

/// `{ <name>: [string, ...] }` with `@ArrayNotEmpty() @IsString({ each: true })`: the price
/// and product id lists of the batch deletions.
pub fn ids_from_body(body: Value, name: &str) -> Result<Vec<String>> {
    let fields = object(&body);
    let reader = BodyReader::new(body, &[name]);
    let mut messages = Messages::default();
    messages.absorb(reader);
    let ids = match fields.get(name) {
        Some(Value::Array(items)) => {
            let texts: Vec<String> = items
                .iter()
                .filter_map(|item| item.as_str().map(str::to_owned))
                .collect();
            if texts.len() != items.len() {
                messages.push(format!("each value in {name} must be a string"));
            }
            if items.is_empty() {
                messages.push(format!("{name} should not be empty"));
            }
            texts
        }
        Some(Value::String(_)) => {
            messages.push(format!("{name} must be an array"));
            Vec::new()
        }
        _ => {
            messages.push(format!("each value in {name} must be a string"));
            messages.push(format!("{name} should not be empty"));
            Vec::new()
        }
    };
    messages.finish()?;
    Ok(ids)
}

fn object(body: &Value) -> Map<String, Value> {
    body.as_object().cloned().unwrap_or_default()
}

fn parse_status(text: &str) -> Option<PriceListStatusEnum> {
    match text {
        "active" => Some(PriceListStatusEnum::Active),
        "draft" => Some(PriceListStatusEnum::Draft),
        _ => None,
    }
}

fn parse_type(text: &str) -> Option<PriceListTypeEnum> {
    match text {
        "sale" => Some(PriceListTypeEnum::Sale),
        "override" => Some(PriceListTypeEnum::Override),
        _ => None,
    }
}

fn optional_status(
    fields: &Map<String, Value>,
    messages: &mut Messages,
) -> Option<PriceListStatusEnum> {
    match fields.get("status") {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) if parse_status(text).is_some() => parse_status(text),
        Some(_) => {
            messages.push(format!(
                "status must be one of the following values: {STATUS_VALUES}"
            ));
            None
        }
    }
}

/// `starts_at`/`ends_at`: a date string or epoch milliseconds (Medusa's `transformOptionalDate`);
/// `null` clears. `None`: absent. Medusa stores an unreadable date as given and fails with a
/// 500; here it is a 400.
fn date(
    fields: &Map<String, Value>,
    name: &str,
    messages: &mut Messages,
) -> Option<Option<Timestamp>> {
    let parsed = match fields.get(name)? {
        Value::Null => return Some(None),
        Value::Number(number) => number
            .as_f64()
            .filter(|ms| ms.is_finite() && ms.fract() == 0.0)
            .and_then(|ms| DateTime::from_timestamp_millis(ms as i64))
            .map(|dt| dt.fixed_offset()),
        Value::String(text) if !text.trim().chars().all(|c| c.is_ascii_digit()) => {
            medusa_query_dsl::parse_date(text)
        }
        _ => None,
    };
    match parsed {
        Some(ts) => Some(Some(ts)),
        None => {
            messages.push(format!("{name} must be a valid date"));
            None
        }
    }
}

/// `prices`: an array of price objects. `optional`: absent or `null` is `None`.
fn prices(
    fields: &Map<String, Value>,
    rules: PriceRules,
    optional: bool,
    messages: &mut Messages,
) -> Option<Vec<PriceInput>> {
    let items = match fields.get("prices") {
        Some(Value::Array(items)) => items,
        None | Some(Value::Null) if optional => return None,
        _ => {
            messages.push("prices must be an array");
            return None;
        }
    };
    let mut prices = Vec::with_capacity(items.len());
    let mut not_an_object = false;
    for item in items {
        if !item.is_object() {
            not_an_object = true;
            continue;
        }
        if let Some(price) = price(item, rules, messages) {
            prices.push(price);
        }
    }
    if not_an_object {
        messages.push("each value in nested property prices must be either object or array");
    }
    (prices.len() == items.len()).then_some(prices)
}

fn price(item: &Value, rules: PriceRules, messages: &mut Messages) -> Option<PriceInput> {
    let fields = object(item);
    let known = match rules {
        PriceRules::Create => CREATE_PRICE_FIELDS,
        PriceRules::Update => UPDATE_PRICE_FIELDS,
    };
    // The reader reports the unknown properties; the declared ones are checked below in the
    // request class's declaration order.
    let before = messages.0.len();
    messages.absorb(BodyReader::new(item.clone(), known));
    let id = match rules {
        PriceRules::Update => string(&fields, "id", true, messages).flatten(),
        PriceRules::Create => None,
    };
    // `@Validate(XorConstraint)` on both properties, waived by an `id` in updates.
    let region_id = text_or_none(&fields, "region_id");
    let currency_code = text_or_none(&fields, "currency_code");
    if id.is_none() && region_id.is_some() == currency_code.is_some() {
        messages.push(r#"Failed XOR relation between "region_id" and "currency_code"."#);
        messages.push(r#"Failed XOR relation between "currency_code" and "region_id"."#);
    }
    let (variant_id, amount) = match rules {
        PriceRules::Create => {
            let amount = integer(&fields, "amount", false, messages);
            (string(&fields, "variant_id", false, messages), amount)
        }
        PriceRules::Update => {
            let variant_id = string(&fields, "variant_id", false, messages);
            (variant_id, integer(&fields, "amount", false, messages))
        }
    };
    let min_quantity = integer(&fields, "min_quantity", true, messages);
    let max_quantity = integer(&fields, "max_quantity", true, messages);
    if messages.0.len() > before {
        return None;
    }
    Some(PriceInput {
        id,
        variant_id: variant_id.flatten().unwrap_or_default(),
        amount: amount.flatten().unwrap_or_default(),
        region_id,
        currency_code,
        min_quantity: min_quantity.flatten(),
        max_quantity: max_quantity.flatten(),
    })
}

/// `@IsString()` (with `@IsOptional()` when `optional`): `Some(None)` for an absent optional.
fn string(
    fields: &Map<String, Value>,
    name: &str,
    optional: bool,
    messages: &mut Messages,
) -> Option<Option<String>> {
    match fields.get(name) {
        Some(Value::String(text)) => Some(Some(text.clone())),
        None | Some(Value::Null) if optional => Some(None),
        _ => {
            messages.push(format!("{name} must be a string"));
            None
        }
    }
}

/// A truthy string property (the XOR rule reads `""` as absent).
fn text_or_none(fields: &Map<String, Value>, name: &str) -> Option<String> {
    fields
        .get(name)
        .and_then(Value::as_str)
        .filter(|text| !text.is_empty())
        .map(str::to_owned)
}

/// `@IsInt()` (with `@IsOptional()` when `optional`): `Some(None)` for an absent optional.
fn integer(
    fields: &Map<String, Value>,
    name: &str,
    optional: bool,
    messages: &mut Messages,
) -> Option<Option<i32>> {
    match fields.get(name) {
        None | Some(Value::Null) if optional => Some(None),
        Some(Value::Number(number)) => {
            let value = number.as_f64().filter(|n| n.fract() == 0.0);
            match value {
                Some(n) if n >= f64::from(i32::MIN) && n <= f64::from(i32::MAX) => {
                    Some(Some(n as i32))
                }
                _ => {
                    messages.push(format!("{name} must be an integer number"));
                    None
                }
            }
        }
        _ => {
            messages.push(format!("{name} must be an integer number"));
            None
        }
    }
}

/// `customer_groups: [{id}]`.
fn customer_groups(fields: &Map<String, Value>, messages: &mut Messages) -> Option<Vec<String>> {
    let items = match fields.get("customer_groups") {
        None | Some(Value::Null) => return None,
        Some(Value::Array(items)) => items,
        Some(_) => {
            messages.push("customer_groups must be an array");
            return None;
        }
    };
    let mut ids = Vec::with_capacity(items.len());
    let mut not_an_object = false;
    for item in items {
        if !item.is_object() {
            not_an_object = true;
            continue;
        }
        let mut reader = BodyReader::new(item.clone(), &["id"]);
        if let Some(id) = reader.string("id", false) {
            ids.push(id);
        }
        messages.absorb(reader);
    }
    if not_an_object {
        messages
            .push("each value in nested property customer_groups must be either object or array");
    }
    Some(ids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn off() -> FeatureFlags {
        FeatureFlags::default()
    }

    fn message<T: std::fmt::Debug>(result: Result<T>) -> String {
        match result {
            Err(Error::InvalidData(message)) => message,
            other => panic!("expected invalid_data, got {other:?}"),
        }
    }

    #[test]
    fn create_reports_like_medusa() {
        assert_eq!(
            message(CreatePriceList::from_body(json!({}), off())),
            "name must be a string, description must be a string, type must be one of the \
             following values: sale, override, prices must be an array"
        );
        assert_eq!(
            message(CreatePriceList::from_body(
                json!({"name": 1, "description": "y", "type": "sale", "prices": [], "status": "x"}),
                off()
            )),
            "name must be a string, status must be one of the following values: active, draft"
        );
        assert_eq!(
            message(CreatePriceList::from_body(
                json!({
                    "name": "x", "description": "y", "type": "sale",
                    "prices": [{"amount": 1, "variant_id": "v"}]
                }),
                off()
            )),
            "Failed XOR relation between \"region_id\" and \"currency_code\"., Failed XOR \
             relation between \"currency_code\" and \"region_id\"."
        );
        assert_eq!(
            message(CreatePriceList::from_body(json!({
                "name": "x", "description": "y", "type": "sale",
                "prices": [{"amount": "1", "variant_id": 5, "currency_code": "eur", "min_quantity": "a"}, 5]
            }), off())),
            "amount must be an integer number, variant_id must be a string, min_quantity must be \
             an integer number, each value in nested property prices must be either object or array"
        );
        assert_eq!(
            message(CreatePriceList::from_body(
                json!({"name": "x", "description": "y", "type": "sale", "prices": [], "includes_tax": true}),
                off()
            )),
            "includes_tax should not exist"
        );
        assert_eq!(
            message(CreatePriceList::from_body(
                json!({"name": "x", "description": "y", "type": "sale", "prices": [], "customer_groups": [{}]}),
                off()
            )),
            "id must be a string"
        );
    }

    #[test]
    fn create_reads_dates_and_prices() {
        let input = CreatePriceList::from_body(json!({
            "name": "x", "description": "y", "type": "override", "status": "active",
            "starts_at": "2024-01-01", "ends_at": 1_700_000_000_000_i64,
            "prices": [{"amount": 5, "region_id": "reg_1", "variant_id": "v", "max_quantity": 3}],
            "customer_groups": [{"id": "cg"}]
        }), off())
        .unwrap();
        assert_eq!(input.list_type, PriceListTypeEnum::Override);
        assert_eq!(input.status, Some(PriceListStatusEnum::Active));
        assert_eq!(
            input
                .starts_at
                .map(|t| medusa_core::time::format(&t))
                .as_deref(),
            Some("2024-01-01T00:00:00.000Z")
        );
        assert_eq!(
            input
                .ends_at
                .map(|t| medusa_core::time::format(&t))
                .as_deref(),
            Some("2023-11-14T22:13:20.000Z")
        );
        assert_eq!(input.prices[0].region_id.as_deref(), Some("reg_1"));
        assert_eq!(input.prices[0].max_quantity, Some(3));
        assert_eq!(input.customer_groups, Some(vec!["cg".to_owned()]));
        assert_eq!(
            message(CreatePriceList::from_body(
                json!({
                    "name": "x", "description": "y", "type": "sale", "prices": [], "starts_at": "notadate"
                }),
                off()
            )),
            "starts_at must be a valid date"
        );
    }

    #[test]
    fn update_rules() {
        assert_eq!(
            message(UpdatePriceList::from_body(json!({"foo": 1}), off())),
            "property foo should not exist"
        );
        assert_eq!(
            message(UpdatePriceList::from_body(
                json!({"prices": [{"id": "ma_x", "amount": 5}]}),
                off()
            )),
            "variant_id must be a string"
        );
        assert_eq!(
            message(UpdatePriceList::from_body(
                json!({"status": "bogus", "type": null}),
                off()
            )),
            "status must be one of the following values: active, draft"
        );
        assert_eq!(
            message(UpdatePriceList::from_body(
                json!({"type": null, "description": null}),
                off()
            )),
            "Can't insert null value in field description on insert in table price_list"
        );
        let input =
            UpdatePriceList::from_body(json!({"ends_at": null, "name": "n"}), off()).unwrap();
        assert_eq!(input.ends_at, Some(None));
        assert_eq!(input.starts_at, None);
        assert_eq!(input.name.as_deref(), Some("n"));
    }

    #[test]
    fn batch_bodies() {
        assert_eq!(
            message(AddPrices::from_body(json!({}))),
            "prices must be an array"
        );
        assert_eq!(
            message(AddPrices::from_body(
                json!({"override": "yes", "prices": []})
            )),
            "override must be a boolean value"
        );
        assert_eq!(
            message(ids_from_body(json!({}), "price_ids")),
            "each value in price_ids must be a string, price_ids should not be empty"
        );
        assert_eq!(
            message(ids_from_body(json!({"price_ids": []}), "price_ids")),
            "price_ids should not be empty"
        );
        assert_eq!(
            ids_from_body(json!({"product_ids": ["a"]}), "product_ids").unwrap(),
            vec!["a".to_owned()]
        );
    }
}
