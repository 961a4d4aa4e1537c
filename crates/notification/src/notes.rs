//! Notes: free text an admin attaches to any resource (`resource_type` + `resource_id`).

use crate::events;
use medusa_core::new_row::stamped;

use async_trait::async_trait;
use medusa_core::{generate_id, Error, ListPage, Result};
use medusa_entity::{note, user};
use medusa_load::{by_key, live, live_or, Reader};
use medusa_query_dsl::{FieldKind, FilterSpec, ListPlan, Pagination, ResourceSpec};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, Set,
    TransactionTrait,
};
use serde::Serialize;
use serde_json::json;

/// `GET /admin/notes`: Medusa's `AdminGetNotesParams` (`resource_id`, `limit`, `offset`), in
/// database order.
pub static NOTE_LIST: ResourceSpec = ResourceSpec {
    pagination: Some(Pagination {
        default_limit: 50,
        max_limit: None,
    }),
    filters: &[FilterSpec::value("resource_id", FieldKind::Text)],
    soft_delete: true,
    ..ResourceSpec::new("notes", "note")
};

/// A note with its `author` relation, as the list and retrieve endpoints answer it. The
/// author is `null` when the user is gone (deleted users are not joined, as in Medusa).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteView {
    #[serde(flatten)]
    pub note: note::Model,
    pub author: Option<user::Model>,
}

/// A new note; `author_id` is the admin who writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateNote {
    pub resource_id: String,
    pub resource_type: String,
    pub value: String,
    pub author_id: Option<String>,
}

#[async_trait]
pub trait NoteService: Send + Sync {
    async fn list(&self, plan: &ListPlan) -> Result<ListPage<NoteView>>;
    /// 404 `Note with id: X was not found.` for a missing or deleted note.
    async fn retrieve(&self, id: &str) -> Result<NoteView>;
    /// Emits `note.created`. Answers the stored note without its author, as Medusa does.
    async fn create(&self, input: CreateNote) -> Result<note::Model>;
    /// Replaces the text; emits `note.updated`. Answers the note without its author.
    async fn update(&self, id: &str, value: String) -> Result<note::Model>;
    /// Soft-deletes; emits `note.deleted`. A missing or already deleted note is a 404.
    async fn delete(&self, id: &str) -> Result<()>;
}

pub struct SeaNoteService {
    db: DatabaseConnection,
}

impl SeaNoteService {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    /// The live authors of `notes`, loaded in one query.
    async fn with_authors(&self, notes: Vec<note::Model>) -> Result<Vec<NoteView>> {
        let mut reader = Reader::new(&self.db).await?;
        let author_ids = notes.iter().filter_map(|n| n.author_id.clone());
        let authors = by_key(
            &mut reader,
            live::<user::Entity>(),
            user::Column::Id,
            author_ids,
        )
        .await?;
        Ok(notes
            .into_iter()
            .map(|note| {
                let author = note
                    .author_id
                    .as_ref()
                    .and_then(|id| authors.get(id).cloned());
                NoteView { note, author }
            })
            .collect())
    }

    async fn live<C: sea_orm::ConnectionTrait>(conn: &C, id: &str) -> Result<note::Model> {
        live_or::<note::Entity, _>(conn, id, || note_not_found(id)).await
    }
}

fn note_not_found(id: &str) -> Error {
    Error::not_found(format!("Note with id: {id} was not found."))
}

#[async_trait]
impl NoteService for SeaNoteService {
    async fn list(&self, plan: &ListPlan) -> Result<ListPage<NoteView>> {
        let count = plan
            .apply_count(note::Entity::find())
            .count(&self.db)
            .await?;
        let notes = plan.apply(note::Entity::find()).all(&self.db).await?;
        Ok(plan.page("notes", self.with_authors(notes).await?, count))
    }

    async fn retrieve(&self, id: &str) -> Result<NoteView> {
        let note = Self::live(&self.db, id).await?;
        let mut views = self.with_authors(vec![note]).await?;
        views.pop().ok_or_else(|| note_not_found(id))
    }

    async fn create(&self, input: CreateNote) -> Result<note::Model> {
        let now = medusa_core::time::now();
        let created = note::Model {
            id: generate_id("note"),
            value: input.value,
            resource_type: input.resource_type,
            resource_id: input.resource_id,
            author_id: input.author_id,
            created_at: now,
            updated_at: now,
            deleted_at: None,
            // Medusa stores an empty object when no metadata is given.
            metadata: Some(json!({})),
        };
        let txn = self.db.begin().await?;
        note::Entity::insert(note::ActiveModel {
            id: Set(created.id.clone()),
            value: Set(created.value.clone()),
            resource_type: Set(created.resource_type.clone()),
            resource_id: Set(created.resource_id.clone()),
            author_id: Set(created.author_id.clone()),
            metadata: Set(created.metadata.clone()),
            ..stamped(now)
        })
        .exec_without_returning(&txn)
        .await?;
        medusa_events::record_event(
            &txn,
            &events::NoteCreated {
                id: created.id.clone(),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(created)
    }

    async fn update(&self, id: &str, value: String) -> Result<note::Model> {
        let txn = self.db.begin().await?;
        let mut current = Self::live(&txn, id).await?;
        let now = medusa_core::time::now();
        // Conditional on the note still being live, so a concurrent delete wins cleanly.
        let updated = note::Entity::update_many()
            .col_expr(note::Column::Value, Expr::value(value.clone()))
            .col_expr(note::Column::UpdatedAt, Expr::value(now))
            .filter(note::Column::Id.eq(id))
            .filter(note::Column::DeletedAt.is_null())
            .exec(&txn)
            .await?;
        if updated.rows_affected == 0 {
            return Err(note_not_found(id));
        }
        medusa_events::record_event(&txn, &events::NoteUpdated { id: id.to_owned() }).await?;
        txn.commit().await?;
        current.value = value;
        current.updated_at = now;
        Ok(current)
    }

    async fn delete(&self, id: &str) -> Result<()> {
        let now = medusa_core::time::now();
        let txn = self.db.begin().await?;
        let deleted = note::Entity::update_many()
            .col_expr(note::Column::DeletedAt, Expr::value(now))
            .col_expr(note::Column::UpdatedAt, Expr::value(now))
            .filter(note::Column::Id.eq(id))
            .filter(note::Column::DeletedAt.is_null())
            .exec(&txn)
            .await?;
        if deleted.rows_affected == 0 {
            return Err(note_not_found(id));
        }
        medusa_events::record_event(&txn, &events::NoteDeleted { id: id.to_owned() }).await?;
        txn.commit().await?;
        Ok(())
    }
}
