//! Discount and gift card request bodies, declared as Medusa's request classes declare them
//! (`AdminPostDiscountsReq`, `AdminUpsertConditionsReq`, `AdminPostGiftCardsReq`, ...) so a
//! bad body gets Medusa's messages in Medusa's order.

use chrono::DateTime;
use medusa_core::body::{Body, Class, Field, Rule};
use medusa_core::patch::Patch;
use medusa_core::time::Timestamp;
use medusa_core::{Error, FeatureFlags, Result};
use medusa_entity::sea_orm_active_enums::{
    DiscountConditionOperatorEnum, DiscountConditionTypeEnum, DiscountRuleAllocationEnum,
    DiscountRuleTypeEnum,
};
use serde_json::{Map, Value};

pub use crate::duration::{duration_seconds, is_iso_duration};

/// `@IsDate() @Type(() => Date)`: whatever `new Date(value)` reads.
const DATE: Rule = Rule::Custom {
    name: "date",
    check: |value, _| value.is_some_and(|value| date(value).is_some()),
    message: "$property must be a Date instance",
};

/// `@IsGreaterThan("starts_at")` on `ends_at`.
const AFTER_START: Rule = Rule::Custom {
    name: "greater_than",
    check: |value, object| match object.get("starts_at").filter(|v| !v.is_null()) {
        Some(start) => match (value.and_then(date), date(start)) {
            (Some(end), Some(start)) => end > start,
            _ => false,
        },
        None => value.is_some_and(|value| !value.is_null()),
    },
    message: r#""$property" must be greater than "starts_at""#,
};

/// `@IsISO8601Duration()`.
const DURATION: Rule = Rule::Custom {
    name: "duration",
    check: |value, _| value.and_then(Value::as_str).is_some_and(is_iso_duration),
    message: r#""$property" must be a valid ISO 8601 duration"#,
};

/// `@IsPositive()`.
const POSITIVE: Rule = Rule::Custom {
    name: "positive",
    check: |value, _| value.and_then(Value::as_f64).is_some_and(|n| n > 0.0),
    message: "$property must be a positive number",
};

const RULE_TYPES: &[&str] = &["fixed", "percentage", "free_shipping"];
const ALLOCATIONS: &[&str] = &["total", "item"];
const RULE_TYPE: Rule = Rule::Message(
    &Rule::Enum(RULE_TYPES),
    r#"Invalid rule type, must be one of "fixed", "percentage" or "free_shipping""#,
);
const ALLOCATION: Rule = Rule::Message(
    &Rule::Enum(ALLOCATIONS),
    r#"Invalid allocation type, must be one of "total" or "item""#,
);

/// The resource lists of a condition, each with the others `@Validate(ExactlyOne, ...)`
/// names, in Medusa's order.
const RESOURCES: [(&str, [&str; 4]); 5] = [
    (
        "products",
        [
            "product_collections",
            "product_types",
            "product_tags",
            "customer_groups",
        ],
    ),
    (
        "product_collections",
        [
            "products",
            "product_types",
            "product_tags",
            "customer_groups",
        ],
    ),
    (
        "product_types",
        [
            "product_collections",
            "products",
            "product_tags",
            "customer_groups",
        ],
    ),
    (
        "product_tags",
        [
            "product_collections",
            "product_types",
            "products",
            "customer_groups",
        ],
    ),
    (
        "customer_groups",
        [
            "product_collections",
            "product_types",
            "products",
            "product_tags",
        ],
    ),
];

/// Marks an `ExactlyOne` failure; [`exactly_one_messages`] writes Medusa's text for it, which
/// names the other lists given.
const EXACTLY_ONE_MARK: &str = "\u{1}exactly-one";

const fn exactly_one(index: usize) -> Rule {
    Rule::Custom {
        name: "exactly_one",
        check: match index {
            0 => |v, o| exactly_one_holds(v, o, &RESOURCES[0].1),
            1 => |v, o| exactly_one_holds(v, o, &RESOURCES[1].1),
            2 => |v, o| exactly_one_holds(v, o, &RESOURCES[2].1),
            3 => |v, o| exactly_one_holds(v, o, &RESOURCES[3].1),
            _ => |v, o| exactly_one_holds(v, o, &RESOURCES[4].1),
        },
        message: "$property\u{1}exactly-one",
    }
}

