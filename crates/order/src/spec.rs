//! What `GET /admin/orders` and `GET /admin/orders/{id}` accept: Medusa's
//! `AdminGetOrdersParams` and `FindParams`, with the route's default fields and relations
//! (`defaultAdminOrdersFields`, `defaultAdminOrdersRelations`, plus `sales_channel` under the
//! sales-channels flag), and the plan of one request.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};

use medusa_core::Result;
use medusa_query_dsl::{
    Column, FieldKind, FilterSpec, Forms, ListPlan, Pagination, RawQuery, RawValue, RelationSpec,
    ResourceSpec, Selection,
};
use sea_orm::{DbBackend, Order};

use crate::shape::{all_fields, shape, Shape};

const STATUS: FieldKind = FieldKind::Enum {
    type_name: "order_status_enum",
    values: &[
        "pending",
        "completed",
        "archived",
        "canceled",
        "requires_action",
    ],
};
const FULFILLMENT_STATUS: FieldKind = FieldKind::Enum {
    type_name: "order_fulfillment_status_enum",
    values: &[
        "not_fulfilled",
        "partially_fulfilled",
        "fulfilled",
        "partially_shipped",
        "shipped",
        "partially_returned",
        "returned",
        "canceled",
        "requires_action",
    ],
};
const PAYMENT_STATUS: FieldKind = FieldKind::Enum {
    type_name: "order_payment_status_enum",
    values: &[
        "not_paid",
        "awaiting",
        "captured",
        "partially_refunded",
        "refunded",
        "canceled",
        "requires_action",
    ],
};

/// `@IsArray()` filters: a list, never a bare value.
const fn list_only(param: &'static str, kind: FieldKind) -> FilterSpec {
    FilterSpec {
        forms: Forms {
            value: false,
            list: true,
            range: false,
            pattern: false,
        },
        ..FilterSpec::value(param, kind)
    }
}

/// Every column of the `order` table: what `fields` and `order` may name.
const ORDER_COLUMNS: &[&str] = &[
    "id",
    "status",
    "fulfillment_status",
    "payment_status",
    "display_id",
    "cart_id",
    "customer_id",
    "email",
    "billing_address_id",
    "shipping_address_id",
    "region_id",
    "currency_code",
    "tax_rate",
    "canceled_at",
    "created_at",
    "updated_at",
    "metadata",
    "idempotency_key",
    "draft_order_id",
    "no_notification",
    "external_id",
    "sales_channel_id",
];

/// `fields` entries that ask for totals (Medusa's `totalFields`).
pub const TOTAL_FIELD_PATHS: &[&str] = &[
    "subtotal",
    "tax_total",
    "shipping_total",
    "discount_total",
    "gift_card_total",
    "total",
    "paid_total",
    "refunded_total",
    "refundable_amount",
    "items.refundable",
    "swaps.additional_items.refundable",
    "claims.additional_items.refundable",
];

const SELECTABLE: &[&str] = &[
    "id",
    "status",
    "fulfillment_status",
    "payment_status",
    "display_id",
    "cart_id",
    "customer_id",
    "email",
    "billing_address_id",
    "shipping_address_id",
    "region_id",
    "currency_code",
    "tax_rate",
    "canceled_at",
    "created_at",
    "updated_at",
    "metadata",
    "idempotency_key",
    "draft_order_id",
    "no_notification",
    "external_id",
    "sales_channel_id",
    "subtotal",
    "tax_total",
    "shipping_total",
    "discount_total",
    "gift_card_total",
    "total",
    "paid_total",
    "refunded_total",
    "refundable_amount",
];

/// `defaultAdminOrdersFields`, with the fields a feature flag adds after them.
macro_rules! default_fields {
    ($($extra:literal),*) => {
        &[
            "id",
            "status",
            "fulfillment_status",
            "payment_status",
            "display_id",
            "cart_id",
            "draft_order_id",
            "customer_id",
            "email",
            "region_id",
            "currency_code",
            "tax_rate",
            "canceled_at",
            "created_at",
            "updated_at",
            "metadata",
            "no_notification",
            $($extra,)*
        ]
    };
}

