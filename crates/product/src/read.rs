//! Reading products and variants: the page query, then each selected relation loaded for the
//! whole page with one select-in query (a link table read joined with its targets), never one
//! per row; then the page written straight to JSON bytes. Soft-deleted related rows are left
//! out, as Medusa's joins do.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::Arc;

use async_trait::async_trait;
use medusa_core::{Error, ListPage, Result};
use medusa_entity::{
    image, money_amount, product, product_category, product_category_product, product_collection,
    product_images, product_option, product_option_value, product_sales_channel,
    product_shipping_profile, product_tag, product_tags, product_type, product_variant,
    product_variant_inventory_item, product_variant_money_amount, sales_channel, shipping_profile,
};
use medusa_query_dsl::{key_in, ListPlan, RelationNode, Selection};
use sea_orm::sea_query::{Alias, Expr, Query, SelectStatement, SimpleExpr};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, FromQueryResult,
    JoinType, Order, PaginatorTrait, QueryFilter, QuerySelect, QueryTrait, Statement,
};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::query::ProductQuery;
use crate::rows::{FetchRows, Fetched};
use crate::view::{
    write_array, write_key, Kept, Probe, ProductView, RowBytes, VariantView, PRICE_DECORATION_KEYS,
};
use medusa_load::{AsPgPool, Groups, Reader, LINK_OWNER};

mod level;
mod relations;

use level::*;
use relations::*;

type Json = Map<String, Value>;

/// `column` is one of `keys`, as the connection's backend best writes it.
pub(crate) fn among<C: ConnectionTrait>(
    conn: &C,
    column: impl ColumnTrait,
    keys: Vec<String>,
) -> SimpleExpr {
    key_in(column.into_expr(), keys, conn.get_database_backend())
}

fn distinct(ids: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut ids: Vec<String> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// How a variant's `prices` are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PriceMode {
    /// Medusa's pricing decoration: base prices only (no price list), each with `price_list`
    /// and `variant_id`, and the variant's price keys added as `null`.
    Decorated,
    /// Every live price, price-list prices included, as stored.
    Raw,
}

pub(crate) fn product_not_found(id: &str) -> Error {
    Error::not_found(format!("Product with id: {id} was not found"))
}

/// One live product with the selected relations; 404 `Product with id: X was not found`.
pub async fn retrieve_product<C: ConnectionTrait + AsPgPool>(
    conn: &C,
    id: &str,
    selection: &Selection,
) -> Result<ProductView> {
    let page = product::Entity::find_by_id(id)
        .filter(product::Column::DeletedAt.is_null())
        .into_query();
    let level = read_products(&mut Reader::new(conn).await?, &page, selection).await?;
    product_views(&level, selection)?
        .pop()
        .ok_or_else(|| product_not_found(id))
}

/// A page of products as planned by [`ProductQuery`], as values a caller can still edit
/// (`GET /admin/products` itself is written straight to bytes by [`list_products_json`]).
pub async fn list_products<C: ConnectionTrait + AsPgPool>(
    conn: &C,
    query: &ProductQuery,
) -> Result<ListPage<ProductView>> {
    let plan = &query.plan;
    let (count, level) = read_product_page(conn, query).await?;
    let items = product_views(&level, &plan.selection)?;
    Ok(plan.page("products", items, count))
}

fn serialization_failed(err: serde_json::Error) -> Error {
    Error::UnexpectedState(format!("row serialization failed: {err}"))
}

/// `GET /admin/products` as JSON bytes: [`list_products`]'s answer, serialized.
async fn list_products_json<C: ConnectionTrait + AsPgPool>(
    conn: &C,
    query: &ProductQuery,
) -> Result<Vec<u8>> {
    let plan = &query.plan;
    let (count, level) = read_product_page(conn, query).await?;
    let mut out = Vec::with_capacity(4096 + level.count * 32 * 1024);
    out.extend_from_slice(b"{\"products\":");
    write_products(&mut out, &level, &plan.selection);
    out.extend_from_slice(
        format!(
            ",\"count\":{count},\"offset\":{},\"limit\":{}}}",
            plan.offset, plan.limit_echo
        )
        .as_bytes(),
    );
    Ok(out)
}

/// The count and the page of a product list, with the page's selected relations; the
/// connection goes back to the pool before the page is written.
async fn read_product_page<C: ConnectionTrait + AsPgPool>(
    conn: &C,
    query: &ProductQuery,
) -> Result<(u64, Level)> {
    let plan = &query.plan;
    let mut reader = Reader::new(conn).await?;
    let count = reader
        .count(
            product::Entity::find()
                .filter(query.condition.clone())
                .into_query(),
        )
        .await?;
    let page = plan
        .apply(product::Entity::find())
        .filter(query.condition.clone())
        .into_query();
    let level = read_products(&mut reader, &page, &plan.selection).await?;
    Ok((count, level))
}