fn exactly_one_holds(value: Option<&Value>, object: &Map<String, Value>, others: &[&str]) -> bool {
    value.is_none_or(Value::is_null) || others.iter().all(|o| defined(object.get(*o)).is_none())
}

fn defined(value: Option<&Value>) -> Option<&Value> {
    value.filter(|v| !v.is_null())
}

/// The subclass's own properties come first: class-validator reports them before the
/// inherited `AdminUpsertConditionsReq` lists.
macro_rules! resource_fields {
    ($($extra:expr),* $(,)?) => {
        &[
            $($extra,)*
            Field::optional("products", &[Rule::Each(&Rule::String), Rule::Array, exactly_one(0)]),
            Field::optional("product_collections", &[Rule::Each(&Rule::String), Rule::Array, exactly_one(1)]),
            Field::optional("product_types", &[Rule::Each(&Rule::String), Rule::Array, exactly_one(2)]),
            Field::optional("product_tags", &[Rule::Each(&Rule::String), Rule::Array, exactly_one(3)]),
            Field::optional("customer_groups", &[Rule::Each(&Rule::String), Rule::Array, exactly_one(4)]),
        ]
    };
}

/// `AdminCreateCondition` / `AdminPostDiscountsDiscountConditions`.
static CREATE_CONDITION: Class = Class::new(resource_fields!(Field::required(
    "operator",
    &[Rule::String]
)));
/// `AdminUpsertCondition` (a discount update's conditions).
static UPSERT_CONDITION: Class = Class::new(resource_fields!(
    Field::optional("id", &[Rule::String]),
    Field::optional("operator", &[Rule::String]),
));
/// `AdminPostDiscountsDiscountConditionsCondition`.
static UPDATE_CONDITION: Class = Class::new(resource_fields!());

static BATCH: Class = Class::new(&[Field::required("resources", &[Rule::Array])]);

/// A condition as a request gives it: the resource list that decides its type, and its
/// operator. `kind` is `None` when no list holds an id (Medusa then refuses it in the service).
#[derive(Debug, Clone, PartialEq)]
pub struct ConditionInput {
    pub id: Option<String>,
    pub operator: Option<DiscountConditionOperatorEnum>,
    /// The operator text as given (Medusa quotes it in its duplicate message).
    pub operator_text: Option<String>,
    pub kind: Option<(DiscountConditionTypeEnum, Vec<String>)>,
}

medusa_core::request! {
    /// A new discount's `rule` (read with the discount, or on its own).
    #[derive(Debug, Clone, PartialEq)]
    pub struct RuleInput in CREATE_RULE read with accept_rule {
        pub description: Option<String> = optional[Rule::String],
        pub kind as "type": DiscountRuleTypeEnum = required[RULE_TYPE]
            => |body, name| rule_type(&body.string(name).unwrap_or_default()),
        pub value: f64 = required[Rule::Number],
        pub allocation: DiscountRuleAllocationEnum = required[ALLOCATION] => |body, name| {
            allocation(&body.string(name).unwrap_or_default())
                .unwrap_or(DiscountRuleAllocationEnum::Total)
        },
        pub conditions: Vec<ConditionInput> = optional[
            Rule::EachNested(&CREATE_CONDITION),
            Rule::Array,
        ] => conditions,
    }
}

medusa_core::request! {
    /// A discount update's `rule`, read with the update (as [`RuleInput`]).
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct UpdateRule in UPDATE_RULE read with accept_rule {
        pub id: String = required[Rule::NotEmpty, Rule::String],
        pub description: Option<String> = optional[Rule::String],
        pub value: Option<f64> = optional[Rule::Number],
        pub allocation: Option<DiscountRuleAllocationEnum> = optional[ALLOCATION]
            => |body, name| body.string(name).and_then(|a| allocation(&a)),
        pub conditions: Vec<ConditionInput> = optional[
            Rule::EachNested(&UPSERT_CONDITION),
            Rule::Array,
        ] => conditions,
    }
}

