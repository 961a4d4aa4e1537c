//! Product categories: a tree (`parent_category_id`, with TypeORM's materialized path in
//! `mpath`), ranked among siblings, and the products filed under each category.
//!
//! Medusa 1.20 serves these routes only with the `product_categories` feature flag on; this is
//! its behaviour with the flag on.

use crate::events;
use crate::input::{CreateProductCategory, UpdateProductCategory};
use medusa_core::new_row::stamped;
use std::cmp::Ordering as CmpOrdering;
use std::collections::{HashMap, HashSet};

use async_trait::async_trait;
use medusa_core::on_unique_violation;
use medusa_core::{generate_id, handle::kebab_case, metadata, time, Error, ListPage, Result};
use medusa_entity::{product, product_category, product_category_product};
use medusa_load::{
    by_key, children, exists, link, live, missing, unlink, Children, Connection, Reader,
};
use medusa_query_dsl::{
    Column, FieldKind, FilterSpec, ListPlan, Pagination, RelationSpec, ResourceSpec, Selection,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};
use serde::Serialize;
use serde_json::Value;

const CATEGORY_FIELDS: &[&str] = &[
    "id",
    "name",
    "description",
    "handle",
    "is_active",
    "is_internal",
    "rank",
    "parent_category_id",
    "created_at",
    "updated_at",
    "metadata",
];
const CATEGORY_RELATIONS: &[RelationSpec] = &[
    RelationSpec::new("parent_category").fields(CATEGORY_FIELDS),
    RelationSpec::new("category_children").fields(CATEGORY_FIELDS),
];
const DEFAULT_RELATIONS: &[&str] = &["parent_category", "category_children"];

/// `GET /admin/product-categories`: Medusa's `AdminGetProductCategoriesParams`. The order is
/// always rank then handle (Medusa's repository ignores `order`); `q` searches name and handle
/// and drops the `handle` filter. `parent_category_id` (`null` for roots) and
/// `include_descendants_tree` are read by the service.
pub static PRODUCT_CATEGORY_LIST: ResourceSpec = ResourceSpec {
    name: "product_categories",
    pagination: Some(Pagination::uncapped(100)),
    sortable: CATEGORY_FIELDS,
    filters: &[
        FilterSpec::value("handle", FieldKind::Text).ignored_with_q(),
        FilterSpec::value("is_internal", FieldKind::Bool),
        FilterSpec::value("is_active", FieldKind::Bool),
    ],
    searchable: &[Column::own("name"), Column::own("handle")],
    list_fields: &["created_at"],
    passthrough: &["parent_category_id", "include_descendants_tree"],
    ..PRODUCT_CATEGORY_RETRIEVE
};

/// The query of the category routes that answer one category (`fields`, `expand`).
pub static PRODUCT_CATEGORY_RETRIEVE: ResourceSpec = ResourceSpec {
    expandable: true,
    relations: CATEGORY_RELATIONS,
    default_relations: DEFAULT_RELATIONS,
    selectable: CATEGORY_FIELDS,
    ..ResourceSpec::new("product_category", "product_category")
};

/// A category as Medusa serializes it (the materialized path stays hidden), with its parent
/// and children when loaded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProductCategoryView {
    pub id: String,
    pub name: String,
    pub description: String,
    pub handle: String,
    pub is_active: Option<bool>,
    pub is_internal: Option<bool>,
    pub rank: i32,
    pub parent_category_id: Option<String>,
    #[serde(serialize_with = "time::serialize")]
    pub created_at: time::Timestamp,
    #[serde(serialize_with = "time::serialize")]
    pub updated_at: time::Timestamp,
    pub metadata: Option<Value>,
    /// `None`: not loaded; `Some(None)`: a root.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_category: Option<Option<Box<ProductCategoryView>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category_children: Option<Vec<ProductCategoryView>>,
}

impl From<product_category::Model> for ProductCategoryView {
    fn from(row: product_category::Model) -> Self {
        Self {
            id: row.id,
            name: row.name,
            description: row.description,
            handle: row.handle,
            is_active: row.is_active,
            is_internal: row.is_internal,
            rank: row.rank,
            parent_category_id: row.parent_category_id,
            created_at: row.created_at,
            updated_at: row.updated_at,
            metadata: row.metadata,
            parent_category: None,
            category_children: None,
        }
    }
}