const DEFAULT_FIELDS: &[&str] = default_fields!();
/// With the sales-channels flag on, `sales_channel_id` too.
const DEFAULT_FIELDS_SC: &[&str] = default_fields!("sales_channel_id");

const fn r(name: &'static str) -> RelationSpec {
    RelationSpec::new(name)
}

const TAX_LINES_AND_OPTION: &[RelationSpec] = &[r("shipping_option"), r("tax_lines")];
const VARIANT: &[RelationSpec] = &[r("product").children(&[r("profiles")])];
const ITEM_RELATIONS: &[RelationSpec] = &[
    r("adjustments"),
    r("tax_lines"),
    r("variant").children(VARIANT),
];
const RETURN_RELATIONS: &[RelationSpec] = &[
    r("items").children(&[r("reason")]),
    r("shipping_method").children(TAX_LINES_AND_OPTION),
];
const FULFILLMENT_RELATIONS: &[RelationSpec] = &[r("items"), r("tracking_links")];
const SWAP_CLAIM_COMMON: [RelationSpec; 5] = [
    r("additional_items")
        .fields(&["refundable"])
        .children(ITEM_RELATIONS),
    r("fulfillments").children(FULFILLMENT_RELATIONS),
    r("return_order").children(RETURN_RELATIONS),
    r("shipping_address"),
    r("shipping_methods").children(TAX_LINES_AND_OPTION),
];

/// The relations an order read may load (`expand`), as Medusa's order entity names them.
pub const ORDER_RELATIONS: &[RelationSpec] = &[
    r("billing_address"),
    r("shipping_address"),
    r("customer"),
    r("region"),
    r("sales_channel"),
    r("discounts").children(&[r("rule")]),
    r("gift_cards"),
    r("gift_card_transactions").children(&[r("gift_card")]),
    r("items").fields(&["refundable"]).children(ITEM_RELATIONS),
    r("payments"),
    r("refunds"),
    r("edits"),
    r("fulfillments").children(FULFILLMENT_RELATIONS),
    r("returns").children(RETURN_RELATIONS),
    r("shipping_methods").children(TAX_LINES_AND_OPTION),
    r("swaps").children(&[
        SWAP_CLAIM_COMMON[0],
        SWAP_CLAIM_COMMON[1],
        SWAP_CLAIM_COMMON[2],
        SWAP_CLAIM_COMMON[3],
        SWAP_CLAIM_COMMON[4],
        r("payment"),
    ]),
    r("claims").children(&[
        SWAP_CLAIM_COMMON[0],
        SWAP_CLAIM_COMMON[1],
        SWAP_CLAIM_COMMON[2],
        SWAP_CLAIM_COMMON[3],
        SWAP_CLAIM_COMMON[4],
        r("claim_items").children(&[r("images"), r("item")]),
    ]),
];

/// `defaultAdminOrdersRelations` (Medusa lists every parent path too), with the relations a
/// feature flag adds after them.
macro_rules! default_relations {
    ($($extra:literal),*) => {
        &[
            "billing_address",
            "claims.additional_items.variant",
            "claims.claim_items.images",
            "claims.claim_items.item",
            "claims.fulfillments.tracking_links",
            "claims.return_order.shipping_method.tax_lines",
            "claims.shipping_address",
            "claims.shipping_methods",
            "customer",
            "discounts.rule",
            "fulfillments.items",
            "fulfillments.tracking_links",
            "gift_card_transactions",
            "gift_cards",
            "items",
            "payments",
            "refunds",
            "region",
            "returns.items.reason",
            "returns.shipping_method.shipping_option",
            "returns.shipping_method.tax_lines",
            "shipping_address",
            "shipping_methods.shipping_option",
            "shipping_methods.tax_lines",
            "swaps.additional_items.variant",
            "swaps.fulfillments.tracking_links",
            "swaps.payment",
            "swaps.return_order.shipping_method.shipping_option",
            "swaps.return_order.shipping_method.tax_lines",
            "swaps.shipping_address",
            "swaps.shipping_methods.shipping_option",
            "swaps.shipping_methods.tax_lines",
            $($extra,)*
        ]
    };
}

