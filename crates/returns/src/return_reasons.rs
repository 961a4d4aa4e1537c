//! Return reasons: a two-level tree (categories and their reasons) with a unique `value`.
//! Medusa records no events for them.

use medusa_core::new_row::stamped;
use medusa_query_dsl::in_insertion_order;

use crate::input::{CreateReturnReason, UpdateReturnReason};
use async_trait::async_trait;
use medusa_core::on_unique_violation;
use medusa_core::{generate_id, time, Error, Result};
use medusa_entity::return_reason;
use medusa_load::{all_in_insertion_order, by_key, children, live_or, taken, Connection, Reader};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, QueryFilter, Set, TransactionTrait,
};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

const RETURN_REASON_ID_PREFIX: &str = "rr";

/// A return reason as Medusa's admin routes answer it: its columns without `metadata`, its
/// parent (`null` for a top-level reason) and its live children, both with every column.
#[derive(Debug, Clone, PartialEq)]
pub struct ReturnReasonView {
    pub reason: return_reason::Model,
    pub parent: Option<return_reason::Model>,
    pub children: Vec<return_reason::Model>,
}

/// A related reason: every column, `metadata` included.
struct Related<'a>(&'a return_reason::Model);

fn serialize_columns<M: SerializeMap>(
    map: &mut M,
    reason: &return_reason::Model,
) -> std::result::Result<(), M::Error> {
    map.serialize_entry("id", &reason.id)?;
    map.serialize_entry("created_at", &time::format(&reason.created_at))?;
    map.serialize_entry("updated_at", &time::format(&reason.updated_at))?;
    map.serialize_entry("deleted_at", &reason.deleted_at.as_ref().map(time::format))?;
    map.serialize_entry("value", &reason.value)?;
    map.serialize_entry("label", &reason.label)?;
    map.serialize_entry("description", &reason.description)?;
    map.serialize_entry("parent_return_reason_id", &reason.parent_return_reason_id)
}

impl Serialize for Related<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        serialize_columns(&mut map, self.0)?;
        map.serialize_entry("metadata", &self.0.metadata)?;
        map.end()
    }
}

impl Serialize for ReturnReasonView {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        // Medusa's route selects the columns without `metadata`.
        serialize_columns(&mut map, &self.reason)?;
        map.serialize_entry("parent_return_reason", &self.parent.as_ref().map(Related))?;
        let children: Vec<Related<'_>> = self.children.iter().map(Related).collect();
        map.serialize_entry("return_reason_children", &children)?;
        map.end()
    }
}

/// Managing return reasons. Soft-deleted reasons are invisible.
#[async_trait]
pub trait ReturnReasonService: Send + Sync {
    /// The top-level reasons with their children, in database order, unpaginated.
    async fn list(&self) -> Result<Vec<ReturnReasonView>>;
    async fn retrieve(&self, id: &str) -> Result<ReturnReasonView>;
    async fn create(&self, input: CreateReturnReason) -> Result<ReturnReasonView>;
    async fn update(&self, id: &str, input: UpdateReturnReason) -> Result<ReturnReasonView>;
    /// Soft-deletes a reason and its children; 404 when missing.
    async fn delete(&self, id: &str) -> Result<()>;
}

/// [`ReturnReasonService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaReturnReasonService {
    db: DatabaseConnection,
}