/// Where a list looks in the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParentFilter {
    Any,
    /// `parent_category_id=null`.
    Root,
    Of(String),
}

/// Managing product categories. Deleting is a hard delete, refused while children exist.
#[async_trait]
pub trait ProductCategoryService: Send + Sync {
    /// A page as planned from [`PRODUCT_CATEGORY_LIST`], ordered by rank then handle; with
    /// `descendants_tree`, each category carries its whole subtree as `category_children`.
    async fn list(
        &self,
        plan: &ListPlan,
        parent: ParentFilter,
        descendants_tree: bool,
    ) -> Result<ListPage<ProductCategoryView>>;
    /// The category with `selection`'s relations; `category_children` is always its whole
    /// subtree, as Medusa's tree repository returns it.
    async fn retrieve(&self, id: &str, selection: &Selection) -> Result<ProductCategoryView>;
    async fn create(&self, input: CreateProductCategory) -> Result<String>;
    async fn update(&self, id: &str, input: UpdateProductCategory) -> Result<()>;
    /// Deleting a missing category succeeds.
    async fn delete(&self, id: &str) -> Result<()>;
    /// The ids among `product_ids` that name no live product (Medusa checks this before the
    /// batch routes run and answers with a list of errors).
    async fn missing_products(&self, product_ids: &[String]) -> Result<Vec<String>>;
    async fn add_products(&self, id: &str, product_ids: &[String]) -> Result<()>;
    async fn remove_products(&self, id: &str, product_ids: &[String]) -> Result<()>;
}

/// [`ProductCategoryService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaProductCategoryService {
    db: DatabaseConnection,
}

impl SeaProductCategoryService {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

const CATEGORY_ID_PREFIX: &str = "pcat";
/// Where Medusa parks a category while its siblings are re-ranked.
const TEMPORARY_RANK: i32 = 99999;

fn category_not_found(id: &str) -> Error {
    Error::not_found(format!("ProductCategory with id: {id} was not found"))
}

fn null_column(column: &str) -> Error {
    Error::invalid_data(format!(
        "Can't insert null value in field {column} on insert in table product_category"
    ))
}

fn duplicate_handle(handle: &str) -> Error {
    Error::duplicate(format!(
        "Product_category with handle {handle} already exists."
    ))
}

async fn find<C: ConnectionTrait>(conn: &C, id: &str) -> Result<product_category::Model> {
    product_category::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| category_not_found(id))
}

async fn handle_taken<C: ConnectionTrait>(
    conn: &C,
    handle: &str,
    other_than: Option<&str>,
) -> Result<bool> {
    let mut query =
        product_category::Entity::find().filter(product_category::Column::Handle.eq(handle));
    if let Some(id) = other_than {
        query = query.filter(product_category::Column::Id.ne(id));
    }
    exists(conn, query).await
}

/// Medusa's `nullableValue` on a parent id: `Some(None)` is "no parent", `None` is no
/// condition at all (so a count of "siblings" counts every category).
fn parent_condition(parent: &Option<Option<String>>) -> Condition {
    match parent {
        None => Condition::all(),
        Some(None) => Condition::all().add(product_category::Column::ParentCategoryId.is_null()),
        Some(Some(id)) => {
            Condition::all().add(product_category::Column::ParentCategoryId.eq(id.as_str()))
        }
    }
}

/// Siblings sort by rank, then handle.
fn sibling_order(a: &ProductCategoryView, b: &ProductCategoryView) -> CmpOrdering {
    a.rank
        .cmp(&b.rank)
        .then_with(|| a.handle.to_lowercase().cmp(&b.handle.to_lowercase()))
        .then_with(|| a.handle.cmp(&b.handle))
}

/// The direct children of `parents`, in one statement, grouped per parent.
async fn children_of<C: Connection>(
    reader: &mut Reader<'_, C>,
    parents: &[String],
) -> Result<Children<product_category::Model>> {
    let owner = product_category::Column::ParentCategoryId;
    children(reader, product_category::Entity::find(), owner, parents).await
}

