//! Product collections: CRUD, and moving products in and out of a collection.

use crate::events;
use crate::input::{CreateCollection, UpdateCollection};
use medusa_core::new_row::stamped;
use std::collections::HashMap;

use async_trait::async_trait;
use medusa_core::on_unique_violation;
use medusa_core::subquery::column_where;
use medusa_core::{generate_id, handle::kebab_case, metadata, time, Error, ListPage, Result};
use medusa_entity::{
    discount_condition_product_collection, product, product_collection, product_shipping_profile,
    shipping_profile,
};
use medusa_load::{children, live_or, only_live, taken, through, Connection, Link, Reader};
use medusa_query_dsl::{
    Column, FieldKind, FilterSpec, ListPlan, Pagination, ResourceSpec, NEWEST_FIRST,
};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde::Serialize;
use serde_json::Value;

/// `GET /admin/collections`: Medusa's `AdminGetCollectionsParams`. It takes neither `expand`
/// nor `fields`; `q` searches title and handle and, as in Medusa, drops the `title`, `handle`,
/// `created_at` and `updated_at` filters.
pub static COLLECTION_LIST: ResourceSpec = ResourceSpec {
    pagination: Some(Pagination::uncapped(10)),
    default_order: NEWEST_FIRST,
    sortable: &[
        "id",
        "title",
        "handle",
        "created_at",
        "updated_at",
        "deleted_at",
    ],
    filters: &[
        FilterSpec::value("title", FieldKind::Text).ignored_with_q(),
        FilterSpec::value("handle", FieldKind::Text).ignored_with_q(),
        FilterSpec::range("created_at", FieldKind::Date).ignored_with_q(),
        FilterSpec::range("updated_at", FieldKind::Date).ignored_with_q(),
        FilterSpec::range("deleted_at", FieldKind::Date),
    ],
    searchable: &[Column::own("title"), Column::own("handle")],
    soft_delete: true,
    passthrough: &["discount_condition_id"],
    ..ResourceSpec::new("collections", "product_collection")
};

/// A shipping profile as a product's `profiles` relation shows it.
pub type ProfileRow = shipping_profile::Model;

/// A product of a collection with its shipping profiles, and the `profile`/`profile_id` Medusa
/// derives from them (the last profile).
///
/// The product crate's read model is not shared yet; this is the product row as Medusa's
/// collection routes return it (columns and `profiles`, no other relation).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CollectionProduct {
    #[serde(flatten)]
    pub product: product::Model,
    pub profiles: Vec<ProfileRow>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<ProfileRow>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile_id: Option<String>,
}

impl CollectionProduct {
    fn new(product: product::Model, profiles: Vec<ProfileRow>) -> Self {
        let profile = profiles.last().cloned();
        let profile_id = profile.as_ref().map(|p| p.id.clone());
        Self {
            product,
            profiles,
            profile,
            profile_id,
        }
    }
}

/// `GET /admin/collections/{id}` and the write answers: every column and the products.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CollectionView {
    #[serde(flatten)]
    pub collection: product_collection::Model,
    pub products: Vec<CollectionProduct>,
}

/// An item of `GET /admin/collections`: Medusa selects only the default fields there (no
/// `deleted_at`, no `metadata`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CollectionListItem {
    pub id: String,
    #[serde(serialize_with = "time::serialize")]
    pub created_at: time::Timestamp,
    #[serde(serialize_with = "time::serialize")]
    pub updated_at: time::Timestamp,
    pub title: String,
    pub handle: Option<String>,
    pub products: Vec<CollectionProduct>,
}

/// Managing product collections. Deleting soft-deletes; products keep their `collection_id`.
#[async_trait]
pub trait CollectionService: Send + Sync {
    /// A page as planned from [`COLLECTION_LIST`], optionally only the collections of a
    /// discount condition.
    async fn list(
        &self,
        plan: &ListPlan,
        discount_condition_id: Option<&str>,
    ) -> Result<ListPage<CollectionListItem>>;
    async fn retrieve(&self, id: &str) -> Result<CollectionView>;
    async fn create(&self, input: CreateCollection) -> Result<CollectionView>;
    async fn update(&self, id: &str, input: UpdateCollection) -> Result<CollectionView>;
    /// A missing (or already deleted) collection is a 404, as in Medusa.
    async fn delete(&self, id: &str) -> Result<()>;
    /// Puts the products in the collection; unknown ids are ignored.
    async fn add_products(&self, id: &str, product_ids: &[String]) -> Result<CollectionView>;
    /// Takes the products out of the collection (those in it).
    async fn remove_products(&self, id: &str, product_ids: &[String]) -> Result<()>;
}

/// [`CollectionService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaCollectionService {
    db: DatabaseConnection,
}

const COLLECTION_ID_PREFIX: &str = "pcol";

