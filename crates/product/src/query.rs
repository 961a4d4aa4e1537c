//! What the product, variant, tag and type reads accept: their query specs (Medusa's default
//! fields and relations, filters, limits) and the product filters the grammar cannot express
//! (joins), turned into `id IN (SELECT …)` subqueries so `count` stays a plain row count.

use medusa_entity::{
    discount_condition_product, money_amount, product, product_category, product_category_product,
    product_collection, product_sales_channel, product_tags, product_variant,
    product_variant_money_amount,
};
use medusa_query_dsl::{
    passthrough_list, passthrough_text, Column, FieldKind, FilterSpec, ListPlan, Pagination,
    RawQuery, RelationSpec, ResourceSpec, NEWEST_FIRST,
};
use sea_orm::sea_query::extension::postgres::PgExpr;
use sea_orm::sea_query::{Condition, Expr, Func, LikeExpr, Query, SelectStatement, SimpleExpr};
use sea_orm::{ColumnTrait, DbBackend};

use medusa_core::{Error, FeatureFlags, Flag, Result};

pub(crate) const PRODUCT_FIELDS: &[&str] = &[
    "id",
    "title",
    "subtitle",
    "status",
    "external_id",
    "description",
    "handle",
    "is_giftcard",
    "discountable",
    "thumbnail",
    "collection_id",
    "type_id",
    "weight",
    "length",
    "height",
    "width",
    "hs_code",
    "origin_country",
    "mid_code",
    "material",
    "created_at",
    "updated_at",
    "deleted_at",
    "metadata",
];

pub(crate) const VARIANT_FIELDS: &[&str] = &[
    "id",
    "title",
    "product_id",
    "sku",
    "barcode",
    "ean",
    "upc",
    "variant_rank",
    "inventory_quantity",
    "allow_backorder",
    "manage_inventory",
    "hs_code",
    "origin_country",
    "mid_code",
    "material",
    "weight",
    "length",
    "height",
    "width",
    "created_at",
    "updated_at",
    "deleted_at",
    "metadata",
];

/// `GET /admin/variants` leaves out `variant_rank` (a `select: false` column in Medusa).
const VARIANT_DEFAULT_FIELDS: &[&str] = &[
    "id",
    "title",
    "product_id",
    "sku",
    "barcode",
    "ean",
    "upc",
    "inventory_quantity",
    "allow_backorder",
    "weight",
    "length",
    "height",
    "width",
    "hs_code",
    "origin_country",
    "mid_code",
    "material",
    "created_at",
    "updated_at",
    "metadata",
    "deleted_at",
    "manage_inventory",
];

const PRICE_FIELDS: &[&str] = &[
    "id",
    "currency_code",
    "amount",
    "min_quantity",
    "max_quantity",
    "price_list_id",
    "region_id",
    "created_at",
    "updated_at",
    "deleted_at",
];

const OPTION_VALUE_FIELDS: &[&str] = &[
    "id",
    "value",
    "option_id",
    "variant_id",
    "created_at",
    "updated_at",
    "deleted_at",
    "metadata",
];

const OPTION_FIELDS: &[&str] = &[
    "id",
    "title",
    "product_id",
    "created_at",
    "updated_at",
    "deleted_at",
    "metadata",
];

const TAG_FIELDS: &[&str] = &[
    "id",
    "value",
    "created_at",
    "updated_at",
    "deleted_at",
    "metadata",
];

const PRODUCT_SORTABLE: &[&str] = &[
    "id",
    "title",
    "subtitle",
    "status",
    "handle",
    "is_giftcard",
    "discountable",
    "collection_id",
    "type_id",
    "weight",
    "length",
    "height",
    "width",
    "created_at",
    "updated_at",
    "deleted_at",
];

/// A product's `status` as a filter value.
pub const PRODUCT_STATUS: FieldKind = FieldKind::Enum {
    type_name: "product_status_enum",
    values: &["draft", "proposed", "published", "rejected"],
};

