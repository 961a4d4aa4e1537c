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
    product_variant_money_amount, sales_channel, shipping_profile,
};
use medusa_query_dsl::{key_in, ListPlan, RelationNode, Selection};
use sea_orm::sea_query::{Alias, Expr, Query, SelectStatement, SimpleExpr};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, FromQueryResult,
    Order, PaginatorTrait, QueryFilter, QueryTrait, Statement,
};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::query::ProductQuery;
use crate::rows::{FetchRows, Fetched};
use crate::view::{
    write_array, write_key, Kept, Probe, ProductView, RowBytes, VariantView, PRICE_DECORATION_KEYS,
};
use medusa_load::{AsPgPool, Groups, Reader, LINK_OWNER};

type Json = Map<String, Value>;

/// `column` is one of `keys`, as the connection's backend best writes it.
fn among<C: ConnectionTrait>(conn: &C, column: impl ColumnTrait, keys: Vec<String>) -> SimpleExpr {
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

// The rows are kept as the JSON of their fields, serialized once each (`RowBytes`); relations
// are attached as row indexes, never by cloning rows; and the keys `Selection::shape` would
// keep are found once per level (`Kept`), so the bytes are what shaping values would give.

/// One level of a loaded tree: its rows' fields, the keys added to every row, and the
/// relations attached below it.
struct Level {
    rows: RowBytes,
    count: usize,
    extras: Vec<(&'static str, Extra)>,
    relations: Vec<(&'static str, Attached)>,
    /// The JSON of each row's link owner, when the rows were read joined with their links.
    owners: Vec<Vec<u8>>,
}

/// A key added to each row of a level, as Medusa's decorations add it.
enum Extra {
    Null,
    /// The row's link owner.
    LinkOwner,
}

/// A relation's rows, loaded and not yet attached to their parents.
enum Related {
    /// Rows naming their parent's `id` in their field `owner`, or in the link owner they were
    /// read with ([`LINK_OWNER`]), each parent's in `ChildOrder`. Shared when two relations
    /// show the same rows.
    Many(Arc<Level>, &'static str, ChildOrder),
    /// Rows each parent names by the `id` in its field `foreign_key`.
    One(Level, &'static str),
    /// A relation no row has.
    Empty,
}

/// The order of each parent's children. Sorted here, per parent, rather than by the database:
/// a page's groups are a handful of rows each, while sorting a whole level cost PostgreSQL a
/// copy of every row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ChildOrder {
    /// By id, byte by byte (PostgreSQL's `COLLATE "C"`, SQLite's default).
    Id,
    /// By `variant_rank` (nulls last, as PostgreSQL sorts them ascending), then by id.
    RankThenId,
}

impl ChildOrder {
    /// Sorts each group of `groups`, whose members are rows of `level`.
    fn sort(self, level: &Level, groups: &mut Groups) {
        let ids: Vec<&[u8]> = level.column("id").map(Option::unwrap_or_default).collect();
        let ranks: Vec<Option<i64>> = match self {
            ChildOrder::Id => Vec::new(),
            ChildOrder::RankThenId => level
                .column("variant_rank")
                .map(|rank| rank.and_then(|json| serde_json::from_slice(json).ok()))
                .collect(),
        };
        let id = |row: usize| ids.get(row).copied().unwrap_or_default();
        let rank = |row: usize| ranks.get(row).copied().flatten();
        groups.sort_each(|a, b| {
            let by_rank = match (rank(a), rank(b)) {
                (Some(a), Some(b)) => a.cmp(&b),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            };
            by_rank.then_with(|| json_text_cmp(id(a), id(b)))
        });
    }
}

/// Two JSON strings in the byte order of the text they hold.
fn json_text_cmp(a: &[u8], b: &[u8]) -> Ordering {
    fn inner(json: &[u8]) -> &[u8] {
        json.strip_prefix(b"\"")
            .and_then(|rest| rest.strip_suffix(b"\""))
            .unwrap_or(json)
    }
    let (a, b) = (inner(a), inner(b));
    if !a.contains(&b'\\') && !b.contains(&b'\\') {
        return a.cmp(b);
    }
    // An escape: compare the text it stands for.
    let text = |json: &[u8]| {
        let mut quoted = Vec::with_capacity(json.len() + 2);
        quoted.push(b'"');
        quoted.extend_from_slice(json);
        quoted.push(b'"');
        serde_json::from_slice::<String>(&quoted).unwrap_or_default()
    };
    text(a).as_bytes().cmp(text(b).as_bytes())
}

/// A relation's rows, each parent's found once when attached (not per written row).
enum Attached {
    /// The children of each parent row.
    Many { level: Arc<Level>, groups: Groups },
    /// The row each parent row names, if any.
    One {
        level: Level,
        targets: Vec<Option<usize>>,
    },
    /// A relation no row has: an empty array on every parent.
    Empty,
}

impl Attached {
    fn level(&self) -> Option<&Level> {
        match self {
            Attached::Many { level, .. } => Some(level),
            Attached::One { level, .. } => Some(level),
            Attached::Empty => None,
        }
    }
}

impl Level {
    fn fetched(fetched: Fetched) -> Self {
        Self {
            rows: fetched.rows,
            count: fetched.count,
            extras: Vec::new(),
            relations: Vec::new(),
            owners: fetched.owners,
        }
    }

    /// The JSON of row `row`'s field `key` for every row, or of its link owner.
    fn column<'a>(&'a self, key: &str) -> impl Iterator<Item = Option<&'a [u8]>> + 'a {
        let position = self.rows.position(key);
        let owners = key == LINK_OWNER;
        let key = key.to_owned();
        (0..self.count).map(move |row| {
            if owners {
                self.owners.get(row).map(Vec::as_slice)
            } else {
                self.rows.field_near(row, position, &key)
            }
        })
    }

    /// Row indexes by the JSON of their `key` (a string: `null`s are left out).
    fn rows_by(&self, key: &str) -> HashMap<&[u8], usize> {
        self.column(key)
            .enumerate()
            .filter_map(|(row, value)| value.filter(|v| v.first() == Some(&b'"')).map(|v| (v, row)))
            .collect()
    }

    /// Attaches a loaded relation under `name`, finding each row's related rows now.
    fn attach(&mut self, name: &'static str, related: Related) {
        let attached = match related {
            Related::Many(level, owner, order) => {
                let parents = self.rows_by("id");
                let parent_of: Vec<Option<usize>> = level
                    .column(owner)
                    .map(|owner| owner.and_then(|owner| parents.get(owner).copied()))
                    .collect();
                let mut groups = Groups::of(self.count, &parent_of);
                order.sort(&level, &mut groups);
                Attached::Many { level, groups }
            }
            Related::One(level, foreign_key) => {
                let by_id = level.rows_by("id");
                let targets = self
                    .column(foreign_key)
                    .map(|key| key.and_then(|key| by_id.get(key).copied()))
                    .collect();
                Attached::One { level, targets }
            }
            Related::Empty => Attached::Empty,
        };
        self.relations.push((name, attached));
    }

    /// The text values of one field over the rows, in row order (`null`s left out).
    fn strings(&self, key: &str) -> Vec<String> {
        let position = self.rows.position(key);
        (0..self.count)
            .filter_map(|row| self.rows.field_near(row, position, key))
            .filter_map(|json| {
                serde_json::from_slice::<Option<String>>(json)
                    .ok()
                    .flatten()
            })
            .collect()
    }

    fn probe(&self) -> Probe {
        let mut keys = self.rows.keys();
        keys.extend(self.extras.iter().map(|(key, _)| *key));
        Probe {
            keys,
            children: self
                .relations
                .iter()
                .map(|(name, attached)| {
                    let probe = attached.level().map(Level::probe).unwrap_or_default();
                    (*name, probe)
                })
                .collect(),
        }
    }

    /// How this level's rows are written under `kept`; `more` are keys whose values each
    /// row's caller supplies, set last (they win over a field of the same name).
    fn plan(&self, kept: &Kept, more: &[&'static str]) -> Plan {
        let keys = self.rows.keys();
        let mut candidates: Vec<(&str, Source)> = Vec::with_capacity(keys.len() + 16);
        for (position, key) in keys.iter().enumerate() {
            if kept.keeps(key) {
                candidates.push((key, Source::Field(position, key)));
            }
        }
        for (index, (key, _)) in self.extras.iter().enumerate() {
            if kept.keeps(key) {
                candidates.push((key, Source::Extra(index)));
            }
        }
        let mut children = Vec::with_capacity(self.relations.len());
        for (index, (name, attached)) in self.relations.iter().enumerate() {
            let child = if kept.keeps(name) {
                candidates.push((name, Source::Relation(index)));
                attached
                    .level()
                    .map(|level| level.plan(kept.child(name), &[]))
            } else {
                None
            };
            children.push(child);
        }
        for (index, key) in more.iter().enumerate() {
            candidates.push((key, Source::More(index)));
        }
        // Keys in byte order, as a `serde_json::Map` orders them; the last of equal keys
        // wins, as a map insert does.
        candidates.sort_by(|a, b| a.0.cmp(b.0));
        let mut entries: Vec<(Vec<u8>, Source)> = Vec::with_capacity(candidates.len());
        for (index, (key, source)) in candidates.iter().enumerate() {
            if candidates.get(index + 1).is_some_and(|next| next.0 == *key) {
                continue;
            }
            let mut prefix = Vec::with_capacity(key.len() + 3);
            write_key(&mut prefix, key);
            prefix.push(b':');
            entries.push((prefix, *source));
        }
        Plan { entries, children }
    }

    /// Writes row `row` as `plan` says; `more` holds the JSON of the plan's `more` keys.
    fn write_row(&self, plan: &Plan, out: &mut Vec<u8>, row: usize, more: &[&[u8]]) {
        out.push(b'{');
        let mut first = true;
        for (prefix, source) in &plan.entries {
            let value: Option<&[u8]> = match *source {
                Source::Field(position, key) => {
                    let Some(bytes) = self.rows.field_at(row, position, key) else {
                        continue;
                    };
                    Some(bytes)
                }
                Source::Extra(index) => Some(match self.extras.get(index) {
                    Some((_, Extra::LinkOwner)) => {
                        self.owners.get(row).map_or(&b"null"[..], Vec::as_slice)
                    }
                    Some((_, Extra::Null)) | None => b"null",
                }),
                Source::Relation(_) => None,
                Source::More(index) => Some(more.get(index).copied().unwrap_or(b"null")),
            };
            if !first {
                out.push(b',');
            }
            first = false;
            out.extend_from_slice(prefix);
            match (value, source) {
                (Some(bytes), _) => out.extend_from_slice(bytes),
                (None, Source::Relation(index)) => self.write_relation(plan, out, row, *index),
                (None, _) => out.extend_from_slice(b"null"),
            }
        }
        out.push(b'}');
    }

    /// Writes the rows row `row` has in relation `index`.
    fn write_relation(&self, plan: &Plan, out: &mut Vec<u8>, row: usize, index: usize) {
        let attached = self.relations.get(index).map(|(_, attached)| attached);
        let child = plan.children.get(index).and_then(Option::as_ref);
        match (attached, child) {
            (Some(Attached::Many { level, groups }), Some(child)) => {
                write_array(out, groups.get(row), |out, &target| {
                    level.write_row(child, out, target, &[]);
                });
            }
            (Some(Attached::One { level, targets }), Some(child)) => {
                match targets.get(row).copied().flatten() {
                    Some(target) => level.write_row(child, out, target, &[]),
                    None => out.extend_from_slice(b"null"),
                }
            }
            (Some(Attached::One { .. }), None) => out.extend_from_slice(b"null"),
            _ => out.extend_from_slice(b"[]"),
        }
    }
}

/// Where one key of a written row comes from.
#[derive(Debug, Clone, Copy)]
enum Source {
    /// The row's field at this position of its level's keys.
    Field(usize, &'static str),
    /// The level's extra at this index.
    Extra(usize),
    /// The level's relation at this index.
    Relation(usize),
    /// The caller's value at this index.
    More(usize),
}

/// How the rows of one level are written under a selection: the kept keys in output order,
/// each pre-escaped with its source, worked out once per level instead of once per row.
struct Plan {
    entries: Vec<(Vec<u8>, Source)>,
    /// The plans of the level's relations, by relation index (`None`: not written).
    children: Vec<Option<Plan>>,
}

fn serialization_failed(err: serde_json::Error) -> Error {
    Error::UnexpectedState(format!("row serialization failed: {err}"))
}

/// The prices of these variants, each under the variant its link names, read joined with the
/// links in one statement (a price has at most one link: `money_amount_id` is unique there).
async fn price_level<C: ConnectionTrait + AsPgPool>(
    reader: &mut Reader<'_, C>,
    variant_ids: &[String],
    mode: PriceMode,
) -> Result<Related> {
    let conn = reader.conn();
    let mut select = money_amount::Entity::find().into_query();
    select
        .expr_as(
            Expr::col((
                product_variant_money_amount::Entity,
                product_variant_money_amount::Column::VariantId,
            )),
            Alias::new(LINK_OWNER),
        )
        .inner_join(
            product_variant_money_amount::Entity,
            Expr::col((
                product_variant_money_amount::Entity,
                product_variant_money_amount::Column::MoneyAmountId,
            ))
            .equals((money_amount::Entity, money_amount::Column::Id)),
        )
        .and_where(key_in(
            Expr::col((
                product_variant_money_amount::Entity,
                product_variant_money_amount::Column::VariantId,
            )),
            variant_ids.to_vec(),
            conn.get_database_backend(),
        ))
        .and_where(
            Expr::col((
                product_variant_money_amount::Entity,
                product_variant_money_amount::Column::DeletedAt,
            ))
            .is_null(),
        )
        .and_where(Expr::col((money_amount::Entity, money_amount::Column::DeletedAt)).is_null());
    if mode == PriceMode::Decorated {
        select.and_where(
            Expr::col((money_amount::Entity, money_amount::Column::PriceListId)).is_null(),
        );
    }
    let fetched = reader
        .fetch::<money_amount::Entity>(&select, Some(LINK_OWNER))
        .await?;
    let mut level = Level::fetched(fetched);
    if mode == PriceMode::Decorated {
        level.extras.push(("price_list", Extra::Null));
        level.extras.push(("variant_id", Extra::LinkOwner));
    }
    Ok(Related::Many(Arc::new(level), LINK_OWNER, ChildOrder::Id))
}

/// Fills the relations below a level of variants (`prices`, `options`, `product`); `values`
/// are the option values loaded for the page, when `options` is selected.
async fn variant_relations<C: ConnectionTrait + AsPgPool>(
    reader: &mut Reader<'_, C>,
    variants: &mut Level,
    nodes: &[RelationNode],
    mode: PriceMode,
    values: Option<&Arc<Level>>,
) -> Result<()> {
    let ids = variants.strings("id");
    for node in nodes {
        match node.name {
            "prices" => {
                let prices = price_level(reader, &ids, mode).await?;
                variants.attach("prices", prices);
            }
            "options" => {
                let values = match values {
                    Some(values) => Arc::clone(values),
                    None => Arc::new(OptionValues::of_variants(&ids).load(reader).await?),
                };
                variants.attach(
                    "options",
                    Related::Many(values, "variant_id", ChildOrder::Id),
                );
            }
            "product" => {
                let products = live_rows::<product::Entity, _>(
                    reader,
                    product::Column::Id,
                    product::Column::DeletedAt,
                    distinct(variants.strings("product_id")),
                )
                .await?;
                variants.attach("product", Related::One(products, "product_id"));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Which option values a page needs: those of its variants (`variants.options`) and those of
/// its options (`options.values`), read in one statement when both are selected. Mostly the
/// same rows; each relation then groups the rows by its own key and finds only its own.
#[derive(Default)]
struct OptionValues {
    variant_ids: Option<Vec<String>>,
    option_ids: Option<Vec<String>>,
}

impl OptionValues {
    fn of_variants(ids: &[String]) -> Self {
        Self {
            variant_ids: Some(ids.to_vec()),
            option_ids: None,
        }
    }

    async fn load<C: ConnectionTrait + AsPgPool>(
        self,
        reader: &mut Reader<'_, C>,
    ) -> Result<Level> {
        let conn = reader.conn();
        let mut wanted = Condition::any();
        if let Some(ids) = self.variant_ids {
            wanted = wanted.add(among(conn, product_option_value::Column::VariantId, ids));
        }
        if let Some(ids) = self.option_ids {
            wanted = wanted.add(among(conn, product_option_value::Column::OptionId, ids));
        }
        let select = product_option_value::Entity::find()
            .filter(wanted)
            .filter(product_option_value::Column::DeletedAt.is_null())
            .into_query();
        let values = reader
            .fetch::<product_option_value::Entity>(&select, None)
            .await?;
        Ok(Level::fetched(values))
    }
}

fn wants(node: Option<&RelationNode>, child: &str) -> bool {
    node.is_some_and(|node| node.children.iter().any(|c| c.name == child))
}

/// The live rows of `E` whose `column` is one of `keys`.
async fn live_rows<E, C>(
    reader: &mut Reader<'_, C>,
    column: E::Column,
    deleted_at: E::Column,
    keys: Vec<String>,
) -> Result<Level>
where
    E: EntityTrait,
    E::Model: Serialize,
    C: ConnectionTrait + AsPgPool,
{
    let select = E::find()
        .filter(among(reader.conn(), column, keys))
        .filter(deleted_at.is_null())
        .into_query();
    Ok(Level::fetched(reader.fetch::<E>(&select, None).await?))
}

async fn variant_level<C: ConnectionTrait + AsPgPool>(
    reader: &mut Reader<'_, C>,
    mut level: Level,
    node: &RelationNode,
    values: Option<&Arc<Level>>,
) -> Result<Related> {
    let decorate = node.children.iter().any(|c| c.name == "prices");
    let mode = if decorate {
        PriceMode::Decorated
    } else {
        PriceMode::Raw
    };
    variant_relations(reader, &mut level, &node.children, mode, values).await?;
    if decorate {
        level
            .extras
            .extend(PRICE_DECORATION_KEYS.iter().map(|key| (*key, Extra::Null)));
    }
    Ok(Related::Many(
        Arc::new(level),
        "product_id",
        ChildOrder::RankThenId,
    ))
}

fn option_level(mut level: Level, node: &RelationNode, values: Option<&Arc<Level>>) -> Related {
    if let Some(values) = values.filter(|_| wants(Some(node), "values")) {
        level.attach(
            "values",
            Related::Many(Arc::clone(values), "option_id", ChildOrder::Id),
        );
    }
    Related::Many(Arc::new(level), "product_id", ChildOrder::Id)
}

/// Targets through a link table, read joined with their links in one statement; each
/// owner's come in the targets' id order once attached.
async fn joined_level<C, T, L>(
    reader: &mut Reader<'_, C>,
    target: (T, T::Column, Option<T::Column>),
    link: (L, L::Column, L::Column),
    owners: &[String],
) -> Result<Related>
where
    C: ConnectionTrait + AsPgPool,
    T: EntityTrait,
    T::Model: Serialize,
    L: EntityTrait,
{
    let conn = reader.conn();
    let (target, target_id, deleted_at) = target;
    let (link, link_owner, link_target) = link;
    let mut select = T::find().into_query();
    select
        .expr_as(Expr::col((link, link_owner)), Alias::new(LINK_OWNER))
        .inner_join(
            link,
            Expr::col((link, link_target)).equals((target, target_id)),
        )
        .and_where(key_in(
            Expr::col((link, link_owner)),
            owners.to_vec(),
            conn.get_database_backend(),
        ));
    if let Some(deleted_at) = deleted_at {
        select.and_where(Expr::col((target, deleted_at)).is_null());
    }
    let fetched = reader.fetch::<T>(&select, Some(LINK_OWNER)).await?;
    Ok(Related::Many(
        Arc::new(Level::fetched(fetched)),
        LINK_OWNER,
        ChildOrder::Id,
    ))
}

async fn link_level<C: ConnectionTrait + AsPgPool>(
    reader: &mut Reader<'_, C>,
    name: &str,
    product_ids: &[String],
) -> Result<Related> {
    macro_rules! joined {
        ($link:ident, $owner:ident, $target_col:ident, $target:ident, $deleted_at:expr) => {
            joined_level(
                reader,
                ($target::Entity, $target::Column::Id, $deleted_at),
                (
                    $link::Entity,
                    $link::Column::$owner,
                    $link::Column::$target_col,
                ),
                product_ids,
            )
            .await?
        };
    }
    Ok(match name {
        "images" => joined!(
            product_images,
            ProductId,
            ImageId,
            image,
            Some(image::Column::DeletedAt)
        ),
        "tags" => joined!(
            product_tags,
            ProductId,
            ProductTagId,
            product_tag,
            Some(product_tag::Column::DeletedAt)
        ),
        "profiles" => joined!(
            product_shipping_profile,
            ProductId,
            ProfileId,
            shipping_profile,
            Some(shipping_profile::Column::DeletedAt)
        ),
        "sales_channels" => joined!(
            product_sales_channel,
            ProductId,
            SalesChannelId,
            sales_channel,
            Some(sales_channel::Column::DeletedAt)
        ),
        // Categories have no soft delete (Medusa removes them).
        "categories" => joined!(
            product_category_product,
            ProductId,
            ProductCategoryId,
            product_category,
            None
        ),
        _ => Related::Empty,
    })
}

/// A page of products and its selected relations, as typed rows.
async fn product_level<C: ConnectionTrait + AsPgPool>(
    reader: &mut Reader<'_, C>,
    mut level: Level,
    selection: &Selection,
) -> Result<Level> {
    if level.count == 0 {
        return Ok(level);
    }
    let ids = level.strings("id");
    let find = |name: &str| selection.relations.iter().find(|node| node.name == name);
    let (variant_node, option_node) = (find("variants"), find("options"));
    let mut variants = match variant_node {
        Some(_) => Some(
            live_rows::<product_variant::Entity, _>(
                reader,
                product_variant::Column::ProductId,
                product_variant::Column::DeletedAt,
                ids.clone(),
            )
            .await?,
        ),
        None => None,
    };
    let mut options = match option_node {
        Some(_) => Some(
            live_rows::<product_option::Entity, _>(
                reader,
                product_option::Column::ProductId,
                product_option::Column::DeletedAt,
                ids.clone(),
            )
            .await?,
        ),
        None => None,
    };
    let mut wanted = OptionValues::default();
    if wants(variant_node, "options") {
        wanted.variant_ids = variants.as_ref().map(|level| level.strings("id"));
    }
    if wants(option_node, "values") {
        wanted.option_ids = options.as_ref().map(|level| level.strings("id"));
    }
    let values = if wanted.variant_ids.is_some() || wanted.option_ids.is_some() {
        Some(Arc::new(wanted.load(reader).await?))
    } else {
        None
    };
    for node in &selection.relations {
        let related = match node.name {
            "variants" => match variants.take() {
                Some(rows) => variant_level(reader, rows, node, values.as_ref()).await?,
                None => Related::Empty,
            },
            "options" => match options.take() {
                Some(rows) => option_level(rows, node, values.as_ref()),
                None => Related::Empty,
            },
            "type" => {
                let types = live_rows::<product_type::Entity, _>(
                    reader,
                    product_type::Column::Id,
                    product_type::Column::DeletedAt,
                    distinct(level.strings("type_id")),
                )
                .await?;
                Related::One(types, "type_id")
            }
            "collection" => {
                let collections = live_rows::<product_collection::Entity, _>(
                    reader,
                    product_collection::Column::Id,
                    product_collection::Column::DeletedAt,
                    distinct(level.strings("collection_id")),
                )
                .await?;
                Related::One(collections, "collection_id")
            }
            name => link_level(reader, name, &ids).await?,
        };
        level.attach(node.name, related);
    }
    Ok(level)
}

/// Writes each product trimmed to `selection`, with Medusa's `profile` and `profile_id`
/// (derived whenever `profiles` is loaded, whatever `fields` says).
fn write_products(out: &mut Vec<u8>, level: &Level, selection: &Selection) {
    let kept = Kept::by_shaping(&level.probe(), selection);
    let profiles = level
        .relations
        .iter()
        .position(|(name, _)| *name == "profiles")
        .filter(|_| kept.keeps("profiles"));
    let more: &[&'static str] = if profiles.is_some() {
        &["profile", "profile_id"]
    } else {
        &[]
    };
    let plan = level.plan(&kept, more);
    let profile_keeps_id = kept.child("profiles").keeps("id");
    let mut profile = Vec::new();
    let rows: Vec<usize> = (0..level.count).collect();
    write_array(out, &rows, |out, &row| {
        let Some(index) = profiles else {
            level.write_row(&plan, out, row, &[]);
            return;
        };
        // Medusa's `profile` is the last of the (trimmed) `profiles`.
        let last = match (
            level.relations.get(index).map(|(_, attached)| attached),
            plan.children.get(index).and_then(Option::as_ref),
        ) {
            (
                Some(Attached::Many {
                    level: targets,
                    groups,
                }),
                Some(child),
            ) => groups
                .get(row)
                .last()
                .map(|&target| (targets, child, target)),
            _ => None,
        };
        match last {
            Some((targets, child, target)) => {
                profile.clear();
                targets.write_row(child, &mut profile, target, &[]);
                let id = targets
                    .rows
                    .field(target, "id")
                    .filter(|_| profile_keeps_id)
                    .unwrap_or(b"null");
                level.write_row(&plan, out, row, &[&profile, id]);
            }
            None => level.write_row(&plan, out, row, &[b"null", b"null"]),
        }
    });
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
        base = base.inner_join(product::Entity);
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