fn collection_not_found(id: &str) -> Error {
    Error::not_found(format!("Product collection with id: {id} was not found"))
}

fn duplicate_handle(handle: &str) -> Error {
    Error::duplicate(format!(
        "Product_collection with handle {handle} already exists."
    ))
}

fn null_title() -> Error {
    Error::invalid_data(
        "Can't insert null value in field title on insert in table product_collection",
    )
}

impl SeaCollectionService {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

async fn live<C: ConnectionTrait>(conn: &C, id: &str) -> Result<product_collection::Model> {
    live_or::<product_collection::Entity, _>(conn, id, || collection_not_found(id)).await
}

async fn handle_taken<C: ConnectionTrait>(
    conn: &C,
    handle: &str,
    other_than: Option<&str>,
) -> Result<bool> {
    let handle_column = product_collection::Column::Handle;
    taken::<product_collection::Entity, _>(conn, handle_column, handle, other_than).await
}

/// The products of a page of collections with their shipping profiles, in two statements
/// whatever the page size. Within a collection, newest product first (Medusa leaves the order
/// to the database); a product's profiles oldest first.
async fn products_by_collection<C: Connection>(
    conn: &C,
    collection_ids: Vec<String>,
    with_deleted: bool,
) -> Result<HashMap<String, Vec<CollectionProduct>>> {
    let mut products = product::Entity::find()
        .order_by_desc(product::Column::CreatedAt)
        .order_by_asc(product::Column::Id);
    let mut profiles = shipping_profile::Entity::find();
    if !with_deleted {
        products = only_live(products);
        profiles = only_live(profiles);
    }
    let mut reader = Reader::new(conn).await?;
    let owner = product::Column::CollectionId;
    let products = children(&mut reader, products, owner, &collection_ids)
        .await?
        .into_groups();
    let product_ids: Vec<String> = products.iter().flatten().map(|p| p.id.clone()).collect();
    let link = Link::<product_shipping_profile::Entity> {
        owner: product_shipping_profile::Column::ProductId,
        target: product_shipping_profile::Column::ProfileId,
    };
    let mut profiles = through(
        &mut reader,
        profiles,
        shipping_profile::Column::Id,
        link,
        &product_ids,
    )
    .await?;
    profiles.sort_each(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
    let mut row = 0;
    let mut grouped = HashMap::new();
    for (collection_id, products) in collection_ids.into_iter().zip(products) {
        let shown: Vec<CollectionProduct> = products
            .into_iter()
            .map(|product| {
                let own = profiles.take(row);
                row += 1;
                CollectionProduct::new(product, own)
            })
            .collect();
        if !shown.is_empty() {
            grouped.insert(collection_id, shown);
        }
    }
    Ok(grouped)
}

async fn view<C: Connection>(conn: &C, id: &str) -> Result<CollectionView> {
    let collection = live(conn, id).await?;
    let mut products = products_by_collection(conn, vec![collection.id.clone()], false).await?;
    Ok(CollectionView {
        products: products.remove(&collection.id).unwrap_or_default(),
        collection,
    })
}

/// The payload of Medusa's `products_added`/`products_removed` events: the collection with its
/// products (no profiles) and the ids sent.
async fn collection_products<C: ConnectionTrait>(
    conn: &C,
    collection_id: &str,
) -> Result<Vec<product::Model>> {
    Ok(product::Entity::find()
        .filter(product::Column::CollectionId.eq(collection_id))
        .filter(product::Column::DeletedAt.is_null())
        .order_by_desc(product::Column::CreatedAt)
        .order_by_asc(product::Column::Id)
        .all(conn)
        .await?)
}

fn batch_event<'a>(
    collection: &'a product_collection::Model,
    products: Vec<product::Model>,
    product_ids: &'a [String],
) -> events::CollectionBatch<'a> {
    events::CollectionBatch {
        product_collection: events::CollectionWithProducts {
            collection,
            products,
        },
        product_ids,
    }
}

#[async_trait]
impl CollectionService for SeaCollectionService {
    async fn list(
        &self,
        plan: &ListPlan,
        discount_condition_id: Option<&str>,
    ) -> Result<ListPage<CollectionListItem>> {
        let mut query = product_collection::Entity::find();
        if let Some(condition) = discount_condition_id {
            query = query.filter(product_collection::Column::Id.in_subquery(column_where(
                discount_condition_product_collection::Column::ProductCollectionId,
                discount_condition_product_collection::Column::ConditionId.eq(condition),
            )));
        }
        let (rows, count) = plan.rows_and_count(&self.db, query).await?;
        let ids = rows.iter().map(|c| c.id.clone()).collect();
        let mut products = products_by_collection(&self.db, ids, plan.with_deleted).await?;
        let items = rows
            .into_iter()
            .map(|c| CollectionListItem {
                products: products.remove(&c.id).unwrap_or_default(),
                id: c.id,
                created_at: c.created_at,
                updated_at: c.updated_at,
                title: c.title,
                handle: c.handle,
            })
            .collect();
        Ok(plan.page("collections", items, count))
    }