const PRODUCT_RELATIONS: &[RelationSpec] = &[
    RelationSpec::new("variants")
        .fields(VARIANT_FIELDS)
        .children(&[
            RelationSpec::new("prices").fields(PRICE_FIELDS),
            RelationSpec::new("options").fields(OPTION_VALUE_FIELDS),
            RelationSpec::new("inventory_items"),
        ]),
    RelationSpec::new("options")
        .fields(OPTION_FIELDS)
        .children(&[RelationSpec::new("values").fields(OPTION_VALUE_FIELDS)]),
    RelationSpec::new("images"),
    RelationSpec::new("tags").fields(TAG_FIELDS),
    RelationSpec::new("type").fields(TAG_FIELDS),
    RelationSpec::new("collection"),
    RelationSpec::new("profiles"),
    RelationSpec::new("sales_channels"),
    RelationSpec::new("categories"),
];

/// Medusa's `defaultAdminProductRelations` with the sales-channel flag on and the
/// product-categories flag on, which adds `categories` last.
pub const PRODUCT_DEFAULT_RELATIONS_WITH_CATEGORIES: &[&str] = &[
    "variants",
    "variants.prices",
    "variants.options",
    "profiles",
    "images",
    "options",
    "options.values",
    "tags",
    "type",
    "collection",
    "sales_channels",
    "categories",
];

/// The same with the product-categories flag off (the reference server's configuration).
const PRODUCT_DEFAULT_RELATIONS: &[&str] =
    match PRODUCT_DEFAULT_RELATIONS_WITH_CATEGORIES.split_last() {
        Some((_categories, relations)) => relations,
        None => &[],
    };

macro_rules! product_list_spec {
    ($defaults:expr, $filters:expr, $passthrough:expr) => {
        ResourceSpec {
            pagination: Some(Pagination::uncapped(50)),
            default_order: NEWEST_FIRST,
            sortable: PRODUCT_SORTABLE,
            filters: $filters,
            expandable: true,
            relations: PRODUCT_RELATIONS,
            default_relations: $defaults,
            selectable: PRODUCT_FIELDS,
            list_fields: &["created_at"],
            soft_delete: true,
            passthrough: $passthrough,
            ..ResourceSpec::new("products", "product")
        }
    };
}

macro_rules! product_filters {
    ($($extra:expr),* $(,)?) => {
        &[
            FilterSpec::value("id", FieldKind::Text).list(),
            FilterSpec::value("status", PRODUCT_STATUS).list(),
            FilterSpec::value("collection_id", FieldKind::Text).list(),
            FilterSpec::value("type_id", FieldKind::Text).list(),
            FilterSpec::value("handle", FieldKind::Text),
            FilterSpec::value("is_giftcard", FieldKind::Bool),
            FilterSpec::range("created_at", FieldKind::Date),
            FilterSpec::range("updated_at", FieldKind::Date),
            FilterSpec::range("deleted_at", FieldKind::Date),
            $($extra),*
        ]
    };
}

macro_rules! product_list_passthrough {
    ($($extra:literal),* $(,)?) => {
        &[
            "q",
            $($extra,)*
            "price_list_id",
            "sales_channel_id",
            "tags",
            "discount_condition_id",
            "category_id",
            "include_category_children",
        ]
    };
}

/// `GET /admin/products`: Medusa's `AdminGetProductsParams`, defaults from
/// `defaultAdminProductFields`/`defaultAdminProductRelations`.
pub static PRODUCT_LIST: ResourceSpec = product_list_spec!(
    PRODUCT_DEFAULT_RELATIONS,
    product_filters![
        FilterSpec::value("title", FieldKind::Text),
        FilterSpec::value("description", FieldKind::Text),
    ],
    product_list_passthrough![]
);

static PRODUCT_LIST_WITH_CATEGORIES: ResourceSpec = product_list_spec!(
    PRODUCT_DEFAULT_RELATIONS_WITH_CATEGORIES,
    product_filters![
        FilterSpec::value("title", FieldKind::Text),
        FilterSpec::value("description", FieldKind::Text),
    ],
    product_list_passthrough![]
);