/// Attaches to each category its whole subtree, one query per tree level.
async fn attach_descendants<C: Connection>(
    conn: &C,
    categories: &mut [ProductCategoryView],
) -> Result<()> {
    let mut reader = Reader::new(conn).await?;
    let mut by_parent: HashMap<String, Vec<product_category::Model>> = HashMap::new();
    let mut frontier: Vec<String> = categories.iter().map(|c| c.id.clone()).collect();
    let mut seen: HashSet<String> = frontier.iter().cloned().collect();
    while !frontier.is_empty() {
        let parents = std::mem::take(&mut frontier);
        let level = children_of(&mut reader, &parents).await?.into_groups();
        for child in level.into_iter().flatten() {
            if !seen.insert(child.id.clone()) {
                continue;
            }
            frontier.push(child.id.clone());
            if let Some(parent) = child.parent_category_id.clone() {
                by_parent.entry(parent).or_default().push(child);
            }
        }
    }
    for category in categories.iter_mut() {
        category.category_children = Some(subtree(&category.id, &by_parent, 0));
    }
    Ok(())
}

fn subtree(
    id: &str,
    by_parent: &HashMap<String, Vec<product_category::Model>>,
    depth: usize,
) -> Vec<ProductCategoryView> {
    // A corrupt tree could loop; real ones are far shallower than this.
    if depth > 1000 {
        return Vec::new();
    }
    let mut children: Vec<ProductCategoryView> = by_parent
        .get(id)
        .into_iter()
        .flatten()
        .cloned()
        .map(|row| {
            let mut view = ProductCategoryView::from(row);
            view.category_children = Some(subtree(&view.id, by_parent, depth + 1));
            view
        })
        .collect();
    children.sort_by(sibling_order);
    children
}

/// Loads the parents and direct children of a page of categories (one statement each).
async fn attach_relations<C: Connection>(
    conn: &C,
    categories: &mut [ProductCategoryView],
    parents: bool,
    children: bool,
) -> Result<()> {
    let mut reader = Reader::new(conn).await?;
    if parents {
        let ids = categories
            .iter()
            .filter_map(|c| c.parent_category_id.clone());
        let select = product_category::Entity::find();
        let rows = by_key(&mut reader, select, product_category::Column::Id, ids).await?;
        for category in categories.iter_mut() {
            let parent = category
                .parent_category_id
                .as_ref()
                .and_then(|id| rows.get(id))
                .cloned()
                .map(|row| Box::new(ProductCategoryView::from(row)));
            category.parent_category = Some(parent);
        }
    }
    if children {
        let ids: Vec<String> = categories.iter().map(|c| c.id.clone()).collect();
        let mut rows = children_of(&mut reader, &ids).await?;
        for (row, category) in categories.iter_mut().enumerate() {
            let mut own: Vec<ProductCategoryView> =
                rows.take(row).into_iter().map(Into::into).collect();
            own.sort_by(sibling_order);
            category.category_children = Some(own);
        }
    }
    Ok(())
}

async fn retrieve_view<C: Connection>(
    conn: &C,
    id: &str,
    selection: &Selection,
) -> Result<ProductCategoryView> {
    let row = find(conn, id).await?;
    let mut views = vec![ProductCategoryView::from(row)];
    attach_relations(
        conn,
        &mut views,
        selection.has_relation("parent_category"),
        false,
    )
    .await?;
    attach_descendants(conn, &mut views).await?;
    views.pop().ok_or_else(|| category_not_found(id))
}

/// The materialized path of a category under `parent` (TypeORM's `<ancestors>.<id>.`).
fn path_under(parent: Option<&product_category::Model>, id: &str) -> String {
    match parent {
        Some(parent) => format!("{}{id}.", parent.mpath.clone().unwrap_or_default()),
        None => format!("{id}."),
    }
}

/// What a re-ranking moves, as Medusa's `fetchReorderConditions` computes it.
#[derive(Debug, Clone)]
struct Reorder {
    category_id: String,
    original_parent: Option<String>,
    /// `None`: the parent was not given.
    target_parent: Option<Option<String>>,
    original_rank: i32,
    target_rank: Option<i64>,
    change_parent: bool,
    change_rank: bool,
    delete: bool,
}

impl Reorder {
    fn new(
        category: &product_category::Model,
        target_parent: Option<Option<String>>,
        target_rank: Option<i64>,
        delete: bool,
    ) -> Self {
        let change_parent = target_parent
            .as_ref()
            .is_some_and(|target| *target != category.parent_category_id);
        let change_rank =
            change_parent || target_rank.is_some_and(|rank| rank != i64::from(category.rank));
        Self {
            category_id: category.id.clone(),
            original_parent: category.parent_category_id.clone(),
            target_parent,
            original_rank: category.rank,
            target_rank,
            change_parent,
            change_rank,
            delete,
        }
    }
}