const DEFAULT_RELATIONS: &[&str] = default_relations!();
/// With the sales-channels flag on, `sales_channel` too.
const DEFAULT_RELATIONS_SC: &[&str] = default_relations!("sales_channel");

const LIST_BASE: ResourceSpec = ResourceSpec {
    pagination: Some(Pagination {
        default_limit: 50,
        max_limit: None,
    }),
    default_order: &[("created_at", Order::Desc)],
    sortable: ORDER_COLUMNS,
    filters: &[
        FilterSpec::value("id", FieldKind::Text),
        list_only("status", STATUS),
        list_only("fulfillment_status", FULFILLMENT_STATUS),
        list_only("payment_status", PAYMENT_STATUS),
        FilterSpec::value("display_id", FieldKind::Int).ignored_with_q(),
        FilterSpec::value("cart_id", FieldKind::Text),
        FilterSpec::value("customer_id", FieldKind::Text),
        FilterSpec::value("email", FieldKind::Text).ignored_with_q(),
        FilterSpec::value("region_id", FieldKind::Text).list(),
        FilterSpec::value("currency_code", FieldKind::Text),
        list_only("sales_channel_id", FieldKind::Text),
        FilterSpec::range("canceled_at", FieldKind::Date),
        FilterSpec::range("created_at", FieldKind::Date),
        FilterSpec::range("updated_at", FieldKind::Date),
    ],
    // Medusa's search, each term ANDed with an existing customer and shipping address.
    searchable: &[
        Column::of(SHIPPING_ADDRESS, "first_name"),
        Column::own("email"),
        Column::own("display_id").text(),
        Column::of(CUSTOMER, "first_name"),
        Column::of(CUSTOMER, "last_name"),
        Column::of(CUSTOMER, "phone"),
    ],
    expandable: true,
    relations: ORDER_RELATIONS,
    default_relations: DEFAULT_RELATIONS,
    selectable: SELECTABLE,
    default_fields: DEFAULT_FIELDS,
    list_fields: &["created_at"],
    passthrough: &["tax_rate"],
    ..ResourceSpec::new("orders", "order")
};

/// The join aliases a search reads (inner joins, as Medusa's search requires both).
pub const SHIPPING_ADDRESS: &str = "shipping_address";
pub const CUSTOMER: &str = "customer";

/// `GET /admin/orders` without the sales-channels flag.
pub static ORDER_LIST: ResourceSpec = LIST_BASE;
/// `GET /admin/orders` with the sales-channels flag (Medusa's default).
pub static ORDER_LIST_SC: ResourceSpec = ResourceSpec {
    default_relations: DEFAULT_RELATIONS_SC,
    default_fields: DEFAULT_FIELDS_SC,
    ..LIST_BASE
};

const RETRIEVE_BASE: ResourceSpec = ResourceSpec {
    expandable: true,
    relations: ORDER_RELATIONS,
    default_relations: DEFAULT_RELATIONS,
    selectable: SELECTABLE,
    default_fields: DEFAULT_FIELDS,
    ..ResourceSpec::new("order", "order")
};

/// `GET /admin/orders/{id}` without the sales-channels flag.
pub static ORDER_RETRIEVE: ResourceSpec = RETRIEVE_BASE;
/// `GET /admin/orders/{id}` with the sales-channels flag.
pub static ORDER_RETRIEVE_SC: ResourceSpec = ResourceSpec {
    default_relations: DEFAULT_RELATIONS_SC,
    default_fields: DEFAULT_FIELDS_SC,
    ..RETRIEVE_BASE
};

/// Medusa's default fields as dotted paths (`defaultAdminOrdersFields`): the columns and the
/// three `refundable`s.
fn medusa_default_fields(sales_channels: bool) -> Vec<&'static str> {
    let mut fields = if sales_channels {
        DEFAULT_FIELDS_SC.to_vec()
    } else {
        DEFAULT_FIELDS.to_vec()
    };
    fields.extend(&TOTAL_FIELD_PATHS[9..]);
    fields
}

