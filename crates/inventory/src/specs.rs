//! The query parameters of the inventory routes (Medusa's `AdminGet…Params`).

use medusa_query_dsl::{
    FieldKind, FilterSpec, Forms, Pagination, RelationSpec, ResourceSpec, NEWEST_FIRST,
};

const PAGE_OF_20: Option<Pagination> = Some(Pagination::uncapped(20));

/// Medusa's `defaultAdminInventoryItemFields`: what item answers carry (no `deleted_at`).
pub const ITEM_FIELDS: &[&str] = &[
    "id",
    "sku",
    "title",
    "description",
    "thumbnail",
    "origin_country",
    "hs_code",
    "requires_shipping",
    "mid_code",
    "material",
    "weight",
    "length",
    "height",
    "width",
    "metadata",
    "created_at",
    "updated_at",
];

/// A filter taking only arrays (`f[]=a`): Medusa's `@IsArray()` parameters.
const fn array_only(param: &'static str) -> FilterSpec {
    let mut spec = FilterSpec::value(param, FieldKind::Text);
    spec.forms = Forms {
        value: false,
        list: true,
        range: false,
        pattern: false,
    };
    spec
}

/// `GET /admin/inventory-items`: `AdminGetInventoryItemsParams`. `location_id` is read by the
/// service (a join on the levels); `q` searches sku, description and title.
pub static INVENTORY_ITEM_LIST: ResourceSpec = ResourceSpec {
    name: "inventory_items",
    pagination: PAGE_OF_20,
    default_order: NEWEST_FIRST,
    sortable: ITEM_FIELDS,
    filters: &[
        FilterSpec::value("id", FieldKind::Text).list(),
        FilterSpec::value("sku", FieldKind::Text).list(),
        FilterSpec::value("origin_country", FieldKind::Text).list(),
        FilterSpec::value("mid_code", FieldKind::Text).list(),
        FilterSpec::value("material", FieldKind::Text).list(),
        FilterSpec::value("hs_code", FieldKind::Text)
            .list()
            .pattern(),
        FilterSpec::value("weight", FieldKind::Int).with_range(),
        FilterSpec::value("length", FieldKind::Int).with_range(),
        FilterSpec::value("height", FieldKind::Int).with_range(),
        FilterSpec::value("width", FieldKind::Int).with_range(),
        FilterSpec::value("requires_shipping", FieldKind::Bool),
    ],
    searchable: &[
        medusa_query_dsl::Column::own("sku"),
        medusa_query_dsl::Column::own("description"),
        medusa_query_dsl::Column::own("title"),
    ],
    list_fields: &["created_at"],
    soft_delete: true,
    passthrough: &["location_id"],
    ..INVENTORY_ITEM_RETRIEVE
};

/// `GET /admin/inventory-items/{id}` and the item write routes: `FindParams`.
pub static INVENTORY_ITEM_RETRIEVE: ResourceSpec = ResourceSpec {
    expandable: true,
    selectable: ITEM_FIELDS,
    ..ResourceSpec::new("inventory_items", "inventory_item")
};

/// `GET /admin/inventory-items/{id}/location-levels`: `FindParams` plus `location_id[]`.
pub static LOCATION_LEVEL_LIST: ResourceSpec = ResourceSpec {
    expandable: true,
    filters: &[array_only("location_id")],
    ..ResourceSpec::new("location_levels", "inventory_level")
};

/// The fields of a stock location Medusa's routes select and sort by (no `deleted_at`).
pub const LOCATION_FIELDS: &[&str] = &[
    "id",
    "name",
    "address_id",
    "metadata",
    "created_at",
    "updated_at",
];

const LOCATION_RELATIONS: &[RelationSpec] = &[
    RelationSpec::new("address"),
    RelationSpec::new("sales_channels"),
];

/// `GET /admin/stock-locations`: `AdminGetStockLocationsParams`. `q` searches the name (and
/// replaces a `name` filter); `sales_channel_id` is read by the service.
pub static STOCK_LOCATION_LIST: ResourceSpec = ResourceSpec {
    name: "stock_locations",
    pagination: PAGE_OF_20,
    default_order: NEWEST_FIRST,
    sortable: LOCATION_FIELDS,
    filters: &[
        FilterSpec::value("id", FieldKind::Text).list(),
        FilterSpec::value("name", FieldKind::Text)
            .list()
            .ignored_with_q(),
        FilterSpec::value("address_id", FieldKind::Text).list(),
    ],
    searchable: &[medusa_query_dsl::Column::own("name")],
    soft_delete: true,
    passthrough: &["sales_channel_id"],
    ..STOCK_LOCATION_RETRIEVE
};

/// `GET /admin/stock-locations/{id}` and the location write routes.
pub static STOCK_LOCATION_RETRIEVE: ResourceSpec = ResourceSpec {
    expandable: true,
    relations: LOCATION_RELATIONS,
    selectable: LOCATION_FIELDS,
    ..ResourceSpec::new("stock_locations", "stock_location")
};

/// Medusa's `defaultReservationFields` (the reservation list), also what it sorts by.
pub const RESERVATION_FIELDS: &[&str] = &[
    "id",
    "location_id",
    "inventory_item_id",
    "quantity",
    "line_item_id",
    "description",
    "metadata",
    "created_at",
    "updated_at",
];

/// `GET /admin/reservations`: `AdminGetReservationsParams`.
pub static RESERVATION_LIST: ResourceSpec = ResourceSpec {
    pagination: PAGE_OF_20,
    default_order: NEWEST_FIRST,
    sortable: RESERVATION_FIELDS,
    filters: &[
        FilterSpec::value("location_id", FieldKind::Text).list(),
        array_only("inventory_item_id"),
        array_only("line_item_id"),
        array_only("created_by"),
        FilterSpec::range("quantity", FieldKind::Int),
        FilterSpec::range("created_at", FieldKind::Date),
        FilterSpec::range("updated_at", FieldKind::Date),
        FilterSpec::value("description", FieldKind::Text).pattern(),
    ],
    expandable: true,
    relations: &[
        RelationSpec::new("line_item"),
        RelationSpec::new("inventory_item"),
    ],
    selectable: RESERVATION_FIELDS,
    soft_delete: true,
    ..ResourceSpec::new("reservations", "reservation_item")
};

/// `GET /admin/orders/{id}/reservations`: `AdminGetOrdersOrderReservationsParams`.
pub static ORDER_RESERVATION_LIST: ResourceSpec = ResourceSpec {
    pagination: PAGE_OF_20,
    default_order: NEWEST_FIRST,
    expandable: true,
    soft_delete: true,
    ..ResourceSpec::new("reservations", "reservation_item")
};

/// Plans `GET /admin/reservations`: Medusa's `@IsArray()` parameters refuse a single value
/// (`line_item_id=x`: "line_item_id must be an array"; `line_item_id[]=x` is the form).
pub fn plan_reservation_list(
    query: &str,
    backend: sea_orm::DbBackend,
) -> medusa_core::Result<medusa_query_dsl::ListPlan> {
    let raw = medusa_query_dsl::parse(query)?;
    for name in ["inventory_item_id", "line_item_id", "created_by"] {
        if let Some(medusa_query_dsl::RawValue::Text(_)) = raw.get(name) {
            return Err(medusa_core::Error::invalid_data(format!(
                "{name} must be an array"
            )));
        }
    }
    Ok(medusa_query_dsl::plan(&RESERVATION_LIST, &raw, backend)?)
}
