//! The query parameters of `GET /admin/order-edits[/{id}]`: Medusa's default fields and
//! relations (`defaultOrderEditFields`, `defaultOrderEditRelations`), the list's filters.

use medusa_core::Result;
use medusa_query_dsl::{
    Column, FieldKind, FilterSpec, Pagination, RelationSpec, ResourceSpec, Selection,
};
use sea_orm::Order;

/// The edit's columns, Medusa's default fields first: the defaults leave out `updated_at`.
const COLUMNS: &[&str] = &[
    "id",
    "order_id",
    "created_by",
    "created_at",
    "requested_by",
    "requested_at",
    "confirmed_by",
    "confirmed_at",
    "declined_by",
    "declined_reason",
    "declined_at",
    "canceled_by",
    "canceled_at",
    "internal_note",
    "payment_collection_id",
    "updated_at",
];

const DEFAULT_FIELDS: &[&str] = COLUMNS.split_at(COLUMNS.len() - 1).0;

const VARIANT: &[RelationSpec] = &[RelationSpec::new("variant")];

const RELATIONS: &[RelationSpec] = &[
    RelationSpec::new("changes").children(&[
        RelationSpec::new("line_item").children(VARIANT),
        RelationSpec::new("original_line_item").children(VARIANT),
    ]),
    RelationSpec::new("items").children(&[
        RelationSpec::new("variant"),
        RelationSpec::new("adjustments"),
        RelationSpec::new("tax_lines"),
    ]),
    RelationSpec::new("payment_collection"),
];

const DEFAULT_RELATIONS: &[&str] = &[
    "changes",
    "changes.line_item",
    "changes.line_item.variant",
    "changes.original_line_item",
    "changes.original_line_item.variant",
    "items",
    "items.variant",
    "items.adjustments",
    "items.tax_lines",
    "payment_collection",
];

/// `GET /admin/order-edits/{id}`, and what every write answers with.
pub static ORDER_EDIT_RETRIEVE: ResourceSpec = ResourceSpec {
    expandable: true,
    relations: RELATIONS,
    default_relations: DEFAULT_RELATIONS,
    selectable: COLUMNS,
    default_fields: DEFAULT_FIELDS,
    ..ResourceSpec::new("order_edit", "order_edit")
};

/// `GET /admin/order-edits`: 20 a page, newest first, `order_id`, `q` on the internal note.
pub static ORDER_EDIT_LIST: ResourceSpec = ResourceSpec {
    pagination: Some(Pagination {
        default_limit: 20,
        max_limit: None,
    }),
    default_order: &[("created_at", Order::Desc)],
    filters: &[FilterSpec::value("order_id", FieldKind::Text)],
    searchable: &[Column::own("internal_note")],
    list_fields: &["created_at"],
    ..ORDER_EDIT_RETRIEVE
};

/// Plans `GET /admin/order-edits/{id}`.
pub fn plan_order_edit_retrieve(query_string: &str) -> Result<Selection> {
    let raw = medusa_query_dsl::parse(query_string)?;
    Ok(medusa_query_dsl::plan_retrieve(&ORDER_EDIT_RETRIEVE, &raw)?)
}

/// The selection the write routes answer with (Medusa's defaults).
pub fn default_selection() -> Result<Selection> {
    plan_order_edit_retrieve("")
}