/// With `q`, Medusa drops the `title` and `description` filters: this spec accepts and ignores
/// them.
static PRODUCT_SEARCH: ResourceSpec = product_list_spec!(
    PRODUCT_DEFAULT_RELATIONS,
    product_filters![],
    product_list_passthrough!["title", "description"]
);

static PRODUCT_SEARCH_WITH_CATEGORIES: ResourceSpec = product_list_spec!(
    PRODUCT_DEFAULT_RELATIONS_WITH_CATEGORIES,
    product_filters![],
    product_list_passthrough!["title", "description"]
);

/// `GET /admin/products/{id}`: the same defaults as the list.
pub static PRODUCT_RETRIEVE: ResourceSpec = ResourceSpec {
    expandable: true,
    relations: PRODUCT_RELATIONS,
    default_relations: PRODUCT_DEFAULT_RELATIONS,
    selectable: PRODUCT_FIELDS,
    soft_delete: true,
    ..ResourceSpec::new("product", "product")
};

static PRODUCT_RETRIEVE_WITH_CATEGORIES: ResourceSpec = ResourceSpec {
    default_relations: PRODUCT_DEFAULT_RELATIONS_WITH_CATEGORIES,
    ..PRODUCT_RETRIEVE
};

/// The product specs a server's feature flags select: with `product_categories` on, Medusa
/// loads `categories` by default on every product answer.
#[derive(Debug, Clone, Copy)]
pub struct ProductSpecs {
    pub list: &'static ResourceSpec,
    pub search: &'static ResourceSpec,
    pub retrieve: &'static ResourceSpec,
}

impl ProductSpecs {
    pub fn for_flags(flags: FeatureFlags) -> Self {
        if flags.is_enabled(Flag::ProductCategories) {
            Self {
                list: &PRODUCT_LIST_WITH_CATEGORIES,
                search: &PRODUCT_SEARCH_WITH_CATEGORIES,
                retrieve: &PRODUCT_RETRIEVE_WITH_CATEGORIES,
            }
        } else {
            Self::default()
        }
    }
}

/// Medusa's defaults (product categories off).
impl Default for ProductSpecs {
    fn default() -> Self {
        Self {
            list: &PRODUCT_LIST,
            search: &PRODUCT_SEARCH,
            retrieve: &PRODUCT_RETRIEVE,
        }
    }
}

const VARIANT_RELATIONS: &[RelationSpec] = &[
    RelationSpec::new("product").fields(PRODUCT_FIELDS),
    RelationSpec::new("prices").fields(PRICE_FIELDS),
    RelationSpec::new("options").fields(OPTION_VALUE_FIELDS),
    RelationSpec::new("inventory_items"),
];

const VARIANT_SORTABLE: &[&str] = &[
    "id",
    "title",
    "product_id",
    "sku",
    "barcode",
    "ean",
    "upc",
    "variant_rank",
    "inventory_quantity",
    "allow_backorder",
    "manage_inventory",
    "created_at",
    "updated_at",
    "deleted_at",
];

/// `GET /admin/variants`: Medusa's `AdminGetVariantsParams` (no `sku`, `product_id` or date
/// filters: the reference rejects them). The price-selection parameters
/// (`region_id`, `currency_code`, `customer_id`, `cart_id`) only feed the price decoration.
pub static VARIANT_LIST: ResourceSpec = ResourceSpec {
    name: "variants",
    pagination: Some(Pagination::uncapped(20)),
    default_order: NEWEST_FIRST,
    sortable: VARIANT_SORTABLE,
    filters: &[
        FilterSpec::value("id", FieldKind::Text).list(),
        // Medusa's variant search drops the `title` filter.
        FilterSpec::value("title", FieldKind::Text)
            .list()
            .ignored_with_q(),
        FilterSpec::value("inventory_quantity", FieldKind::Int).with_range(),
        FilterSpec::value("allow_backorder", FieldKind::Bool),
        FilterSpec::value("manage_inventory", FieldKind::Bool),
    ],
    searchable: &[
        Column::own("title"),
        Column::own("sku"),
        Column::of("product", "title"),
    ],
    list_fields: &["created_at"],
    passthrough: &["region_id", "currency_code", "customer_id", "cart_id"],
    ..VARIANT_RETRIEVE
};