/// Medusa's `performReordering`: close the gap in the old parent, open one in the new parent,
/// or move within the same parent.
async fn perform_reordering<C: ConnectionTrait>(conn: &C, reorder: &Reorder) -> Result<()> {
    if !(reorder.change_parent || reorder.change_rank || reorder.delete) {
        return Ok(());
    }
    let original_parent = Some(reorder.original_parent.clone());
    if reorder.change_parent {
        shift_siblings(
            conn,
            reorder,
            &original_parent,
            Some(i64::from(reorder.original_rank)),
            false,
        )
        .await?;
        shift_siblings(
            conn,
            reorder,
            &reorder.target_parent,
            reorder.target_rank,
            true,
        )
        .await?;
    }
    if (!reorder.change_parent && reorder.change_rank) || reorder.delete {
        shift_siblings(conn, reorder, &original_parent, reorder.target_rank, false).await?;
    }
    Ok(())
}

/// Medusa's `shiftSiblings`, one sibling at a time in the order that keeps
/// `(parent_category_id, rank)` unique at every step.
async fn shift_siblings<C: ConnectionTrait>(
    conn: &C,
    reorder: &Reorder,
    parent: &Option<Option<String>>,
    target_rank: Option<i64>,
    increment: bool,
) -> Result<()> {
    let sibling_count = product_category::Entity::find()
        .filter(parent_condition(parent))
        .filter(product_category::Column::Id.ne(reorder.category_id.as_str()))
        .count(conn)
        .await?;
    let sibling_count = i64::try_from(sibling_count).unwrap_or(i64::MAX);
    let parked = product_category::Entity::find_by_id(reorder.category_id.as_str())
        .filter(parent_condition(parent))
        .filter(product_category::Column::Rank.eq(TEMPORARY_RANK))
        .one(conn)
        .await?;
    let target_rank = match target_rank {
        Some(rank) if rank <= sibling_count => rank,
        _ => sibling_count,
    };
    let original_rank = i64::from(reorder.original_rank);
    let (low, high, increment) = if reorder.change_parent || reorder.delete {
        (target_rank, i64::MAX, increment)
    } else if original_rank > target_rank {
        (target_rank, original_rank, true)
    } else {
        (original_rank, target_rank, false)
    };
    let mut query = product_category::Entity::find()
        .filter(parent_condition(parent))
        .filter(product_category::Column::Rank.gte(low))
        .filter(product_category::Column::Id.ne(reorder.category_id.as_str()));
    if high != i64::MAX {
        query = query.filter(product_category::Column::Rank.lte(high));
    }
    let siblings = if increment {
        query.order_by_desc(product_category::Column::Rank)
    } else {
        query.order_by_asc(product_category::Column::Rank)
    }
    .all(conn)
    .await?;
    for sibling in siblings {
        let rank = if increment {
            sibling.rank + 1
        } else {
            sibling.rank - 1
        };
        let mut row = sibling.into_active_model();
        row.rank = Set(rank);
        row.updated_at = Set(time::now());
        row.update(conn).await?;
    }
    if let Some(parked) = parked {
        let mut row = parked.into_active_model();
        row.rank = Set(i32::try_from(target_rank).unwrap_or(i32::MAX));
        row.updated_at = Set(time::now());
        row.update(conn).await?;
    }
    Ok(())
}

/// Rewrites the materialized paths of a moved category and its subtree.
async fn move_subtree<C: ConnectionTrait>(conn: &C, old_path: &str, new_path: &str) -> Result<()> {
    if old_path == new_path {
        return Ok(());
    }
    let rows = product_category::Entity::find()
        .filter(product_category::Column::Mpath.starts_with(old_path))
        .all(conn)
        .await?;
    let now = time::now();
    for row in rows {
        let Some(path) = row.mpath.clone().filter(|p| p.starts_with(old_path)) else {
            continue;
        };
        let moved = format!("{new_path}{}", &path[old_path.len()..]);
        let mut active = row.into_active_model();
        active.mpath = Set(Some(moved));
        active.updated_at = Set(now);
        active.update(conn).await?;
    }
    Ok(())
}