/// Which totals a read carries, decided from `fields` as Medusa's
/// `transformQueryForTotals` decides it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TotalsRequest {
    /// The `fields` entries naming totals (Medusa's `totalsToSelect`), which its legacy
    /// `TotalsService` computes (`decorateTotalsLegacy`). Medusa's default fields name
    /// `items.refundable`, `swaps.additional_items.refundable` and
    /// `claims.additional_items.refundable`.
    pub fields: Vec<String>,
    /// Whether Medusa's newer engine decorates the order (`decorateTotals` with a context):
    /// always on `GET /admin/orders/{id}` (after the legacy fields); on `GET /admin/orders`
    /// exactly when `fields` names no totals field.
    pub full: bool,
    /// `expand` named `returnable_items` (retrieve only): the newer engine then gives the
    /// swaps' and claims' additional items their line totals too.
    pub returnable_items: bool,
}

impl TotalsRequest {
    fn of(fields: &[String], retrieve: bool) -> Self {
        let named: Vec<String> = fields
            .iter()
            .filter(|f| TOTAL_FIELD_PATHS.contains(&f.as_str()))
            .cloned()
            .collect();
        let full = retrieve || named.is_empty();
        Self {
            fields: named,
            full,
            returnable_items: false,
        }
    }

    /// Whether any totals field was asked for: then the relations the legacy engine needs
    /// are loaded too (`items.variant.product.profiles`, `gift_card_transactions.gift_card`).
    pub fn any(&self) -> bool {
        !self.fields.is_empty()
    }
}

/// One order read as planned from its query string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderQuery {
    /// The relations to load (with `expand`'s parents).
    pub selection: Selection,
    /// What the answer keeps.
    pub shape: Shape,
    pub totals: TotalsRequest,
    /// `expand` named Medusa's pseudo relation `returnable_items` (retrieve only).
    pub returnable_items: bool,
}

/// A planned order list: the plan, the order query, and the `tax_rate` filter (a real
/// column compared with a number).
#[derive(Debug, Clone)]
pub struct OrderListQuery {
    pub plan: ListPlan,
    pub query: OrderQuery,
    pub tax_rate: Option<f64>,
}

impl OrderListQuery {
    /// No filter and no search: the list's `count` is every order.
    pub fn selects_every_order(&self) -> bool {
        self.plan.condition.is_empty() && self.plan.search.is_none() && self.tax_rate.is_none()
    }
}

const RETURNABLE_ITEMS: &str = "returnable_items";

fn expand_text(raw: &RawQuery) -> Option<String> {
    match raw.get("expand") {
        Some(RawValue::Text(text)) => Some(text.clone()),
        Some(RawValue::List(items)) => Some(
            items
                .iter()
                .filter_map(RawValue::as_text)
                .collect::<Vec<_>>()
                .join(","),
        ),
        _ => None,
    }
}

/// Plans `GET /admin/orders`.
pub fn plan_order_list(
    query_string: &str,
    backend: DbBackend,
    sales_channels: bool,
) -> Result<OrderListQuery> {
    let raw = medusa_query_dsl::parse(query_string)?;
    let expand = expand_text(&raw);
    if expand
        .as_deref()
        .is_some_and(|e| e.split(',').any(|p| p == RETURNABLE_ITEMS))
    {
        return Err(medusa_core::Error::invalid_data(format!(
            "The field \"{RETURNABLE_ITEMS}\" is not supported by this end point. "
        )));
    }
    // `@IsArray()` refuses a single value; the grammar would read it as a list.
    let not_arrays: Vec<String> = [
        "status",
        "fulfillment_status",
        "payment_status",
        "sales_channel_id",
    ]
    .iter()
    .filter(|p| matches!(raw.get(p), Some(RawValue::Text(_))))
    .map(|p| format!("{p} must be an array"))
    .collect();
    if !not_arrays.is_empty() {
        return Err(medusa_core::Error::invalid_data(not_arrays.join(", ")));
    }
    let spec = if sales_channels {
        &ORDER_LIST_SC
    } else {
        &ORDER_LIST
    };
    let plan = medusa_query_dsl::plan(spec, &raw, backend)?;
    let tax_rate =
        match medusa_query_dsl::passthrough_text(&raw, "tax_rate")? {
            None => None,
            Some(text) => Some(text.trim().parse::<f64>().map_err(|_| {
                medusa_core::Error::invalid_data("tax_rate must be a number string")
            })?),
        };
    let (fields, _) = all_fields(&raw, &medusa_default_fields(sales_channels), true);
    let query = OrderQuery {
        shape: shape(&fields, expand.as_deref(), &[], &plan.selection),
        selection: plan.selection.clone(),
        totals: TotalsRequest::of(&fields, false),
        returnable_items: false,
    };
    Ok(OrderListQuery {
        plan,
        query,
        tax_rate,
    })
}

