//! Specs shaped like the real endpoints they stand for (Medusa's users, products, currencies).

use medusa_query_dsl::{
    Column, FieldKind, FilterSpec, Pagination, RelationSpec, ResourceSpec, NEWEST_FIRST,
};

use FieldKind::{Bool, Date, Int, Text};

pub const ROLE: FieldKind = FieldKind::Enum {
    type_name: "user_role_enum",
    values: &["member", "admin", "developer"],
};

const USER_FIELDS: &[&str] = &[
    "id",
    "email",
    "first_name",
    "last_name",
    "role",
    "api_token",
    "created_at",
    "updated_at",
    "deleted_at",
    "metadata",
];

pub const USERS: ResourceSpec = ResourceSpec {
    pagination: Some(Pagination::uncapped(50)),
    default_order: NEWEST_FIRST,
    sortable: &[
        "id",
        "email",
        "first_name",
        "last_name",
        "role",
        "created_at",
        "updated_at",
    ],
    filters: &[
        FilterSpec::value("id", Text).list(),
        FilterSpec::value("email", Text),
        FilterSpec::value("first_name", Text).pattern(),
        FilterSpec::value("last_name", Text),
        FilterSpec::value("role", ROLE).list(),
        FilterSpec::range("created_at", Date),
        FilterSpec::range("updated_at", Date),
        FilterSpec::range("deleted_at", Date),
    ],
    searchable: &[
        Column::own("email"),
        Column::own("first_name"),
        Column::own("last_name"),
    ],
    expandable: true,
    selectable: USER_FIELDS,
    default_fields: USER_FIELDS,
    list_fields: &["created_at"],
    soft_delete: true,
    ..ResourceSpec::new("users", "user")
};

const PRODUCT_STATUS: FieldKind = FieldKind::Enum {
    type_name: "product_status_enum",
    values: &["draft", "proposed", "published", "rejected"],
};

const PRODUCT_FIELDS: &[&str] = &[
    "id",
    "title",
    "subtitle",
    "description",
    "handle",
    "is_giftcard",
    "status",
    "thumbnail",
    "weight",
    "collection_id",
    "created_at",
    "updated_at",
    "deleted_at",
    "metadata",
];

const PRICE: RelationSpec = RelationSpec::new("prices").fields(&["id", "amount", "currency_code"]);
const OPTION_VALUE: RelationSpec =
    RelationSpec::new("options").fields(&["id", "value", "option_id"]);

pub const PRODUCTS: ResourceSpec = ResourceSpec {
    pagination: Some(Pagination {
        default_limit: 50,
        max_limit: Some(1000),
    }),
    default_order: NEWEST_FIRST,
    sortable: &[
        "id",
        "title",
        "handle",
        "status",
        "created_at",
        "updated_at",
    ],
    filters: &[
        FilterSpec::value("id", Text).list(),
        FilterSpec::value("title", Text).ignored_with_q(),
        FilterSpec::value("description", Text).ignored_with_q(),
        FilterSpec::value("handle", Text),
        FilterSpec::value("is_giftcard", Bool),
        FilterSpec::value("status", PRODUCT_STATUS).list(),
        FilterSpec::value("collection_id", Text).list(),
        FilterSpec::value("weight", Int).with_range(),
        FilterSpec::range("created_at", Date),
        FilterSpec::range("updated_at", Date),
        FilterSpec::range("deleted_at", Date),
    ],
    searchable: &[
        Column::own("title"),
        Column::own("description"),
        Column::of("product_variant", "sku"),
    ],
    expandable: true,
    relations: &[
        RelationSpec::new("variants")
            .fields(&["id", "title", "sku", "inventory_quantity"])
            .children(&[PRICE, OPTION_VALUE]),
        RelationSpec::new("options").fields(&["id", "title"]),
        RelationSpec::new("collection").fields(&["id", "title", "handle"]),
        RelationSpec::new("tags").fields(&["id", "value"]),
        RelationSpec::new("images").fields(&["id", "url"]),
    ],
    default_relations: &[
        "variants",
        "variants.prices",
        "options",
        "images",
        "tags",
        "collection",
    ],
    selectable: PRODUCT_FIELDS,
    default_fields: PRODUCT_FIELDS,
    list_fields: &["created_at"],
    soft_delete: true,
    passthrough: &["sales_channel_id", "price_list_id"],
    ..ResourceSpec::new("products", "product")
};

pub const CURRENCIES: ResourceSpec = ResourceSpec {
    key: "code",
    pagination: Some(Pagination::uncapped(20)),
    sortable: &["code", "name"],
    filters: &[
        FilterSpec::value("code", Text),
        FilterSpec::value("includes_tax", Bool),
    ],
    searchable: &[Column::own("code"), Column::own("name")],
    ..ResourceSpec::new("currencies", "currency")
};

pub const ORDERS: ResourceSpec = ResourceSpec {
    pagination: Some(Pagination::uncapped(50)),
    default_order: NEWEST_FIRST,
    sortable: &["created_at", "display_id"],
    filters: &[FilterSpec::value("display_id", Int).list().with_range()],
    searchable: &[
        Column::own("email"),
        Column::own("display_id").text(),
        Column::of("shipping_address", "first_name"),
    ],
    ..ResourceSpec::new("orders", "order")
};
