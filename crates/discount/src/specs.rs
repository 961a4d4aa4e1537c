//! The query specs of the discount and gift card routes, and the discount list's `rule[...]`
//! filters the grammar cannot express.

use medusa_core::{Error, Result};
use medusa_entity::sea_orm_active_enums::{DiscountRuleAllocationEnum, DiscountRuleTypeEnum};
use medusa_query_dsl::{
    Column, FieldKind, FilterSpec, ListPlan, Pagination, RawQuery, RawValue, RelationSpec,
    ResourceSpec,
};
use sea_orm::{DbBackend, Order};

const DISCOUNT_FIELDS: &[&str] = &[
    "id",
    "code",
    "is_dynamic",
    "is_disabled",
    "rule_id",
    "parent_discount_id",
    "usage_limit",
    "usage_count",
    "starts_at",
    "ends_at",
    "created_at",
    "updated_at",
    "deleted_at",
    "metadata",
    "valid_duration",
];

const PRODUCT_RELATIONS: &[RelationSpec] = &[RelationSpec::new("profiles")];

const CONDITION_RESOURCES: &[RelationSpec] = &[
    RelationSpec::new("products").children(PRODUCT_RELATIONS),
    RelationSpec::new("product_types"),
    RelationSpec::new("product_collections"),
    RelationSpec::new("product_tags"),
    RelationSpec::new("customer_groups"),
];

const DISCOUNT_RELATIONS: &[RelationSpec] = &[
    RelationSpec::new("parent_discount"),
    RelationSpec::new("regions"),
    RelationSpec::new("rule")
        .children(&[RelationSpec::new("conditions").children(CONDITION_RESOURCES)]),
];

const DISCOUNT_DEFAULT_RELATIONS: &[&str] =
    &["parent_discount", "regions", "rule", "rule.conditions"];

/// `GET /admin/discounts`: Medusa's `AdminGetDiscountsParams` (limit 20). `q` searches the
/// code; `rule[type]`/`rule[allocation]` are read by [`DiscountQuery`].
pub static DISCOUNT_LIST: ResourceSpec = ResourceSpec {
    pagination: Some(Pagination {
        default_limit: 20,
        max_limit: None,
    }),
    default_order: &[("created_at", Order::Desc)],
    sortable: DISCOUNT_FIELDS,
    filters: &[
        FilterSpec::value("is_dynamic", FieldKind::Bool),
        FilterSpec::value("is_disabled", FieldKind::Bool),
        FilterSpec::range("created_at", FieldKind::Date),
        FilterSpec::range("updated_at", FieldKind::Date),
    ],
    searchable: &[Column::own("code")],
    expandable: true,
    relations: DISCOUNT_RELATIONS,
    default_relations: DISCOUNT_DEFAULT_RELATIONS,
    selectable: DISCOUNT_FIELDS,
    default_fields: DISCOUNT_FIELDS,
    list_fields: &["created_at"],
    soft_delete: true,
    passthrough: &["rule"],
    ..ResourceSpec::new("discounts", "discount")
};

/// `GET /admin/discounts/{id}`, `/code/{code}` and the query of every discount write.
pub static DISCOUNT_RETRIEVE: ResourceSpec = ResourceSpec {
    expandable: true,
    relations: DISCOUNT_RELATIONS,
    default_relations: DISCOUNT_DEFAULT_RELATIONS,
    selectable: DISCOUNT_FIELDS,
    default_fields: DISCOUNT_FIELDS,
    soft_delete: true,
    ..ResourceSpec::new("discount", "discount")
};

const CONDITION_FIELDS: &[&str] = &[
    "id",
    "type",
    "operator",
    "discount_rule_id",
    "created_at",
    "updated_at",
    "deleted_at",
    "metadata",
];

const CONDITION_RELATIONS: &[RelationSpec] = &[
    RelationSpec::new("discount_rule"),
    RelationSpec::new("products").children(PRODUCT_RELATIONS),
    RelationSpec::new("product_types"),
    RelationSpec::new("product_collections"),
    RelationSpec::new("product_tags"),
    RelationSpec::new("customer_groups"),
];

/// `GET /admin/discounts/{id}/conditions/{condition_id}`.
pub static CONDITION_RETRIEVE: ResourceSpec = ResourceSpec {
    expandable: true,
    relations: CONDITION_RELATIONS,
    default_relations: &["discount_rule"],
    selectable: CONDITION_FIELDS,
    default_fields: &[
        "id",
        "type",
        "operator",
        "discount_rule_id",
        "created_at",
        "updated_at",
    ],
    soft_delete: true,
    ..ResourceSpec::new("discount_condition", "discount_condition")
};