/// Reads a discount body, writing Medusa's `ExactlyOne` messages for its rule's conditions.
fn accept_discount(class: &Class, body: Value, flags: FeatureFlags) -> Result<Body> {
    let conditions = nested_conditions(&body, "rule", "conditions");
    read(class, body, flags, &conditions)
}

/// Reads a rule body on its own, writing the `ExactlyOne` messages of its conditions.
fn accept_rule(class: &Class, body: Value, flags: FeatureFlags) -> Result<Body> {
    let conditions = conditions_of(&body, "conditions");
    read(class, body, flags, &conditions)
}

/// A discount's `is_dynamic` or `is_disabled`: absent is `false`, `null` is `None`.
fn flag(body: &Body, name: &str) -> Option<bool> {
    body.patch(name, Body::boolean).unwrap_or(Some(false))
}

medusa_core::request! {
    /// `POST /admin/discounts`.
    #[derive(Debug, Clone, PartialEq)]
    pub struct CreateDiscount in CREATE_DISCOUNT read with accept_discount {
        pub code: String = required[Rule::NotEmpty, Rule::String],
        pub rule: RuleInput = required[Rule::NotEmpty, Rule::Nested(&CREATE_RULE)]
            => |body, name| RuleInput::from_accepted(&body.nested(name).unwrap_or_default()),
        /// `None`: given as `null` (absent is `false`), which the column refuses.
        pub is_dynamic: Option<bool> = optional[Rule::Boolean] => flag,
        /// As `is_dynamic`.
        pub is_disabled: Option<bool> = optional[Rule::Boolean] => flag,
        pub starts_at: Option<Timestamp> = optional[DATE] => timestamp,
        pub ends_at: Option<Timestamp> = optional[AFTER_START, DATE] => timestamp,
        pub valid_duration: Option<String> = optional[DURATION],
        pub usage_limit: Option<f64> = optional[POSITIVE, Rule::Number],
        pub regions: Vec<String> = required[Rule::Each(&Rule::String), Rule::Array],
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
    }
}

medusa_core::request! {
    /// `POST /admin/discounts/{id}`; `Patch` fields may be set to `null`.
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct UpdateDiscount in UPDATE_DISCOUNT read with accept_discount {
        pub code: Option<String> = optional[Rule::String],
        pub rule: Option<UpdateRule> = optional[Rule::Nested(&UPDATE_RULE)]
            => |body, name| body.nested(name).as_ref().map(UpdateRule::from_accepted),
        pub is_disabled: Option<bool> = optional[Rule::Boolean],
        pub starts_at: Option<Timestamp> = optional[DATE] => timestamp,
        pub ends_at: Patch<Timestamp> = optional[AFTER_START, DATE]
            => |body, name| body.patch(name, timestamp),
        pub valid_duration: Patch<String> = optional[DURATION],
        pub usage_limit: Patch<f64> = optional[POSITIVE, Rule::Number],
        pub regions: Option<Vec<String>> = optional[Rule::Each(&Rule::String), Rule::Array],
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
    }
}

medusa_core::request! {
    #[derive(Debug, Clone, PartialEq)]
    pub struct CreateDynamicCode in DYNAMIC_CODE {
        pub code: String = required[Rule::NotEmpty, Rule::String],
        check "usage_limit" = optional[Rule::Number],
        pub metadata: Option<Map<String, Value>> = optional[Rule::Object],
    }
}

/// `resources: [{id}]` of the condition batch routes.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchResources(pub Vec<String>);

medusa_core::request! {
    #[derive(Debug, Clone, PartialEq)]
    pub struct CreateGiftCard in CREATE_GIFT_CARD {
        pub value: Option<i32> = optional[Rule::Int],
        pub ends_at: Option<Timestamp> = optional[DATE] => timestamp,
        pub is_disabled: Option<bool> = optional[Rule::Boolean],
        pub region_id: String = required[Rule::String],
        pub metadata: Option<Map<String, Value>> = optional[],
    }
}