/// Plans `GET /admin/orders/{id}`: `expand` may name `returnable_items`, which Medusa takes
/// out of `expand` (an `expand` left empty is then no `expand` at all).
pub fn plan_order_retrieve(query_string: &str, sales_channels: bool) -> Result<OrderQuery> {
    let mut raw = medusa_query_dsl::parse(query_string)?;
    let mut expand = expand_text(&raw);
    let mut returnable_items = false;
    if let Some(text) = expand.clone().filter(|e| !e.is_empty()) {
        let kept: Vec<&str> = text.split(',').filter(|p| *p != RETURNABLE_ITEMS).collect();
        returnable_items = kept.len() < text.split(',').count();
        if returnable_items {
            let rest = kept.join(",");
            expand = (!rest.is_empty()).then_some(rest);
            raw = medusa_query_dsl::parse(&without_expand(query_string, expand.as_deref()))?;
        }
    }
    let spec = if sales_channels {
        &ORDER_RETRIEVE_SC
    } else {
        &ORDER_RETRIEVE
    };
    let selection = medusa_query_dsl::plan_retrieve(spec, &raw)?;
    let (fields, _) = all_fields(&raw, &medusa_default_fields(sales_channels), false);
    let includes: &[&str] = if returnable_items {
        &[RETURNABLE_ITEMS]
    } else {
        &[]
    };
    Ok(OrderQuery {
        shape: shape(&fields, expand.as_deref(), includes, &selection),
        selection,
        totals: TotalsRequest {
            returnable_items,
            ..TotalsRequest::of(&fields, true)
        },
        returnable_items,
    })
}

/// As [`plan_order_retrieve`], shared: the plans of the last query strings seen are kept, as
/// clients ask for an order with the same few query strings again and again, and planning
/// (parsing, the selection's tree, the answer's shape) costs about as much as a statement.
/// At most [`KEPT_PLANS`] are kept; a query string beyond them is planned each time.
pub fn plan_order_retrieve_shared(
    query_string: &str,
    sales_channels: bool,
) -> Result<Arc<OrderQuery>> {
    type Plans = HashMap<(bool, String), Arc<OrderQuery>>;
    static PLANS: OnceLock<RwLock<Plans>> = OnceLock::new();
    let plans = PLANS.get_or_init(|| RwLock::new(HashMap::new()));
    let key = (sales_channels, query_string.to_owned());
    if let Some(plan) = plans.read().ok().and_then(|plans| plans.get(&key).cloned()) {
        return Ok(plan);
    }
    let plan = Arc::new(plan_order_retrieve(query_string, sales_channels)?);
    if let Ok(mut plans) = plans.write() {
        if plans.len() < KEPT_PLANS {
            plans.insert(key, plan.clone());
        }
    }
    Ok(plan)
}

/// How many order plans [`plan_order_retrieve_shared`] keeps.
const KEPT_PLANS: usize = 256;

/// The query string with its `expand` replaced by `expand`, or removed when `None`.
fn without_expand(query_string: &str, expand: Option<&str>) -> String {
    query_string
        .split('&')
        .filter_map(|pair| {
            let name = pair.split('=').next().unwrap_or_default();
            if name.starts_with("expand") {
                expand.map(|e| format!("expand={e}"))
            } else {
                Some(pair.to_owned())
            }
        })
        .collect::<Vec<_>>()
        .join("&")
}
