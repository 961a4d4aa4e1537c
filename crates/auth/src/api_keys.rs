//! The v2 API's secret API keys: long random tokens shown once at creation and stored only as
//! a SHA-256 digest, sent back by clients as `Authorization: Basic`.

use async_trait::async_trait;
use medusa_core::new_row::stamped;
use medusa_core::{generate_id, Error, ListPage, Result};
use medusa_entity::secret_api_key;
use medusa_query_dsl::{
    Column, FieldKind, FilterSpec, ListPlan, Pagination, ResourceSpec, NEWEST_FIRST,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    Set,
};
use sha2::{Digest, Sha256};

use crate::{hex, random_hex};

/// `GET /admin/api-keys` (v2): newest first, searchable by title.
pub static API_KEY_LIST: ResourceSpec = ResourceSpec {
    pagination: Some(Pagination::uncapped(20)),
    default_order: NEWEST_FIRST,
    sortable: &[
        "title",
        "created_at",
        "updated_at",
        "revoked_at",
        "last_used_at",
    ],
    filters: &[
        FilterSpec::value("id", FieldKind::Text).list(),
        FilterSpec::value("title", FieldKind::Text).list(),
        FilterSpec::range("created_at", FieldKind::Date),
        FilterSpec::range("updated_at", FieldKind::Date),
        FilterSpec::range("revoked_at", FieldKind::Date),
    ],
    searchable: &[Column::own("title")],
    ..ResourceSpec::new("api_keys", "secret_api_key")
};

/// A key's stored row and, once, its token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreatedApiKey {
    pub key: secret_api_key::Model,
    /// The secret itself (`sk_` + 64 hex digits). Not stored: lost once this is dropped.
    pub token: String,
}

/// Managing secret API keys.
#[async_trait]
pub trait ApiKeyService: Send + Sync {
    /// Creates a key titled `title` on behalf of the user `created_by`.
    async fn create(&self, title: &str, created_by: &str) -> Result<CreatedApiKey>;
    /// Keys newest first, as `{api_keys, count, offset, limit}`.
    async fn list(&self, plan: &ListPlan) -> Result<ListPage<secret_api_key::Model>>;
    async fn retrieve(&self, id: &str) -> Result<secret_api_key::Model>;
    async fn update(&self, id: &str, title: &str) -> Result<secret_api_key::Model>;
    /// Revokes a key at once; it stops authenticating immediately.
    async fn revoke(&self, id: &str, revoked_by: &str) -> Result<secret_api_key::Model>;
    /// Deletes a revoked key for good (as Medusa v2: an active key must be revoked first).
    /// Deleting a key that does not exist succeeds.
    async fn delete(&self, id: &str) -> Result<()>;
}

/// [`ApiKeyService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaApiKeyService {
    db: DatabaseConnection,
}

const TOKEN_PREFIX: &str = "sk_";
const KEY_TYPE: &str = "secret";
pub(crate) const API_KEY_ID_PREFIX: &str = "apk";

/// The stored form of a token: lower-case hex SHA-256. A fast hash is enough because the
/// token holds 256 random bits; nothing can be guessed from it.
pub fn hash_api_key_token(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// `sk_` + the first 3 and last 3 characters of the random part, `***` between.
fn redact(token: &str) -> String {
    let random = token.strip_prefix(TOKEN_PREFIX).unwrap_or(token);
    let head: String = random.chars().take(3).collect();
    let tail: String = {
        let reversed: Vec<char> = random.chars().rev().take(3).collect();
        reversed.into_iter().rev().collect()
    };
    format!("{TOKEN_PREFIX}{head}***{tail}")
}

fn not_found(id: &str) -> Error {
    Error::not_found(format!("ApiKey with id: {id} was not found"))
}

fn validate_title(title: &str) -> Result<()> {
    if title.trim().is_empty() {
        return Err(Error::invalid_data("title must be a non-empty string"));
    }
    Ok(())
}

impl SeaApiKeyService {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    async fn find(&self, id: &str) -> Result<secret_api_key::Model> {
        secret_api_key::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or_else(|| not_found(id))
    }
}

#[async_trait]
impl ApiKeyService for SeaApiKeyService {
    async fn create(&self, title: &str, created_by: &str) -> Result<CreatedApiKey> {
        validate_title(title)?;
        let token = format!("{TOKEN_PREFIX}{}", random_hex(32));
        let now = medusa_core::time::now();
        let key = secret_api_key::ActiveModel {
            id: Set(generate_id(API_KEY_ID_PREFIX)),
            title: Set(title.to_owned()),
            token_hash: Set(hash_api_key_token(&token)),
            redacted: Set(redact(&token)),
            key_type: Set(KEY_TYPE.to_owned()),
            created_by: Set(created_by.to_owned()),
            revoked_by: Set(None),
            revoked_at: Set(None),
            last_used_at: Set(None),
            ..stamped(now)
        }
        .insert(&self.db)
        .await?;
        tracing::info!(target: "events", event = "api_key.created", id = %key.id, created_by = %key.created_by);
        Ok(CreatedApiKey { key, token })
    }

    async fn list(&self, plan: &ListPlan) -> Result<ListPage<secret_api_key::Model>> {
        Ok(plan
            .fetch_page(&self.db, "api_keys", secret_api_key::Entity::find())
            .await?)
    }

    async fn retrieve(&self, id: &str) -> Result<secret_api_key::Model> {
        self.find(id).await
    }

    async fn update(&self, id: &str, title: &str) -> Result<secret_api_key::Model> {
        validate_title(title)?;
        let mut key = self.find(id).await?.into_active_model();
        key.title = Set(title.to_owned());
        key.updated_at = Set(medusa_core::time::now());
        Ok(key.update(&self.db).await?)
    }

    async fn revoke(&self, id: &str, revoked_by: &str) -> Result<secret_api_key::Model> {
        let now = medusa_core::time::now();
        // One conditional UPDATE, so that two concurrent revocations cannot both succeed.
        let updated = secret_api_key::Entity::update_many()
            .col_expr(secret_api_key::Column::RevokedAt, now.into())
            .col_expr(secret_api_key::Column::RevokedBy, revoked_by.into())
            .col_expr(secret_api_key::Column::UpdatedAt, now.into())
            .filter(secret_api_key::Column::Id.eq(id))
            .filter(secret_api_key::Column::RevokedAt.is_null())
            .exec(&self.db)
            .await?;
        let key = self.find(id).await?;
        if updated.rows_affected == 0 {
            return Err(Error::invalid_data(
                "There are 1 secret keys that are already revoked.",
            ));
        }
        tracing::info!(target: "events", event = "api_key.revoked", id = %key.id, revoked_by);
        Ok(key)
    }

    async fn delete(&self, id: &str) -> Result<()> {
        let Some(key) = secret_api_key::Entity::find_by_id(id).one(&self.db).await? else {
            return Ok(());
        };
        if key.revoked_at.is_none() {
            return Err(Error::not_allowed(format!(
                "Cannot delete api keys that are not revoked - {id}"
            )));
        }
        secret_api_key::Entity::delete_many()
            .filter(secret_api_key::Column::Id.eq(id))
            .filter(secret_api_key::Column::RevokedAt.is_not_null())
            .exec(&self.db)
            .await?;
        tracing::info!(target: "events", event = "api_key.deleted", id);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_hash_is_sha256_hex() {
        assert_eq!(
            hash_api_key_token("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn redaction_keeps_three_characters_each_side() {
        assert_eq!(redact("sk_0123456789abcdef"), "sk_012***def");
    }
}
