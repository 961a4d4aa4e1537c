//! Price list request bodies, declared as Medusa's request classes declare them
//! (`AdminPostPriceListsPriceListReq`, `AdminPriceListPricesCreateReq`, ...) so a bad body gets
//! Medusa's messages in Medusa's order.

use chrono::DateTime;
use medusa_core::body::{Body, Class, Field, Rule};
use medusa_core::time::Timestamp;
use medusa_core::{Error, Flag, Result};
use medusa_entity::sea_orm_active_enums::{PriceListStatusEnum, PriceListTypeEnum};
use serde_json::{Map, Value};

const STATUS: Rule = Rule::Enum(&["active", "draft"]);
const LIST_TYPE: Rule = Rule::Enum(&["sale", "override"]);

/// `@IsInt()` on an integer column: a number outside `i32` gets the same message.
const INT: Rule = Rule::Custom {
    name: "int32",
    check: |value, _| {
        value.and_then(Value::as_f64).is_some_and(|n| {
            n.fract() == 0.0 && n >= f64::from(i32::MIN) && n <= f64::from(i32::MAX)
        })
    },
    message: "$property must be an integer number",
};

/// `starts_at`/`ends_at`: a date string or epoch milliseconds (Medusa's `transformOptionalDate`).
/// Medusa stores an unreadable date as given and fails with a 500; here it is a 400.
const DATE: Rule = Rule::Custom {
    name: "date",
    check: |value, _| value.is_some_and(|value| date(value).is_some()),
    message: "$property must be a valid date",
};

/// `@Validate(XorConstraint)`: exactly one of `region_id` and `currency_code` (a truthy
/// string), unless an update's price has an `id` (`@ValidateIf((o) => !o.id)`).
fn xor(object: &Map<String, Value>) -> bool {
    let given = |name: &str| {
        object
            .get(name)
            .and_then(Value::as_str)
            .is_some_and(|text| !text.is_empty())
    };
    given("id") || given("region_id") != given("currency_code")
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

/// `AdminPriceListPricesCreateReq` (a create body has no `id`, so the XOR always applies),
/// read into a [`PriceInput`] as an update's price is.
static CREATE_PRICE: Class = Class::new(&[
    Field::required("region_id", &[REGION_XOR]),
    Field::required("currency_code", &[CURRENCY_XOR]),
    Field::required("amount", &[INT]),
    Field::required("variant_id", &[Rule::String]),
    Field::optional("min_quantity", &[INT]),
    Field::optional("max_quantity", &[INT]),
]);

medusa_core::request! {
    /// One price of a price list as a request gives it. A price names its currency directly or
    /// through a region (whose currency it then gets), never both. Its class is Medusa's
    /// `AdminPriceListPricesUpdateReq`; a create body's prices follow `CREATE_PRICE`.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct PriceInput in UPDATE_PRICE {
        /// Only in updates: the list's price to change.
        pub id: Option<String> = optional[Rule::String],
        // The XOR rule reads `""` as absent.
        pub region_id: Option<String> = required[REGION_XOR] => non_empty,
        pub currency_code: Option<String> = required[CURRENCY_XOR] => non_empty,
        pub variant_id: String = required[Rule::String],
        pub amount: i32 = required[INT],
        pub min_quantity: Option<i32> = optional[INT],
        pub max_quantity: Option<i32> = optional[INT],
    }
}

static CUSTOMER_GROUP: Class = Class::new(&[Field::required("id", &[Rule::String])]);

medusa_core::request! {
    /// `POST /admin/price-lists` (Medusa's `AdminPostPriceListsPriceListReq`).
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct CreatePriceList in CREATE_LIST {
        pub name: String = required[Rule::String],
        pub description: String = required[Rule::String],
        pub starts_at: Option<Timestamp> = optional[DATE] => date_of,
        pub ends_at: Option<Timestamp> = optional[DATE] => date_of,
        /// `None`: `draft`, the column's default.
        pub status: Option<PriceListStatusEnum> = optional[STATUS] => status,
        pub list_type as "type": PriceListTypeEnum = required[LIST_TYPE]
            => |body, name| list_type(body, name).unwrap_or(PriceListTypeEnum::Sale),
        pub prices: Vec<PriceInput> = required[Rule::Array, Rule::EachNested(&CREATE_PRICE)],
        /// Customer group ids; `None` links none.
        pub customer_groups: Option<Vec<String>> =
            optional[Rule::Array, Rule::EachNested(&CUSTOMER_GROUP)] => |body, name| body.ids(name),
        /// Only with the tax-inclusive pricing flag on.
        pub includes_tax: Option<bool> = flagged(Flag::TaxInclusivePricing)[Rule::Boolean],
    }
}

medusa_core::request! {
    /// `POST /admin/price-lists/{id}`: `None` leaves a field alone. Prices with an `id` change that
    /// price of the list, the others are added (nothing is removed); `customer_groups` replaces the
    /// list's groups.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct UpdatePriceList in UPDATE_LIST {
        pub name: Option<String> = optional[Rule::String],
        pub description: Option<String> = optional[Rule::String],
        /// `Some(None)` clears the date.
        pub starts_at: Option<Option<Timestamp>> = optional[DATE]
            => |body, name| body.patch(name, date_of),
        pub ends_at: Option<Option<Timestamp>> = optional[DATE]
            => |body, name| body.patch(name, date_of),
        pub status: Option<PriceListStatusEnum> = optional[STATUS] => status,
        pub list_type as "type": Option<PriceListTypeEnum> = optional[LIST_TYPE] => list_type,
        pub prices: Option<Vec<PriceInput>> =
            optional[Rule::Array, Rule::EachNested(&UPDATE_PRICE)],
        pub customer_groups: Option<Vec<String>> =
            optional[Rule::Array, Rule::EachNested(&CUSTOMER_GROUP)] => |body, name| body.ids(name),
        /// Only with the tax-inclusive pricing flag on.
        pub includes_tax: Option<bool> = flagged(Flag::TaxInclusivePricing)[Rule::Boolean],
    } then no_nulls
}