impl SeaReturnReasonService {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

fn not_found(id: &str) -> Error {
    Error::not_found(format!("Return Reason with id: {id} was not found."))
}

fn duplicate_value(value: &str) -> Error {
    Error::duplicate(format!("Return_reason with value {value} already exists."))
}

fn null_column(column: &str) -> Error {
    Error::invalid_data(format!(
        "Can't insert null value in field {column} on insert in table return_reason"
    ))
}

/// Live reasons.
fn live() -> sea_orm::Select<return_reason::Entity> {
    medusa_load::live::<return_reason::Entity>()
}

async fn live_reason<C: ConnectionTrait>(conn: &C, id: &str) -> Result<return_reason::Model> {
    live_or::<return_reason::Entity, _>(conn, id, || not_found(id)).await
}

async fn value_taken<C: ConnectionTrait>(conn: &C, value: &str, except: &str) -> Result<bool> {
    let value_column = return_reason::Column::Value;
    taken::<return_reason::Entity, _>(conn, value_column, value, Some(except)).await
}

/// Parents and children of `reasons`: one query each, whatever their number.
async fn views<C: Connection>(
    conn: &C,
    reasons: Vec<return_reason::Model>,
) -> Result<Vec<ReturnReasonView>> {
    let ids: Vec<String> = reasons.iter().map(|r| r.id.clone()).collect();
    let mut reader = Reader::new(conn).await?;
    let parent_ids = reasons
        .iter()
        .filter_map(|r| r.parent_return_reason_id.clone());
    let parents = by_key(&mut reader, live(), return_reason::Column::Id, parent_ids).await?;
    let children_select = in_insertion_order(live(), reader.backend());
    let mut children = children(
        &mut reader,
        children_select,
        return_reason::Column::ParentReturnReasonId,
        &ids,
    )
    .await?;
    Ok(reasons
        .into_iter()
        .enumerate()
        .map(|(index, reason)| ReturnReasonView {
            parent: reason
                .parent_return_reason_id
                .as_ref()
                .and_then(|p| parents.get(p).cloned()),
            children: children.take(index),
            reason,
        })
        .collect())
}

async fn view<C: Connection>(conn: &C, id: &str) -> Result<ReturnReasonView> {
    let reason = live_reason(conn, id).await?;
    views(conn, vec![reason])
        .await?
        .pop()
        .ok_or_else(|| not_found(id))
}

#[async_trait]
impl ReturnReasonService for SeaReturnReasonService {
    async fn list(&self) -> Result<Vec<ReturnReasonView>> {
        let top = all_in_insertion_order(
            &self.db,
            live().filter(return_reason::Column::ParentReturnReasonId.is_null()),
        )
        .await?;
        views(&self.db, top).await
    }

    async fn retrieve(&self, id: &str) -> Result<ReturnReasonView> {
        view(&self.db, id).await
    }

    async fn create(&self, input: CreateReturnReason) -> Result<ReturnReasonView> {
        let txn = self.db.begin().await?;
        // An empty parent id means none, as in Medusa.
        let parent_id = input.parent_return_reason_id.filter(|p| !p.is_empty());
        if let Some(parent_id) = &parent_id {
            let parent = live_reason(&txn, parent_id).await?;
            if parent.parent_return_reason_id.is_some() {
                return Err(Error::invalid_data(
                    "Doubly nested return reasons is not supported",
                ));
            }
        }
        if value_taken(&txn, &input.value, "").await? {
            return Err(duplicate_value(&input.value));
        }
        let now = time::now();
        let created = return_reason::ActiveModel {
            id: Set(generate_id(RETURN_REASON_ID_PREFIX)),
            value: Set(input.value.clone()),
            label: Set(input.label),
            description: Set(input.description),
            metadata: Set(input.metadata),
            parent_return_reason_id: Set(parent_id),
            ..stamped(now)
        }
        .insert(&txn)
        .await
        .map_err(on_unique_violation(|_| duplicate_value(&input.value)))?;
        txn.commit().await?;
        view(&self.db, &created.id).await
    }

    async fn update(&self, id: &str, input: UpdateReturnReason) -> Result<ReturnReasonView> {
        let txn = self.db.begin().await?;
        let current = live_reason(&txn, id).await?;
        let mut row = current.into_active_model();
        match input.label {
            Some(Some(label)) => row.label = Set(label),
            Some(None) => return Err(null_column("label")),
            None => {}
        }
        let mut new_value = None;
        match input.value {
            Some(Some(value)) => {
                if value_taken(&txn, &value, id).await? {
                    return Err(duplicate_value(&value));
                }
                row.value = Set(value.clone());
                new_value = Some(value);
            }
            Some(None) => return Err(null_column("value")),
            None => {}
        }
        if let Some(description) = input.description {
            row.description = Set(description);
        }
        if let Some(metadata) = input.metadata {
            row.metadata = Set(metadata);
        }
        if row.is_changed() {
            row.updated_at = Set(time::now());
            row.update(&txn).await.map_err(on_unique_violation(|_| {
                duplicate_value(new_value.as_deref().unwrap_or_default())
            }))?;
        }
        txn.commit().await?;
        view(&self.db, id).await
    }

    async fn delete(&self, id: &str) -> Result<()> {
        let txn = self.db.begin().await?;
        live_reason(&txn, id).await?;
        let now = time::now();
        // The children go with their category (Medusa's soft-remove cascade).
        return_reason::Entity::update_many()
            .col_expr(return_reason::Column::DeletedAt, Expr::value(now))
            .col_expr(return_reason::Column::UpdatedAt, Expr::value(now))
            .filter(return_reason::Column::DeletedAt.is_null())
            .filter(
                sea_orm::Condition::any()
                    .add(return_reason::Column::Id.eq(id))
                    .add(return_reason::Column::ParentReturnReasonId.eq(id)),
            )
            .exec(&txn)
            .await?;
        txn.commit().await?;
        Ok(())
    }
}