/// The products `page` selects, with their selected relations.
async fn read_products<C: ConnectionTrait + AsPgPool>(
    reader: &mut Reader<'_, C>,
    page: &SelectStatement,
    selection: &Selection,
) -> Result<Level> {
    let rows = reader.fetch::<product::Entity>(page, None).await?;
    product_level(reader, Level::fetched(rows), selection).await
}

/// The products of a level as values, written as a page writes them.
fn product_views(level: &Level, selection: &Selection) -> Result<Vec<ProductView>> {
    let mut out = Vec::new();
    write_products(&mut out, level, selection);
    let products: Vec<Json> = serde_json::from_slice(&out).map_err(serialization_failed)?;
    Ok(products.into_iter().map(ProductView::from_json).collect())
}

/// The variants `page` selects, with the selected relations, as their routes answer them.
///
/// `Decorated` is Medusa's pricing decoration, which these routes apply to every variant
/// whatever `fields` and `expand` say: `prices` (base prices, replacing a selected `prices`)
/// and the price keys, all `null` without a pricing context.
async fn read_variants<C: ConnectionTrait + AsPgPool>(
    conn: &C,
    page: &SelectStatement,
    selection: &Selection,
    mode: PriceMode,
) -> Result<Vec<VariantView>> {
    let decorate = mode == PriceMode::Decorated;
    let mut selection = selection.clone();
    if decorate {
        selection.relations.retain(|node| node.name != "prices");
        selection.load("prices");
    }
    let mut reader = Reader::new(conn).await?;
    let rows = reader.fetch::<product_variant::Entity>(page, None).await?;
    let mut level = Level::fetched(rows);
    if level.count > 0 {
        variant_relations(&mut reader, &mut level, &selection.relations, mode, None).await?;
    }
    drop(reader);
    let kept = Kept::by_shaping(&level.probe(), &selection);
    let more: &[&'static str] = if decorate { PRICE_DECORATION_KEYS } else { &[] };
    let plan = level.plan(&kept, more);
    let nulls = vec![&b"null"[..]; more.len()];
    let rows: Vec<usize> = (0..level.count).collect();
    let mut out = Vec::new();
    write_array(&mut out, &rows, |out, &row| {
        level.write_row(&plan, out, row, &nulls);
    });
    let variants: Vec<Json> = serde_json::from_slice(&out).map_err(serialization_failed)?;
    Ok(variants.into_iter().map(VariantView::from_json).collect())
}

/// A variant list: its plan's page and count, the search joining the product for `q`.
async fn list_variant_page<C: ConnectionTrait + AsPgPool>(
    conn: &C,
    plan: &ListPlan,
    product_id: Option<&str>,
    mode: PriceMode,
) -> Result<(Vec<VariantView>, u64)> {
    let mut base = product_variant::Entity::find();
    if plan.search.is_some() {
        base = base.join(
            JoinType::InnerJoin,
            medusa_load::references::<product_variant::Entity, product::Entity>(
                product_variant::Column::ProductId,
                product::Column::Id,
            ),
        );
    }
    if let Some(product_id) = product_id {
        base = base.filter(product_variant::Column::ProductId.eq(product_id));
    }
    let count = plan.apply_count(base.clone()).count(conn).await?;
    let page = plan.apply(base).into_query();
    let mut selection = plan.selection.clone();
    if plan.search.is_some() {
        // Medusa's search joins each variant's product and returns it, whatever `expand` says.
        selection.load("product");
    }
    let items = read_variants(conn, &page, &selection, mode).await?;
    Ok((items, count))
}

/// A page of `GET /admin/variants`. Medusa answers it without `offset` and `limit`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VariantPage {
    pub variants: Vec<VariantView>,
    pub count: u64,
}

/// `{tags: [{id, value, usage_count}]}` row of `GET /admin/products/tag-usage`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, FromQueryResult)]
pub struct TagUsage {
    pub id: String,
    pub value: String,
    /// A string, as PostgreSQL's `COUNT` reaches JavaScript.
    #[serde(serialize_with = "count_as_string")]
    pub usage_count: i64,
}

fn count_as_string<S: serde::Serializer>(
    count: &i64,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&count.to_string())
}

