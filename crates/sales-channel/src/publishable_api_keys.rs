//! Publishable API keys: the key's id is the key itself (`pk_…`), handed to storefronts to
//! scope their requests to the key's sales channels.

use crate::events;
use medusa_core::new_row::stamped;

use async_trait::async_trait;
use medusa_core::subquery::column_where;
use medusa_core::{generate_id, Error, ListPage, Result};
use medusa_entity::{publishable_api_key, publishable_api_key_sales_channel, sales_channel};
use medusa_load::{link_with, live, missing, unlink};
use medusa_query_dsl::{FieldKind, FilterSpec, ListPlan, Pagination, ResourceSpec, NEWEST_FIRST};
use sea_orm::sea_query::{Expr, Func, LikeExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, QueryFilter, Set, TransactionTrait,
};

const KEY_FIELDS: &[&str] = &[
    "id",
    "title",
    "created_by",
    "revoked_by",
    "revoked_at",
    "created_at",
    "updated_at",
];

/// `GET /admin/publishable-api-keys`: Medusa's `GetPublishableApiKeysParams`.
pub static PUBLISHABLE_API_KEY_LIST: ResourceSpec = ResourceSpec {
    pagination: Some(Pagination::uncapped(20)),
    default_order: NEWEST_FIRST,
    sortable: KEY_FIELDS,
    filters: &[
        FilterSpec::range("created_at", FieldKind::Date),
        FilterSpec::range("updated_at", FieldKind::Date),
        FilterSpec::range("revoked_at", FieldKind::Date),
    ],
    searchable: &[medusa_query_dsl::Column::own("title")],
    expandable: true,
    selectable: KEY_FIELDS,
    list_fields: &["created_at"],
    ..ResourceSpec::new("publishable_api_keys", "publishable_api_key")
};

/// The `q` of `GET /admin/publishable-api-keys/{id}/sales-channels`, its only parameter.
pub fn sales_channel_search(query_string: &str) -> Result<Option<String>> {
    let raw = medusa_query_dsl::parse(query_string)?;
    let unknown: Vec<String> = raw
        .params()
        .filter(|(name, _)| *name != "q")
        .map(|(name, _)| format!("property {name} should not exist"))
        .collect();
    if !unknown.is_empty() {
        return Err(Error::invalid_data(unknown.join(", ")));
    }
    Ok(medusa_query_dsl::passthrough_text(&raw, "q")?.map(str::to_owned))
}

/// Managing publishable API keys. Deleting is for good (the table has no `deleted_at`).
#[async_trait]
pub trait PublishableApiKeyService: Send + Sync {
    async fn list(&self, plan: &ListPlan) -> Result<ListPage<publishable_api_key::Model>>;
    async fn retrieve(&self, id: &str) -> Result<publishable_api_key::Model>;
    async fn create(&self, title: &str, created_by: &str) -> Result<publishable_api_key::Model>;
    /// `None` keeps the title.
    async fn update(&self, id: &str, title: Option<&str>) -> Result<publishable_api_key::Model>;
    /// Revokes a key once; revoking it again is refused.
    async fn revoke(&self, id: &str, revoked_by: &str) -> Result<publishable_api_key::Model>;
    /// Deletes a key; a missing key is a 404.
    async fn delete(&self, id: &str) -> Result<()>;
    /// Scopes the key to more sales channels (already scoped ones are kept). Every channel must
    /// exist.
    async fn add_sales_channels(
        &self,
        id: &str,
        sales_channel_ids: &[String],
    ) -> Result<publishable_api_key::Model>;
    async fn remove_sales_channels(
        &self,
        id: &str,
        sales_channel_ids: &[String],
    ) -> Result<publishable_api_key::Model>;
    /// The key's sales channels, optionally those whose name or description contains `q`
    /// (case-insensitively). A missing key has none.
    async fn list_sales_channels(
        &self,
        id: &str,
        q: Option<&str>,
    ) -> Result<Vec<sales_channel::Model>>;
}

/// [`PublishableApiKeyService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaPublishableApiKeyService {
    db: DatabaseConnection,
}

const KEY_ID_PREFIX: &str = "pk";
const KEY_CHANNEL_ID_PREFIX: &str = "pksc";

fn key_not_found(id: &str) -> Error {
    Error::not_found(format!("Publishable key with id: {id} was not found"))
}

impl SeaPublishableApiKeyService {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    async fn find<C: ConnectionTrait>(conn: &C, id: &str) -> Result<publishable_api_key::Model> {
        publishable_api_key::Entity::find_by_id(id)
            .one(conn)
            .await?
            .ok_or_else(|| key_not_found(id))
    }
}

fn unique(ids: &[String]) -> Vec<String> {
    ids.iter().fold(Vec::new(), |mut acc, id| {
        if !acc.contains(id) {
            acc.push(id.clone());
        }
        acc
    })
}

/// `%q%` for a case-insensitive LIKE on a lower-cased column, wildcards in `q` taken
/// literally.
fn contains_pattern(q: &str) -> LikeExpr {
    let escaped = q.to_lowercase().chars().fold(String::new(), |mut out, c| {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
        out
    });
    LikeExpr::new(format!("%{escaped}%")).escape('\\')
}

#[async_trait]
impl PublishableApiKeyService for SeaPublishableApiKeyService {
    async fn list(&self, plan: &ListPlan) -> Result<ListPage<publishable_api_key::Model>> {
        Ok(plan
            .fetch_page(
                &self.db,
                "publishable_api_keys",
                publishable_api_key::Entity::find(),
            )
            .await?)
    }