/// The optional validators let `null` through to columns that refuse it; Medusa then reports
/// the database's not-null failure for the first such column.
fn no_nulls(input: UpdatePriceList, body: &Body) -> Result<UpdatePriceList> {
    for column in ["name", "description", "type", "status"] {
        if body.is_null(column) {
            return Err(Error::invalid_data(format!(
                "Can't insert null value in field {column} on insert in table price_list"
            )));
        }
    }
    Ok(input)
}

medusa_core::request! {
    /// `POST /admin/price-lists/{id}/prices/batch` (Medusa's `AdminPostPriceListPricesPricesReq`).
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct AddPrices in ADD_PRICES {
        pub prices: Vec<PriceInput> = required[Rule::Array, Rule::EachNested(&UPDATE_PRICE)],
        /// Replace every other price of the list with these.
        pub replace as "override": bool = optional[Rule::Boolean],
    }
}

const IDS: &[Rule] = &[Rule::Each(&Rule::String), Rule::ArrayNotEmpty];
static PRICE_IDS: Class = Class::new(&[Field::required("price_ids", IDS)]);
static PRODUCT_IDS: Class = Class::new(&[Field::required("product_ids", IDS)]);

/// `{ price_ids | product_ids: [string, ...] }`, the id lists of the batch deletions.
pub fn ids_from_body(body: Value, name: &str) -> Result<Vec<String>> {
    let class = if name == "price_ids" {
        &PRICE_IDS
    } else {
        &PRODUCT_IDS
    };
    Ok(class.read(body)?.strings(name).unwrap_or_default())
}

fn status(body: &Body, name: &str) -> Option<PriceListStatusEnum> {
    match body.string(name)?.as_str() {
        "active" => Some(PriceListStatusEnum::Active),
        "draft" => Some(PriceListStatusEnum::Draft),
        _ => None,
    }
}

fn list_type(body: &Body, name: &str) -> Option<PriceListTypeEnum> {
    match body.string(name)?.as_str() {
        "sale" => Some(PriceListTypeEnum::Sale),
        "override" => Some(PriceListTypeEnum::Override),
        _ => None,
    }
}

fn date_of(body: &Body, name: &str) -> Option<Timestamp> {
    body.value(name).and_then(date)
}

/// A date string or epoch milliseconds.
fn date(value: &Value) -> Option<Timestamp> {
    match value {
        Value::Number(number) => number
            .as_f64()
            .filter(|ms| ms.is_finite() && ms.fract() == 0.0)
            .and_then(|ms| DateTime::from_timestamp_millis(ms as i64))
            .map(|dt| dt.fixed_offset()),
        Value::String(text) if !text.trim().chars().all(|c| c.is_ascii_digit()) => {
            medusa_query_dsl::parse_date(text)
        }
        _ => None,
    }
}

fn non_empty(body: &Body, name: &str) -> Option<String> {
    body.string(name).filter(|text| !text.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use medusa_core::FeatureFlags;
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
            message(CreatePriceList::from_body_with(json!({}), off())),
            "name must be a string, description must be a string, type must be one of the \
             following values: sale, override, prices must be an array"
        );
        assert_eq!(
            message(CreatePriceList::from_body_with(
                json!({"name": 1, "description": "y", "type": "sale", "prices": [], "status": "x"}),
                off()
            )),
            "name must be a string, status must be one of the following values: active, draft"
        );
        assert_eq!(
            message(CreatePriceList::from_body_with(
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
            message(CreatePriceList::from_body_with(json!({
                "name": "x", "description": "y", "type": "sale",
                "prices": [{"amount": "1", "variant_id": 5, "currency_code": "eur", "min_quantity": "a"}, 5]
            }), off())),
            "amount must be an integer number, variant_id must be a string, min_quantity must be \
             an integer number, each value in nested property prices must be either object or array"
        );
        assert_eq!(
            message(CreatePriceList::from_body_with(
                json!({"name": "x", "description": "y", "type": "sale", "prices": [], "includes_tax": true}),
                off()
            )),
            "includes_tax should not exist"
        );
        assert_eq!(
            message(CreatePriceList::from_body_with(
                json!({"name": "x", "description": "y", "type": "sale", "prices": [], "customer_groups": [{}]}),
                off()
            )),
            "id must be a string"
        );
    }

    #[test]
    fn create_reads_dates_and_prices() {
        let input = CreatePriceList::from_body_with(json!({
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
            message(CreatePriceList::from_body_with(
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
            message(UpdatePriceList::from_body_with(json!({"foo": 1}), off())),
            "property foo should not exist"
        );
        assert_eq!(
            message(UpdatePriceList::from_body_with(
                json!({"prices": [{"id": "ma_x", "amount": 5}]}),
                off()
            )),
            "variant_id must be a string"
        );
        assert_eq!(
            message(UpdatePriceList::from_body_with(
                json!({"status": "bogus", "type": null}),
                off()
            )),
            "status must be one of the following values: active, draft"
        );
        assert_eq!(
            message(UpdatePriceList::from_body_with(
                json!({"type": null, "description": null}),
                off()
            )),
            "Can't insert null value in field description on insert in table price_list"
        );
        let input =
            UpdatePriceList::from_body_with(json!({"ends_at": null, "name": "n"}), off()).unwrap();
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