/// Reading the catalog's products, variants, tags and types.
#[async_trait]
pub trait ProductService: Send + Sync {
    /// `GET /admin/products`.
    async fn list(&self, query: &ProductQuery) -> Result<ListPage<ProductView>>;
    /// `GET /admin/products` as the response body's bytes.
    async fn list_json(&self, query: &ProductQuery) -> Result<Vec<u8>> {
        let page = self.list(query).await?;
        serde_json::to_vec(&page).map_err(serialization_failed)
    }
    /// `GET /admin/products/{id}`.
    async fn retrieve(&self, id: &str, selection: &Selection) -> Result<ProductView>;
    /// `GET /admin/variants`, planned from [`crate::VARIANT_LIST`].
    async fn list_variants(&self, plan: &ListPlan) -> Result<VariantPage>;
    /// `GET /admin/variants/{id}`; 404 `Variant with id: X was not found`.
    async fn retrieve_variant(&self, id: &str, selection: &Selection) -> Result<VariantView>;
    /// `GET /admin/products/{id}/variants`, planned from [`crate::PRODUCT_VARIANT_LIST`]:
    /// raw prices, price-list prices included.
    async fn list_product_variants(
        &self,
        product_id: &str,
        plan: &ListPlan,
    ) -> Result<ListPage<VariantView>>;
    /// `GET /admin/products/tag-usage`: the ten tags on most products.
    async fn tag_usage(&self) -> Result<Vec<TagUsage>>;
    /// `GET /admin/products/types`: every live product type.
    async fn types(&self) -> Result<Vec<product_type::Model>>;
    /// `GET /admin/product-tags`, planned from [`crate::PRODUCT_TAG_LIST`].
    async fn list_tags(
        &self,
        plan: &ListPlan,
        discount_condition_id: Option<&str>,
    ) -> Result<ListPage<product_tag::Model>>;
    /// `GET /admin/product-types`, planned from [`crate::PRODUCT_TYPE_LIST`].
    async fn list_types(
        &self,
        plan: &ListPlan,
        discount_condition_id: Option<&str>,
    ) -> Result<ListPage<product_type::Model>>;
}

/// [`ProductService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaProductService {
    db: DatabaseConnection,
}

impl SeaProductService {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

fn variant_not_found(id: &str) -> Error {
    Error::not_found(format!("Variant with id: {id} was not found"))
}

#[async_trait]
impl ProductService for SeaProductService {
    async fn list(&self, query: &ProductQuery) -> Result<ListPage<ProductView>> {
        list_products(&self.db, query).await
    }

    async fn list_json(&self, query: &ProductQuery) -> Result<Vec<u8>> {
        list_products_json(&self.db, query).await
    }

    async fn retrieve(&self, id: &str, selection: &Selection) -> Result<ProductView> {
        retrieve_product(&self.db, id, selection).await
    }

    async fn list_variants(&self, plan: &ListPlan) -> Result<VariantPage> {
        let (variants, count) =
            list_variant_page(&self.db, plan, None, PriceMode::Decorated).await?;
        Ok(VariantPage { variants, count })
    }

    async fn retrieve_variant(&self, id: &str, selection: &Selection) -> Result<VariantView> {
        let page = product_variant::Entity::find_by_id(id)
            .filter(product_variant::Column::DeletedAt.is_null())
            .into_query();
        read_variants(&self.db, &page, selection, PriceMode::Decorated)
            .await?
            .pop()
            .ok_or_else(|| variant_not_found(id))
    }

    async fn list_product_variants(
        &self,
        product_id: &str,
        plan: &ListPlan,
    ) -> Result<ListPage<VariantView>> {
        let (items, count) =
            list_variant_page(&self.db, plan, Some(product_id), PriceMode::Raw).await?;
        Ok(plan.page("variants", items, count))
    }

    async fn tag_usage(&self) -> Result<Vec<TagUsage>> {
        let statement = Query::select()
            .column((product_tag::Entity, product_tag::Column::Id))
            .column((product_tag::Entity, product_tag::Column::Value))
            .expr_as(
                Expr::col((product_tags::Entity, product_tags::Column::ProductId)).count(),
                Alias::new("usage_count"),
            )
            .from(product_tag::Entity)
            .inner_join(
                product_tags::Entity,
                Expr::col((product_tags::Entity, product_tags::Column::ProductTagId))
                    .equals((product_tag::Entity, product_tag::Column::Id)),
            )
            .and_where(Expr::col((product_tag::Entity, product_tag::Column::DeletedAt)).is_null())
            .group_by_col((product_tag::Entity, product_tag::Column::Id))
            .group_by_col((product_tag::Entity, product_tag::Column::Value))
            .order_by(Alias::new("usage_count"), Order::Desc)
            .order_by((product_tag::Entity, product_tag::Column::Id), Order::Asc)
            .limit(10)
            .to_owned();
        let backend = self.db.get_database_backend();
        let built: Statement = backend.build(&statement);
        Ok(TagUsage::find_by_statement(built).all(&self.db).await?)
    }

    async fn types(&self) -> Result<Vec<product_type::Model>> {
        Ok(product_type::Entity::find()
            .filter(product_type::Column::DeletedAt.is_null())
            .all(&self.db)
            .await?)
    }

