//! What the region routes let a client select and filter.

use medusa_query_dsl::{
    Column, FieldKind, FilterSpec, Pagination, RelationSpec, ResourceSpec, NEWEST_FIRST,
};

/// The region columns with `includes_tax`, which Medusa maps (and adds to its default fields)
/// only with the tax-inclusive pricing flag; it stays last so [`REGION_FIELDS`] can drop it.
pub(crate) const REGION_FIELDS_TAX_INCLUSIVE: &[&str] = &[
    "id",
    "name",
    "automatic_taxes",
    "gift_cards_taxable",
    "tax_provider_id",
    "currency_code",
    "tax_rate",
    "tax_code",
    "created_at",
    "updated_at",
    "deleted_at",
    "metadata",
    "includes_tax",
];

/// The region columns a client may select; also Medusa's default selection.
const REGION_FIELDS: &[&str] = match REGION_FIELDS_TAX_INCLUSIVE.split_last() {
    Some((_includes_tax, columns)) => columns,
    None => &[],
};

const COUNTRY_FIELDS: &[&str] = &[
    "id",
    "iso_2",
    "iso_3",
    "num_code",
    "name",
    "display_name",
    "region_id",
];
const PROVIDER_FIELDS: &[&str] = &["id", "is_installed"];
const CURRENCY_FIELDS: &[&str] = &["code", "symbol", "symbol_native", "name"];

/// The only relations Medusa's region routes allow (`allowedRelations`); anything else is a 400.
const REGION_RELATIONS: &[RelationSpec] = &[
    RelationSpec::new("countries").fields(COUNTRY_FIELDS),
    RelationSpec::new("payment_providers").fields(PROVIDER_FIELDS),
    RelationSpec::new("fulfillment_providers").fields(PROVIDER_FIELDS),
    RelationSpec::new("currency").fields(CURRENCY_FIELDS),
];

const DEFAULT_RELATIONS: &[&str] = &[
    "countries",
    "payment_providers",
    "fulfillment_providers",
    "currency",
];

/// `GET /admin/regions`: Medusa's `AdminGetRegionsParams` (`q` on the name, date ranges,
/// limit 50, newest first).
pub static REGION_LIST: ResourceSpec = ResourceSpec {
    name: "regions",
    pagination: Some(Pagination::uncapped(50)),
    default_order: NEWEST_FIRST,
    sortable: &[
        "id",
        "name",
        "currency_code",
        "tax_rate",
        "tax_code",
        "gift_cards_taxable",
        "automatic_taxes",
        "tax_provider_id",
        "created_at",
        "updated_at",
        "deleted_at",
    ],
    filters: &[
        FilterSpec::range("created_at", FieldKind::Date),
        FilterSpec::range("updated_at", FieldKind::Date),
        FilterSpec::range("deleted_at", FieldKind::Date),
    ],
    searchable: &[Column::own("name")],
    list_fields: &["created_at"],
    ..REGION_RETRIEVE
};

/// `GET /admin/regions/{id}`: `fields` and `expand` over the same relations.
pub static REGION_RETRIEVE: ResourceSpec = ResourceSpec {
    expandable: true,
    relations: REGION_RELATIONS,
    default_relations: DEFAULT_RELATIONS,
    selectable: REGION_FIELDS,
    default_fields: REGION_FIELDS,
    soft_delete: true,
    ..ResourceSpec::new("region", "region")
};