/// `GET /admin/variants/{id}`: Medusa prices it without a context and rejects the list's
/// price-selection parameters (`property region_id should not exist`).
pub static VARIANT_RETRIEVE: ResourceSpec = ResourceSpec {
    expandable: true,
    relations: VARIANT_RELATIONS,
    default_relations: &["product", "prices", "options"],
    selectable: VARIANT_FIELDS,
    default_fields: VARIANT_DEFAULT_FIELDS,
    soft_delete: true,
    ..ResourceSpec::new("variant", "product_variant")
};

/// `GET /admin/products/{id}/variants`: every variant column, relations options and prices
/// (price-list prices included), limit 100.
pub static PRODUCT_VARIANT_LIST: ResourceSpec = ResourceSpec {
    pagination: Some(Pagination::uncapped(100)),
    default_order: NEWEST_FIRST,
    sortable: VARIANT_SORTABLE,
    filters: &[
        FilterSpec::value("id", FieldKind::Text).list(),
        FilterSpec::value("inventory_quantity", FieldKind::Int).with_range(),
        FilterSpec::value("allow_backorder", FieldKind::Bool),
        FilterSpec::value("manage_inventory", FieldKind::Bool),
        FilterSpec::range("created_at", FieldKind::Date),
        FilterSpec::range("updated_at", FieldKind::Date),
        FilterSpec::range("deleted_at", FieldKind::Date),
    ],
    searchable: &[
        Column::own("title"),
        Column::own("sku"),
        Column::of("product", "title"),
    ],
    expandable: true,
    relations: VARIANT_RELATIONS,
    default_relations: &["options", "prices"],
    selectable: VARIANT_FIELDS,
    list_fields: &["created_at"],
    soft_delete: true,
    ..ResourceSpec::new("variants", "product_variant")
};

const TAG_LIKE_SORTABLE: &[&str] = &["id", "value", "created_at", "updated_at"];

macro_rules! value_list_spec {
    ($name:literal, $table:literal, $limit:expr) => {
        ResourceSpec {
            pagination: Some(Pagination::uncapped($limit)),
            default_order: NEWEST_FIRST,
            sortable: TAG_LIKE_SORTABLE,
            filters: &[
                FilterSpec::value("id", FieldKind::Text).list().pattern(),
                FilterSpec::value("value", FieldKind::Text).list().pattern(),
                FilterSpec::range("created_at", FieldKind::Date),
                FilterSpec::range("updated_at", FieldKind::Date),
            ],
            searchable: &[Column::own("value")],
            expandable: true,
            selectable: TAG_FIELDS,
            default_fields: &["id", "value", "created_at", "updated_at"],
            list_fields: &["created_at"],
            soft_delete: true,
            passthrough: &["discount_condition_id"],
            ..ResourceSpec::new($name, $table)
        }
    };
}

/// `GET /admin/product-tags`: limit 10.
pub static PRODUCT_TAG_LIST: ResourceSpec = value_list_spec!("product_tags", "product_tag", 10);

/// `GET /admin/product-types`: limit 20.
pub static PRODUCT_TYPE_LIST: ResourceSpec = value_list_spec!("product_types", "product_type", 20);

/// A planned product list: the grammar's plan plus the join filters, as one condition.
#[derive(Debug, Clone)]
pub struct ProductQuery {
    pub plan: ListPlan,
    /// The plan's condition ANDed with `q` and the join filters.
    pub condition: Condition,
}