    async fn list_tags(
        &self,
        plan: &ListPlan,
        discount_condition_id: Option<&str>,
    ) -> Result<ListPage<product_tag::Model>> {
        let mut base = product_tag::Entity::find();
        if let Some(condition_id) = discount_condition_id {
            base = base.filter(
                product_tag::Column::Id.in_subquery(
                    Query::select()
                        .column(medusa_entity::discount_condition_product_tag::Column::ProductTagId)
                        .from(medusa_entity::discount_condition_product_tag::Entity)
                        .and_where(
                            medusa_entity::discount_condition_product_tag::Column::ConditionId
                                .eq(condition_id),
                        )
                        .to_owned(),
                ),
            );
        }
        let count = plan.apply_count(base.clone()).count(&self.db).await?;
        let items = plan.apply(base).all(&self.db).await?;
        Ok(plan.page("product_tags", items, count))
    }

    async fn list_types(
        &self,
        plan: &ListPlan,
        discount_condition_id: Option<&str>,
    ) -> Result<ListPage<product_type::Model>> {
        let mut base = product_type::Entity::find();
        if let Some(condition_id) = discount_condition_id {
            base = base.filter(
                product_type::Column::Id.in_subquery(
                    Query::select()
                        .column(
                            medusa_entity::discount_condition_product_type::Column::ProductTypeId,
                        )
                        .from(medusa_entity::discount_condition_product_type::Entity)
                        .and_where(
                            medusa_entity::discount_condition_product_type::Column::ConditionId
                                .eq(condition_id),
                        )
                        .to_owned(),
                ),
            );
        }
        let count = plan.apply_count(base.clone()).count(&self.db).await?;
        let items = plan.apply(base).all(&self.db).await?;
        Ok(plan.page("product_types", items, count))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_texts_compare_as_their_bytes() {
        assert_eq!(json_text_cmp(br#""ab""#, br#""ab ""#), Ordering::Less);
        assert_eq!(json_text_cmp(br#""B""#, br#""a""#), Ordering::Less);
        assert_eq!(json_text_cmp(br#""a""#, br#""a""#), Ordering::Equal);
        // `a"` (0x22) after `a!` (0x21), though `\` (0x5c) is what the JSON holds.
        assert_eq!(json_text_cmp(br#""a\"""#, br#""a!""#), Ordering::Greater);
        assert_eq!(json_text_cmp(br#""a\u0001""#, br#""a ""#), Ordering::Less);
    }

    #[derive(Serialize)]
    struct Variant {
        id: &'static str,
        product_id: &'static str,
        variant_rank: Option<i64>,
    }

    fn level<T: Serialize>(rows: &[T]) -> Level {
        Level::fetched(Fetched {
            rows: RowBytes::of(rows).unwrap(),
            count: rows.len(),
            owners: Vec::new(),
        })
    }

    #[derive(Serialize)]
    struct Product {
        id: &'static str,
    }

    /// Children come under their parent sorted as the database used to sort the whole level:
    /// `variant_rank` ascending with nulls last, then id byte by byte.
    #[test]
    fn children_are_grouped_and_sorted_per_parent() {
        let mut products = level(&[Product { id: "p1" }, Product { id: "p2" }]);
        let variants = level(&[
            Variant {
                id: "v_b",
                product_id: "p1",
                variant_rank: None,
            },
            Variant {
                id: "v_c",
                product_id: "p2",
                variant_rank: Some(0),
            },
            Variant {
                id: "v_a",
                product_id: "p1",
                variant_rank: Some(1),
            },
            Variant {
                id: "V_z",
                product_id: "p1",
                variant_rank: None,
            },
            Variant {
                id: "v_d",
                product_id: "p3",
                variant_rank: Some(0),
            },
            Variant {
                id: "v_e",
                product_id: "p1",
                variant_rank: Some(1),
            },
        ]);
        let variants = Arc::new(variants);
        products.attach(
            "variants",
            Related::Many(Arc::clone(&variants), "product_id", ChildOrder::RankThenId),
        );
        products.attach(
            "by_id",
            Related::Many(variants, "product_id", ChildOrder::Id),
        );
        let ids = |relation: usize, parent: usize| -> Vec<String> {
            let Some((_, Attached::Many { level, groups })) = products.relations.get(relation)
            else {
                panic!("not attached");
            };
            groups
                .get(parent)
                .iter()
                .map(|&row| String::from_utf8(level.rows.field(row, "id").unwrap().to_vec()))
                .collect::<std::result::Result<_, _>>()
                .unwrap()
        };
        assert_eq!(ids(0, 0), [r#""v_a""#, r#""v_e""#, r#""V_z""#, r#""v_b""#]);
        assert_eq!(ids(0, 1), [r#""v_c""#]);
        assert_eq!(ids(1, 0), [r#""V_z""#, r#""v_a""#, r#""v_b""#, r#""v_e""#]);
    }
}