const GIFT_CARD_FIELDS: &[&str] = &[
    "id",
    "code",
    "value",
    "balance",
    "region_id",
    "is_disabled",
    "ends_at",
    "tax_rate",
    "created_at",
    "updated_at",
    "deleted_at",
    "metadata",
];

const GIFT_CARD_SELECTABLE: &[&str] = &[
    "id",
    "code",
    "value",
    "balance",
    "region_id",
    "order_id",
    "is_disabled",
    "ends_at",
    "tax_rate",
    "created_at",
    "updated_at",
    "deleted_at",
    "metadata",
];

const GIFT_CARD_RELATIONS: &[RelationSpec] =
    &[RelationSpec::new("region"), RelationSpec::new("order")];

/// `GET /admin/gift-cards`: Medusa's `AdminGetGiftCardsParams` (limit 50, `q` on the code and
/// the order's display id; no filters, no `fields` or `expand`).
pub static GIFT_CARD_LIST: ResourceSpec = ResourceSpec {
    pagination: Some(Pagination {
        default_limit: 50,
        max_limit: None,
    }),
    default_order: &[("created_at", Order::Desc)],
    sortable: GIFT_CARD_SELECTABLE,
    searchable: &[
        Column::own("code"),
        Column::of("order", "display_id").text(),
    ],
    // Medusa validates this query against `AdminGetGiftCardsParams` alone: `fields` and
    // `expand` "should not exist".
    expandable: false,
    relations: GIFT_CARD_RELATIONS,
    default_relations: &["region", "order"],
    selectable: &[],
    default_fields: GIFT_CARD_FIELDS,
    list_fields: &["created_at"],
    soft_delete: true,
    ..ResourceSpec::new("gift_cards", "gift_card")
};

/// `GET /admin/gift-cards/{id}` (Medusa takes no query there: always the defaults).
pub static GIFT_CARD_RETRIEVE: ResourceSpec = ResourceSpec {
    relations: GIFT_CARD_RELATIONS,
    default_relations: &["region", "order"],
    selectable: GIFT_CARD_SELECTABLE,
    default_fields: GIFT_CARD_FIELDS,
    soft_delete: true,
    ..ResourceSpec::new("gift_card", "gift_card")
};

/// A planned `GET /admin/discounts`: the grammar's plan plus `rule[type]`/`rule[allocation]`.
#[derive(Debug, Clone)]
pub struct DiscountQuery {
    pub plan: ListPlan,
    pub rule_type: Option<DiscountRuleTypeEnum>,
    pub rule_allocation: Option<DiscountRuleAllocationEnum>,
}

impl DiscountQuery {
    pub fn parse(query_string: &str, backend: DbBackend) -> Result<Self> {
        let raw: RawQuery = medusa_query_dsl::parse(query_string)?;
        let plan = medusa_query_dsl::plan(&DISCOUNT_LIST, &raw, backend)?;
        let mut query = Self {
            plan,
            rule_type: None,
            rule_allocation: None,
        };
        let Some(rule) = raw.get("rule") else {
            return Ok(query);
        };
        let RawValue::Map(members) = rule else {
            return Err(Error::invalid_data(
                "nested property rule must be either object or array",
            ));
        };
        let mut errors = Vec::new();
        for (name, value) in members {
            let text = value.as_text();
            match name.as_str() {
                "type" => match text {
                    Some("fixed") => query.rule_type = Some(DiscountRuleTypeEnum::Fixed),
                    Some("percentage") => query.rule_type = Some(DiscountRuleTypeEnum::Percentage),
                    Some("free_shipping") => {
                        query.rule_type = Some(DiscountRuleTypeEnum::FreeShipping)
                    }
                    _ => errors.push(
                        "type must be one of the following values: fixed, percentage, free_shipping"
                            .to_owned(),
                    ),
                },
                "allocation" => match text {
                    Some("total") => query.rule_allocation = Some(DiscountRuleAllocationEnum::Total),
                    Some("item") => query.rule_allocation = Some(DiscountRuleAllocationEnum::Item),
                    _ => errors.push(
                        "allocation must be one of the following values: total, item".to_owned(),
                    ),
                },
                other => errors.push(format!("property rule[{other}] should not exist")),
            }
        }
        if errors.is_empty() {
            Ok(query)
        } else {
            Err(Error::invalid_data(errors.join(", ")))
        }
    }
}