medusa_core::request! {
    #[derive(Debug, Clone, Default, PartialEq)]
    pub struct UpdateGiftCard in UPDATE_GIFT_CARD {
        pub balance: Option<i32> = optional[Rule::Int],
        pub is_disabled: Option<bool> = optional[Rule::Boolean],
        pub ends_at: Patch<Timestamp> = optional[DATE] => |body, name| body.patch(name, timestamp),
        pub region_id: Option<String> = optional[Rule::String],
        pub metadata: Option<Map<String, Value>> = optional[],
    }
}

impl ConditionInput {
    /// `POST /admin/discounts/{id}/conditions`.
    pub fn create_from_body(body: Value) -> Result<Self> {
        let marks = vec![body.as_object().cloned().unwrap_or_default()];
        Ok(condition(&read(
            &CREATE_CONDITION,
            body,
            FeatureFlags::default(),
            &marks,
        )?))
    }

    /// `POST /admin/discounts/{id}/conditions/{condition_id}`.
    pub fn update_from_body(body: Value) -> Result<Self> {
        let marks = vec![body.as_object().cloned().unwrap_or_default()];
        Ok(condition(&read(
            &UPDATE_CONDITION,
            body,
            FeatureFlags::default(),
            &marks,
        )?))
    }
}

impl BatchResources {
    pub fn from_body(body: Value) -> Result<Self> {
        let body = BATCH.read(body)?;
        let ids = body
            .value("resources")
            .and_then(Value::as_array)
            .map(|items| items.iter().filter_map(resource_id).collect())
            .unwrap_or_default();
        Ok(Self(ids))
    }
}

/// Reads `body` against `class`, writing Medusa's `ExactlyOne` messages for the condition
/// objects `conditions` (in the order their messages come out).
fn read(
    class: &Class,
    body: Value,
    flags: FeatureFlags,
    conditions: &[Map<String, Value>],
) -> Result<Body> {
    class.read_with(body, flags).map_err(|err| match err {
        Error::InvalidData(message) if message.contains(EXACTLY_ONE_MARK) => {
            Error::InvalidData(exactly_one_messages(&message, conditions))
        }
        other => other,
    })
}

/// The condition objects of `body[outer][inner]`, in order.
fn nested_conditions(body: &Value, outer: &str, inner: &str) -> Vec<Map<String, Value>> {
    body.get(outer)
        .map_or_else(Vec::new, |rule| conditions_of(rule, inner))
}

/// The condition objects of `body[name]`, in order.
fn conditions_of(body: &Value, name: &str) -> Vec<Map<String, Value>> {
    body.get(name)
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|c| c.as_object().cloned())
                .collect()
        })
        .unwrap_or_default()
}