#[async_trait]
impl ProductCategoryService for SeaProductCategoryService {
    async fn list(
        &self,
        plan: &ListPlan,
        parent: ParentFilter,
        descendants_tree: bool,
    ) -> Result<ListPage<ProductCategoryView>> {
        let mut query = product_category::Entity::find();
        match &parent {
            ParentFilter::Any => {}
            ParentFilter::Root => {
                query = query.filter(product_category::Column::ParentCategoryId.is_null());
            }
            ParentFilter::Of(id) => {
                query = query.filter(product_category::Column::ParentCategoryId.eq(id.as_str()));
            }
        }
        let count = plan.apply_count(query.clone()).count(&self.db).await?;
        let rows = plan
            .apply_count(query)
            .order_by_asc(product_category::Column::Rank)
            .order_by_asc(product_category::Column::Handle)
            .offset((plan.offset > 0).then_some(plan.offset))
            .limit(plan.limit)
            .all(&self.db)
            .await?;
        let mut items: Vec<ProductCategoryView> = rows.into_iter().map(Into::into).collect();
        let with_children = plan.selection.has_relation("category_children");
        attach_relations(
            &self.db,
            &mut items,
            plan.selection.has_relation("parent_category"),
            with_children && !descendants_tree,
        )
        .await?;
        if descendants_tree {
            attach_descendants(&self.db, &mut items).await?;
        }
        Ok(plan.page("product_categories", items, count))
    }

    async fn retrieve(&self, id: &str, selection: &Selection) -> Result<ProductCategoryView> {
        retrieve_view(&self.db, id, selection).await
    }

    async fn create(&self, input: CreateProductCategory) -> Result<String> {
        let description = match input.description {
            Some(None) => return Err(null_column("description")),
            Some(Some(description)) => description,
            None => String::new(),
        };
        let handle = match input.handle.filter(|h| !h.is_empty()) {
            Some(handle) => handle,
            None => kebab_case(&input.name),
        };
        let txn = self.db.begin().await?;
        let rank = product_category::Entity::find()
            .filter(parent_condition(&input.parent_category_id))
            .count(&txn)
            .await?;
        let parent = match &input.parent_category_id {
            Some(Some(parent_id)) => Some(find(&txn, parent_id).await?),
            _ => None,
        };
        if handle_taken(&txn, &handle, None).await? {
            return Err(duplicate_handle(&handle));
        }
        let id = generate_id(CATEGORY_ID_PREFIX);
        let now = time::now();
        product_category::ActiveModel {
            id: Set(id.clone()),
            name: Set(input.name),
            handle: Set(handle.clone()),
            parent_category_id: Set(parent.as_ref().map(|p| p.id.clone())),
            mpath: Set(Some(path_under(parent.as_ref(), &id))),
            is_active: Set(Some(input.is_active.unwrap_or(false))),
            is_internal: Set(Some(input.is_internal.unwrap_or(false))),
            rank: Set(i32::try_from(rank).unwrap_or(i32::MAX)),
            description: Set(description),
            metadata: Set(input.metadata.map(Value::Object)),
            ..stamped(now)
        }
        .insert(&txn)
        .await
        .map_err(on_unique_violation(|_| duplicate_handle(&handle)))?;
        medusa_events::record_event(&txn, &events::CategoryCreated { id: id.to_owned() }).await?;
        txn.commit().await?;
        Ok(id)
    }