    async fn retrieve(&self, id: &str) -> Result<publishable_api_key::Model> {
        Self::find(&self.db, id).await
    }

    async fn create(&self, title: &str, created_by: &str) -> Result<publishable_api_key::Model> {
        let now = medusa_core::time::now();
        let txn = self.db.begin().await?;
        let key = publishable_api_key::ActiveModel {
            id: Set(generate_id(KEY_ID_PREFIX)),
            created_by: Set(Some(created_by.to_owned())),
            revoked_by: Set(None),
            revoked_at: Set(None),
            title: Set(title.to_owned()),
            ..stamped(now)
        }
        .insert(&txn)
        .await?;
        medusa_events::record_event(&txn, &events::PublishableKeyCreated { id: key.id.clone() })
            .await?;
        txn.commit().await?;
        Ok(key)
    }

    async fn update(&self, id: &str, title: Option<&str>) -> Result<publishable_api_key::Model> {
        let current = Self::find(&self.db, id).await?;
        let Some(title) = title else {
            return Ok(current);
        };
        let mut row = current.into_active_model();
        row.title = Set(title.to_owned());
        row.updated_at = Set(medusa_core::time::now());
        Ok(row.update(&self.db).await?)
    }

    async fn revoke(&self, id: &str, revoked_by: &str) -> Result<publishable_api_key::Model> {
        let txn = self.db.begin().await?;
        let now = medusa_core::time::now();
        // Conditional on the key not being revoked yet, so two concurrent revokes cannot
        // both succeed.
        let revoked = publishable_api_key::Entity::update_many()
            .col_expr(publishable_api_key::Column::RevokedAt, Expr::value(now))
            .col_expr(
                publishable_api_key::Column::RevokedBy,
                Expr::value(revoked_by.to_owned()),
            )
            .col_expr(publishable_api_key::Column::UpdatedAt, Expr::value(now))
            .filter(publishable_api_key::Column::Id.eq(id))
            .filter(publishable_api_key::Column::RevokedAt.is_null())
            .exec(&txn)
            .await?;
        if revoked.rows_affected == 0 {
            Self::find(&txn, id).await?;
            return Err(Error::not_allowed(
                "PublishableApiKey has already been revoked.",
            ));
        }
        medusa_events::record_event(&txn, &events::PublishableKeyRevoked { id: id.to_owned() })
            .await?;
        let key = Self::find(&txn, id).await?;
        txn.commit().await?;
        Ok(key)
    }

    async fn delete(&self, id: &str) -> Result<()> {
        let deleted = publishable_api_key::Entity::delete_by_id(id)
            .exec(&self.db)
            .await?;
        if deleted.rows_affected == 0 {
            return Err(key_not_found(id));
        }
        Ok(())
    }

    async fn add_sales_channels(
        &self,
        id: &str,
        sales_channel_ids: &[String],
    ) -> Result<publishable_api_key::Model> {
        let txn = self.db.begin().await?;
        let key = Self::find(&txn, id).await?;
        let wanted = unique(sales_channel_ids);
        if !wanted.is_empty() {
            let channels = live::<sales_channel::Entity>();
            if let Some(missing) = missing(&txn, channels, &wanted).await?.first() {
                return Err(Error::not_found(format!(
                    "Sales channel with id: {missing} was not found"
                )));
            }
            let now = medusa_core::time::now();
            link_with::<publishable_api_key_sales_channel::Entity, _, _>(
                &txn,
                publishable_api_key_sales_channel::Column::PublishableKeyId,
                publishable_api_key_sales_channel::Column::SalesChannelId,
                id,
                &wanted,
                &[
                    publishable_api_key_sales_channel::Column::Id,
                    publishable_api_key_sales_channel::Column::CreatedAt,
                    publishable_api_key_sales_channel::Column::UpdatedAt,
                ],
                || {
                    vec![
                        generate_id(KEY_CHANNEL_ID_PREFIX).into(),
                        now.into(),
                        now.into(),
                    ]
                },
            )
            .await?;
        }
        txn.commit().await?;
        Ok(key)
    }

    async fn remove_sales_channels(
        &self,
        id: &str,
        sales_channel_ids: &[String],
    ) -> Result<publishable_api_key::Model> {
        let txn = self.db.begin().await?;
        let key = Self::find(&txn, id).await?;
        unlink::<publishable_api_key_sales_channel::Entity, _>(
            &txn,
            publishable_api_key_sales_channel::Column::PublishableKeyId,
            publishable_api_key_sales_channel::Column::SalesChannelId,
            id,
            Some(sales_channel_ids),
        )
        .await?;
        txn.commit().await?;
        Ok(key)
    }

    async fn list_sales_channels(
        &self,
        id: &str,
        q: Option<&str>,
    ) -> Result<Vec<sales_channel::Model>> {
        let mut query = sales_channel::Entity::find().filter(
            sales_channel::Column::Id.in_subquery(column_where(
                publishable_api_key_sales_channel::Column::SalesChannelId,
                publishable_api_key_sales_channel::Column::PublishableKeyId.eq(id),
            )),
        );
        if let Some(q) = q.filter(|q| !q.is_empty()) {
            let lower = |column: sales_channel::Column| {
                Expr::expr(Func::lower(Expr::col((sales_channel::Entity, column))))
            };
            query = query.filter(
                sea_orm::Condition::any()
                    .add(lower(sales_channel::Column::Description).like(contains_pattern(q)))
                    .add(lower(sales_channel::Column::Name).like(contains_pattern(q))),
            );
        }
        Ok(query.all(&self.db).await?)
    }
}