/// Replaces each `ExactlyOne` mark with "Only one of <property>, <others given> is allowed",
/// taking the condition objects in order.
fn exactly_one_messages(message: &str, conditions: &[Map<String, Value>]) -> String {
    let mut failures = conditions.iter().flat_map(|object| {
        RESOURCES.iter().filter_map(move |(name, others)| {
            defined(object.get(*name))?;
            let given: Vec<&str> = others
                .iter()
                .copied()
                .filter(|o| defined(object.get(*o)).is_some())
                .collect();
            (!given.is_empty())
                .then(|| format!("Only one of {name}, {} is allowed", given.join(", ")))
        })
    });
    message
        .split(", ")
        .map(|part| {
            if part.ends_with(EXACTLY_ONE_MARK) {
                failures
                    .next()
                    .unwrap_or_else(|| part.replace(EXACTLY_ONE_MARK, " is not allowed"))
            } else {
                part.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Medusa's `resolveConditionType_`: the first non-empty list decides the type.
fn condition(body: &Body) -> ConditionInput {
    let kind = RESOURCES.iter().find_map(|(name, _)| {
        let ids: Vec<String> = body
            .value(name)
            .and_then(Value::as_array)
            .map(|items| items.iter().filter_map(resource_id).collect())
            .unwrap_or_default();
        (!ids.is_empty()).then(|| (condition_type(name), ids))
    });
    let operator_text = body.string("operator");
    ConditionInput {
        id: body.string("id"),
        operator: operator_text.as_deref().and_then(operator),
        operator_text,
        kind,
    }
}

fn conditions(body: &Body, name: &str) -> Vec<ConditionInput> {
    body.each(name)
        .map(|c| c.iter().map(condition).collect())
        .unwrap_or_default()
}

/// An id given as a string or as `{ id }`.
fn resource_id(item: &Value) -> Option<String> {
    match item {
        Value::String(id) => Some(id.clone()),
        Value::Object(object) => object.get("id").and_then(Value::as_str).map(str::to_owned),
        _ => None,
    }
}

pub(crate) fn condition_type(name: &str) -> DiscountConditionTypeEnum {
    match name {
        "products" => DiscountConditionTypeEnum::Products,
        "product_types" => DiscountConditionTypeEnum::ProductTypes,
        "product_collections" => DiscountConditionTypeEnum::ProductCollections,
        "product_tags" => DiscountConditionTypeEnum::ProductTags,
        _ => DiscountConditionTypeEnum::CustomerGroups,
    }
}

fn operator(text: &str) -> Option<DiscountConditionOperatorEnum> {
    match text {
        "in" => Some(DiscountConditionOperatorEnum::In),
        "not_in" => Some(DiscountConditionOperatorEnum::NotIn),
        _ => None,
    }
}

fn rule_type(text: &str) -> DiscountRuleTypeEnum {
    match text {
        "fixed" => DiscountRuleTypeEnum::Fixed,
        "free_shipping" => DiscountRuleTypeEnum::FreeShipping,
        _ => DiscountRuleTypeEnum::Percentage,
    }
}

fn allocation(text: &str) -> Option<DiscountRuleAllocationEnum> {
    match text {
        "total" => Some(DiscountRuleAllocationEnum::Total),
        "item" => Some(DiscountRuleAllocationEnum::Item),
        _ => None,
    }
}

fn timestamp(body: &Body, name: &str) -> Option<Timestamp> {
    body.value(name).and_then(date)
}

/// `new Date(value)` of a string or epoch milliseconds.
fn date(value: &Value) -> Option<Timestamp> {
    match value {
        Value::Number(number) => number
            .as_f64()
            .filter(|ms| ms.is_finite())
            .and_then(|ms| DateTime::from_timestamp_millis(ms as i64))
            .map(|dt| dt.fixed_offset()),
        Value::String(text) => medusa_query_dsl::js_date::parse(text).map(|dt| dt.fixed_offset()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn message(result: Result<impl std::fmt::Debug>) -> String {
        match result.unwrap_err() {
            Error::InvalidData(message) => message,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn create_messages_follow_medusa() {
        assert_eq!(
            message(CreateDiscount::from_body(json!({}))),
            "code should not be empty, code must be a string, rule should not be empty, each value in regions must be a string, regions must be an array"
        );
        assert_eq!(
            message(CreateDiscount::from_body(
                json!({"code": "A", "rule": {"type": "fixed", "value": 1, "allocation": "total"}, "regions": ["r"], "starts_at": "2025-01-01", "ends_at": "2024-01-01", "valid_duration": "xx", "usage_limit": 0})
            )),
            r#""ends_at" must be greater than "starts_at", "valid_duration" must be a valid ISO 8601 duration, usage_limit must be a positive number"#
        );
        assert_eq!(
            message(CreateDiscount::from_body(json!({"code": "A", "rule": {"type": "fixed", "value": 1, "allocation": "total", "conditions": [{"operator": "in", "products": ["a"], "product_tags": ["b"]}]}, "regions": ["r"], "starts_at": "garbage", "foo": 1}))),
            "property foo should not exist, Only one of products, product_tags is allowed, Only one of product_tags, products is allowed, starts_at must be a Date instance"
        );
    }

    #[test]
    fn a_rule_read_on_its_own_writes_the_same_messages() {
        assert_eq!(
            message(RuleInput::from_body(json!({"type": "fixed", "value": 1, "allocation": "total", "conditions": [{"operator": "in", "products": ["a"], "product_tags": ["b"]}]}))),
            "Only one of products, product_tags is allowed, Only one of product_tags, products is allowed"
        );
    }
}