    async fn retrieve(&self, id: &str) -> Result<CollectionView> {
        view(&self.db, id).await
    }

    async fn create(&self, input: CreateCollection) -> Result<CollectionView> {
        let handle = match input.handle.filter(|h| !h.is_empty()) {
            Some(handle) => handle,
            None => kebab_case(&input.title),
        };
        let txn = self.db.begin().await?;
        if handle_taken(&txn, &handle, None).await? {
            return Err(duplicate_handle(&handle));
        }
        let now = time::now();
        let created = product_collection::ActiveModel {
            id: Set(generate_id(COLLECTION_ID_PREFIX)),
            title: Set(input.title),
            handle: Set(Some(handle.clone())),
            metadata: Set(input.metadata.map(Value::Object)),
            ..stamped(now)
        }
        .insert(&txn)
        .await
        .map_err(on_unique_violation(|_| duplicate_handle(&handle)))?;
        medusa_events::record_event(
            &txn,
            &events::CollectionCreated {
                id: created.id.clone(),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(CollectionView {
            collection: created,
            products: Vec::new(),
        })
    }

    async fn update(&self, id: &str, input: UpdateCollection) -> Result<CollectionView> {
        let txn = self.db.begin().await?;
        let current = live(&txn, id).await?;
        let mut next = current.clone();
        if let Some(changes) = &input.metadata {
            next.metadata = Some(metadata::merge(current.metadata.as_ref(), changes));
        }
        match input.title {
            Some(Some(title)) => next.title = title,
            Some(None) => return Err(null_title()),
            None => {}
        }
        if let Some(handle) = input.handle {
            next.handle = handle;
        }
        if next != current {
            if let Some(handle) = next
                .handle
                .as_deref()
                .filter(|h| Some(*h) != current.handle.as_deref())
            {
                if handle_taken(&txn, handle, Some(id)).await? {
                    return Err(duplicate_handle(handle));
                }
            }
            let handle = next.handle.clone().unwrap_or_default();
            next.updated_at = time::now();
            next.into_active_model()
                .reset_all()
                .update(&txn)
                .await
                .map_err(on_unique_violation(|_| duplicate_handle(&handle)))?;
        }
        medusa_events::record_event(&txn, &events::CollectionUpdated { id: id.to_owned() }).await?;
        let updated = view(&txn, id).await?;
        txn.commit().await?;
        Ok(updated)
    }

    async fn delete(&self, id: &str) -> Result<()> {
        let txn = self.db.begin().await?;
        live(&txn, id).await?;
        let now = time::now();
        product_collection::Entity::update_many()
            .col_expr(product_collection::Column::DeletedAt, Expr::value(now))
            .col_expr(product_collection::Column::UpdatedAt, Expr::value(now))
            .filter(product_collection::Column::Id.eq(id))
            .exec(&txn)
            .await?;
        medusa_events::record_event(&txn, &events::CollectionDeleted { id: id.to_owned() }).await?;
        txn.commit().await?;
        Ok(())
    }

    async fn add_products(&self, id: &str, product_ids: &[String]) -> Result<CollectionView> {
        let txn = self.db.begin().await?;
        let collection = live(&txn, id).await?;
        // One statement, as Medusa's bulk update: it touches updated_at and ignores unknown ids.
        product::Entity::update_many()
            .col_expr(product::Column::CollectionId, Expr::value(id))
            .col_expr(product::Column::UpdatedAt, Expr::value(time::now()))
            .filter(product::Column::Id.is_in(product_ids.to_vec()))
            .exec(&txn)
            .await?;
        let products = collection_products(&txn, id).await?;
        let batch = batch_event(&collection, products, product_ids);
        medusa_events::record_event(&txn, &events::CollectionProductsAdded(batch)).await?;
        let updated = view(&txn, id).await?;
        txn.commit().await?;
        Ok(updated)
    }

    async fn remove_products(&self, id: &str, product_ids: &[String]) -> Result<()> {
        let txn = self.db.begin().await?;
        let collection = live(&txn, id).await?;
        product::Entity::update_many()
            .col_expr(
                product::Column::CollectionId,
                Expr::value(Option::<String>::None),
            )
            .col_expr(product::Column::UpdatedAt, Expr::value(time::now()))
            .filter(product::Column::Id.is_in(product_ids.to_vec()))
            .filter(product::Column::CollectionId.eq(id))
            .exec(&txn)
            .await?;
        let products = collection_products(&txn, id).await?;
        let batch = batch_event(&collection, products, product_ids);
        medusa_events::record_event(&txn, &events::CollectionProductsRemoved(batch)).await?;
        txn.commit().await?;
        Ok(())
    }
}
