//! `GET /admin/price-lists/{id}/products`: the products with prices in a list, read through the
//! product crate's read model, each variant's `prices` replaced by its base prices and the
//! list's prices (each with its `price_list`), as Medusa's `PriceListService.listProducts` does.

use std::collections::HashMap;

use medusa_core::{ListPage, Result};
use medusa_entity::{money_amount, price_list, product, product_variant_money_amount};
use medusa_load::find_live;
use medusa_load::AsPgPool;
use medusa_product::{products_priced_in, ProductQuery, PRICE_DECORATION_KEYS};
use medusa_query_dsl::{FieldKind, FilterSpec, ResourceSpec};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbBackend, EntityTrait, JoinType, Order, QueryFilter,
    QueryOrder, QuerySelect,
};
use serde_json::{Map, Value};

/// Medusa's `AdminGetPriceListsPriceListProductsParams`: a subset of the product filters, and
/// the product defaults without `variants.prices` (the list's prices replace them) and without
/// `sales_channels` (added only by the products route).
pub static PRICE_LIST_PRODUCTS: ResourceSpec = ResourceSpec {
    filters: &[
        FilterSpec::value("id", FieldKind::Text).list(),
        FilterSpec::value("status", medusa_product::PRODUCT_STATUS).list(),
        FilterSpec::value("collection_id", FieldKind::Text).list(),
        FilterSpec::value("title", FieldKind::Text),
        FilterSpec::value("description", FieldKind::Text),
        FilterSpec::value("handle", FieldKind::Text),
        FilterSpec::value("is_giftcard", FieldKind::Bool),
        FilterSpec::range("created_at", FieldKind::Date),
        FilterSpec::range("updated_at", FieldKind::Date),
        FilterSpec::range("deleted_at", FieldKind::Date),
    ],
    default_relations: &[
        "variants",
        "variants.options",
        "profiles",
        "images",
        "options",
        "options.values",
        "tags",
        "type",
        "collection",
    ],
    passthrough: &["q", "tags"],
    ..medusa_product::PRODUCT_LIST
};

/// Plans the products of a price list: the request's filters (checked against
/// [`PRICE_LIST_PRODUCTS`]) plus "has a price in this list".
pub fn plan_products(
    price_list_id: &str,
    query_string: &str,
    backend: DbBackend,
) -> Result<ProductQuery> {
    let raw = medusa_query_dsl::parse(query_string)?;
    let own = medusa_query_dsl::plan(&PRICE_LIST_PRODUCTS, &raw, backend)?;
    let mut query = ProductQuery::from_raw(&raw, backend, Default::default())?;
    query.plan.selection = own.selection;
    query.condition = query.condition.add(
        Expr::col((product::Entity, product::Column::Id))
            .in_subquery(products_priced_in(vec![price_list_id.to_owned()])),
    );
    Ok(query)
}

/// A page of the list's products, their variants' prices replaced.
pub async fn list_products<C: ConnectionTrait + AsPgPool>(
    conn: &C,
    price_list_id: &str,
    query: &ProductQuery,
) -> Result<ListPage<Value>> {
    let page = medusa_product::list_products(conn, query).await?;
    let mut page = page.map(|product| product.into_json());
    let variant_ids: Vec<String> = page
        .items
        .iter()
        .flat_map(|product| variants_of(product).iter())
        .filter_map(|variant| variant.get("id").and_then(Value::as_str))
        .map(str::to_owned)
        .collect();
    if variant_ids.is_empty() {
        return Ok(page);
    }
    let mut prices = prices_by_variant(conn, price_list_id, &variant_ids).await?;
    for product in &mut page.items {
        if let Some(Value::Array(variants)) = product.get_mut("variants") {
            for variant in variants {
                if let Value::Object(variant) = variant {
                    // Medusa's list of a price list's products has no pricing decoration.
                    for key in PRICE_DECORATION_KEYS {
                        variant.remove(*key);
                    }
                    let id = variant
                        .get("id")
                        .and_then(Value::as_str)
                        .unwrap_or_default();
                    let own = prices.remove(id).unwrap_or_default();
                    variant.insert("prices".to_owned(), Value::Array(own));
                }
            }
        }
    }
    Ok(page)
}

fn variants_of(product: &Value) -> &[Value] {
    product
        .get("variants")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// Each variant's base prices and this list's prices (base prices first, as they are older),
/// each with its `price_list` (`null` for base prices): two statements.
async fn prices_by_variant<C: ConnectionTrait>(
    conn: &C,
    price_list_id: &str,
    variant_ids: &[String],
) -> Result<HashMap<String, Vec<Value>>> {
    let list = find_live::<price_list::Entity, _>(conn, price_list_id).await?;
    let list_json = serde_json::to_value(&list).map_err(serialization)?;
    let rows = money_amount::Entity::find()
        .join(JoinType::InnerJoin, crate::view::price_to_variant_link())
        .filter(product_variant_money_amount::Column::VariantId.is_in(variant_ids.iter().cloned()))
        .filter(money_amount::Column::DeletedAt.is_null())
        .filter(
            Condition::any()
                .add(money_amount::Column::PriceListId.eq(price_list_id))
                .add(money_amount::Column::PriceListId.is_null()),
        )
        .order_by(money_amount::Column::CreatedAt, Order::Asc)
        .order_by(money_amount::Column::Id, Order::Asc)
        .select_also(product_variant_money_amount::Entity)
        .all(conn)
        .await?;
    let mut by_variant: HashMap<String, Vec<Value>> = HashMap::new();
    for (price, link) in rows {
        let Some(link) = link else { continue };
        let in_list = price.price_list_id.is_some();
        let mut json: Map<String, Value> = match serde_json::to_value(&price) {
            Ok(Value::Object(map)) => map,
            Ok(_) => Map::new(),
            Err(err) => return Err(serialization(err)),
        };
        json.insert(
            "price_list".to_owned(),
            if in_list {
                list_json.clone()
            } else {
                Value::Null
            },
        );
        by_variant
            .entry(link.variant_id)
            .or_default()
            .push(Value::Object(json));
    }
    Ok(by_variant)
}

fn serialization(err: serde_json::Error) -> medusa_core::Error {
    medusa_core::Error::UnexpectedState(format!("price serialization failed: {err}"))
}