impl ProductQuery {
    /// Reads a `GET /admin/products` query string.
    pub fn parse(query_string: &str, backend: DbBackend, specs: ProductSpecs) -> Result<Self> {
        let raw = medusa_query_dsl::parse(query_string)?;
        Self::from_raw(&raw, backend, specs)
    }

    /// Plans a product list. With a non-empty `q`, the `title` and `description` filters are
    /// dropped as Medusa drops them, and `q` matches title, description, a variant's title or
    /// sku, or the collection's title.
    pub fn from_raw(raw: &RawQuery, backend: DbBackend, specs: ProductSpecs) -> Result<Self> {
        let search = passthrough_text(raw, "q")?.filter(|q| !q.is_empty());
        let spec = if search.is_some() {
            specs.search
        } else {
            specs.list
        };
        let plan = medusa_query_dsl::plan(spec, raw, backend)?;
        let mut condition = plan.condition.clone();
        if let Some(q) = search {
            condition = condition.add(product_search(q, backend));
        }
        for join in join_filters(raw)? {
            condition = condition.add(join);
        }
        Ok(Self { plan, condition })
    }
}

fn product_id() -> Expr {
    Expr::col((product::Entity, product::Column::Id))
}

/// `q`: Medusa's `ILIKE '%q%'` over the product's title and description, its variants' titles
/// and skus, and its collection's title. Subqueries keep one row per product.
fn product_search(q: &str, backend: DbBackend) -> Condition {
    let pattern = format!("%{}%", escape_like(q));
    let variants = Query::select()
        .column(product_variant::Column::ProductId)
        .from(product_variant::Entity)
        .and_where(product_variant::Column::DeletedAt.is_null())
        .cond_where(
            Condition::any()
                .add(ilike(
                    Expr::col((product_variant::Entity, product_variant::Column::Title)),
                    &pattern,
                    backend,
                ))
                .add(ilike(
                    Expr::col((product_variant::Entity, product_variant::Column::Sku)),
                    &pattern,
                    backend,
                )),
        )
        .to_owned();
    let collections = Query::select()
        .column(product_collection::Column::Id)
        .from(product_collection::Entity)
        .and_where(product_collection::Column::DeletedAt.is_null())
        .and_where(ilike(
            Expr::col((
                product_collection::Entity,
                product_collection::Column::Title,
            )),
            &pattern,
            backend,
        ))
        .to_owned();
    Condition::any()
        .add(ilike(
            Expr::col((product::Entity, product::Column::Title)),
            &pattern,
            backend,
        ))
        .add(ilike(
            Expr::col((product::Entity, product::Column::Description)),
            &pattern,
            backend,
        ))
        .add(product_id().in_subquery(variants))
        .add(Expr::col((product::Entity, product::Column::CollectionId)).in_subquery(collections))
}

/// Case-insensitive `LIKE`: `ILIKE` on PostgreSQL (whose default escape character is already
/// `\`); on SQLite a lower-cased `LIKE` with the escape character declared.
fn ilike(column: Expr, pattern: &str, backend: DbBackend) -> SimpleExpr {
    match backend {
        DbBackend::Postgres => column.ilike(LikeExpr::new(pattern)),
        _ => {
            Expr::expr(Func::lower(column)).like(LikeExpr::new(pattern.to_lowercase()).escape('\\'))
        }
    }
}