    async fn update(&self, id: &str, input: UpdateProductCategory) -> Result<()> {
        let txn = self.db.begin().await?;
        let current = find(&txn, id).await?;
        let reorder = Reorder::new(
            &current,
            input.parent_category_id.clone(),
            input.rank,
            false,
        );
        let mut next = current.clone();
        if let Some(changes) = &input.metadata {
            next.metadata = Some(metadata::merge(current.metadata.as_ref(), changes));
        }
        if reorder.change_parent || reorder.change_rank {
            next.rank = TEMPORARY_RANK;
        } else if let Some(rank) = input.rank {
            next.rank = i32::try_from(rank).unwrap_or(i32::MAX);
        }
        let new_parent = match &input.parent_category_id {
            Some(Some(parent_id)) => Some(Some(find(&txn, parent_id).await?)),
            Some(None) => Some(None),
            None => None,
        };
        match input.name {
            Some(Some(name)) => next.name = name,
            Some(None) => return Err(null_column("name")),
            None => {}
        }
        match input.handle {
            Some(Some(handle)) => next.handle = handle,
            Some(None) => return Err(null_column("handle")),
            None => {}
        }
        match input.description {
            Some(Some(description)) => next.description = description,
            Some(None) => return Err(null_column("description")),
            None => {}
        }
        if let Some(is_internal) = input.is_internal {
            next.is_internal = is_internal;
        }
        if let Some(is_active) = input.is_active {
            next.is_active = is_active;
        }
        let mut moved = None;
        if let Some(parent) = &new_parent {
            next.parent_category_id = parent.as_ref().map(|p| p.id.clone());
            if reorder.change_parent {
                let old_path = current.mpath.clone().unwrap_or_else(|| format!("{id}."));
                let new_path = path_under(parent.as_ref(), id);
                moved = Some((old_path, new_path));
            }
        }
        if next.handle != current.handle && handle_taken(&txn, &next.handle, Some(id)).await? {
            return Err(duplicate_handle(&next.handle));
        }
        if next != current {
            let handle = next.handle.clone();
            next.updated_at = time::now();
            next.into_active_model()
                .reset_all()
                .update(&txn)
                .await
                .map_err(on_unique_violation(|_| duplicate_handle(&handle)))?;
        }
        if let Some((old_path, new_path)) = moved {
            move_subtree(&txn, &old_path, &new_path).await?;
        }
        perform_reordering(&txn, &reorder).await?;
        medusa_events::record_event(&txn, &events::CategoryUpdated { id: id.to_owned() }).await?;
        txn.commit().await?;
        Ok(())
    }

    async fn delete(&self, id: &str) -> Result<()> {
        let txn = self.db.begin().await?;
        let Some(category) = product_category::Entity::find_by_id(id).one(&txn).await? else {
            return Ok(());
        };
        let reorder = Reorder::new(
            &category,
            Some(category.parent_category_id.clone()),
            Some(i64::from(category.rank)),
            true,
        );
        let children = product_category::Entity::find()
            .filter(product_category::Column::ParentCategoryId.eq(id))
            .count(&txn)
            .await?;
        if children > 0 {
            return Err(Error::not_allowed(format!(
                "Deleting ProductCategory ({id}) with category children is not allowed"
            )));
        }
        // The product links go with the category (PostgreSQL cascades; SQLite may not).
        product_category_product::Entity::delete_many()
            .filter(product_category_product::Column::ProductCategoryId.eq(id))
            .exec(&txn)
            .await?;
        product_category::Entity::delete_by_id(id)
            .exec(&txn)
            .await?;
        perform_reordering(&txn, &reorder).await?;
        medusa_events::record_event(&txn, &events::CategoryDeleted { id: id.to_owned() }).await?;
        txn.commit().await?;
        Ok(())
    }

    async fn missing_products(&self, product_ids: &[String]) -> Result<Vec<String>> {
        missing(&self.db, live::<product::Entity>(), product_ids).await
    }

    async fn add_products(&self, id: &str, product_ids: &[String]) -> Result<()> {
        let txn = self.db.begin().await?;
        let exists = product_category::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .is_some();
        if !product_ids.is_empty() {
            if !exists {
                // Medusa's insert trips the foreign key and reports it this way.
                return Err(Error::not_found(format!(
                    "Product_category with product_category_id {id} does not exist."
                )));
            }
            link::<product_category_product::Entity, _>(
                &txn,
                product_category_product::Column::ProductCategoryId,
                product_category_product::Column::ProductId,
                id,
                product_ids,
            )
            .await?;
        }
        txn.commit().await?;
        if exists {
            Ok(())
        } else {
            Err(category_not_found(id))
        }
    }

    async fn remove_products(&self, id: &str, product_ids: &[String]) -> Result<()> {
        if !product_ids.is_empty() {
            unlink::<product_category_product::Entity, _>(
                &self.db,
                product_category_product::Column::ProductCategoryId,
                product_category_product::Column::ProductId,
                id,
                Some(product_ids),
            )
            .await?;
        }
        find(&self.db, id).await.map(|_| ())
    }
}