/// `%`, `_` and `\` in a search text are literal.
fn escape_like(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn owned(list: Option<Vec<&str>>) -> Option<Vec<String>> {
    list.map(|items| items.into_iter().map(str::to_owned).collect())
}

/// `product.id IN (SELECT product FROM L WHERE condition)`: products with a link in `L`
/// that `condition` selects.
fn linked_to<L: sea_orm::EntityTrait>(product: L::Column, condition: SimpleExpr) -> SimpleExpr {
    product_id().in_subquery(
        Query::select()
            .column(product)
            .from(L::default())
            .and_where(condition)
            .to_owned(),
    )
}

/// The join filters as `product.id IN (SELECT …)` conditions.
fn join_filters(raw: &RawQuery) -> Result<Vec<SimpleExpr>> {
    let mut conditions = Vec::new();
    if let Some(ids) = owned(passthrough_list(raw, "sales_channel_id")?) {
        conditions.push(linked_to::<product_sales_channel::Entity>(
            product_sales_channel::Column::ProductId,
            product_sales_channel::Column::SalesChannelId.is_in(ids),
        ));
    }
    if let Some(ids) = owned(passthrough_list(raw, "tags")?) {
        conditions.push(linked_to::<product_tags::Entity>(
            product_tags::Column::ProductId,
            product_tags::Column::ProductTagId.is_in(ids),
        ));
    }
    if let Some(ids) = owned(passthrough_list(raw, "price_list_id")?) {
        conditions.push(product_id().in_subquery(products_priced_in(ids)));
    }
    if let Some(id) = passthrough_text(raw, "discount_condition_id")? {
        conditions.push(linked_to::<discount_condition_product::Entity>(
            discount_condition_product::Column::ProductId,
            discount_condition_product::Column::ConditionId.eq(id),
        ));
    }
    let with_children = match passthrough_text(raw, "include_category_children")? {
        None => false,
        Some("true") => true,
        Some("false") => false,
        Some(_) => {
            return Err(Error::invalid_data(
                "include_category_children must be a boolean value",
            ))
        }
    };
    if let Some(ids) = owned(passthrough_list(raw, "category_id")?) {
        let categories = if with_children {
            category_and_descendants(ids)
        } else {
            Query::select()
                .column(product_category::Column::Id)
                .from(product_category::Entity)
                .and_where(product_category::Column::Id.is_in(ids))
                .to_owned()
        };
        conditions.push(linked_to::<product_category_product::Entity>(
            product_category_product::Column::ProductId,
            Expr::col(product_category_product::Column::ProductCategoryId).in_subquery(categories),
        ));
    }
    Ok(conditions)
}

/// The ids of products with a live price in one of these price lists, on a live variant
/// (TypeORM's joins skip soft-deleted variants and prices).
pub fn products_priced_in(price_list_ids: Vec<String>) -> SelectStatement {
    Query::select()
        .column((product_variant::Entity, product_variant::Column::ProductId))
        .from(product_variant::Entity)
        .inner_join(
            product_variant_money_amount::Entity,
            Expr::col((
                product_variant_money_amount::Entity,
                product_variant_money_amount::Column::VariantId,
            ))
            .equals((product_variant::Entity, product_variant::Column::Id)),
        )
        .inner_join(
            money_amount::Entity,
            Expr::col((money_amount::Entity, money_amount::Column::Id)).equals((
                product_variant_money_amount::Entity,
                product_variant_money_amount::Column::MoneyAmountId,
            )),
        )
        .and_where(
            Expr::col((money_amount::Entity, money_amount::Column::PriceListId))
                .is_in(price_list_ids),
        )
        .and_where(Expr::col((money_amount::Entity, money_amount::Column::DeletedAt)).is_null())
        .and_where(
            Expr::col((
                product_variant_money_amount::Entity,
                product_variant_money_amount::Column::DeletedAt,
            ))
            .is_null(),
        )
        .and_where(
            Expr::col((product_variant::Entity, product_variant::Column::DeletedAt)).is_null(),
        )
        .to_owned()
}

/// The categories and everything below them: a category's `mpath` is its ancestors' ids and
/// its own, each followed by a dot.
fn category_and_descendants(ids: Vec<String>) -> SelectStatement {
    let mut any = Condition::any().add(product_category::Column::Id.is_in(ids.clone()));
    for id in ids {
        any = any.add(
            Expr::col(product_category::Column::Mpath)
                .like(LikeExpr::new(format!("%{}.%", escape_like(&id))).escape('\\')),
        );
    }
    Query::select()
        .column(product_category::Column::Id)
        .from(product_category::Entity)
        .cond_where(any)
        .to_owned()
}
