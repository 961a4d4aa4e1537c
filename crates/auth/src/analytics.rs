//! Each admin's analytics preferences (`/admin/analytics-configs`, Medusa's `analytics`
//! feature): whether the dashboard may send usage data, and whether anonymised.
//!
//! Medusa's table allows several live configs per user (its unique index is on `id, user_id`);
//! reads take the first in physical order, as Medusa's unordered `findOne` does.

use crate::input::UpdateAnalyticsConfig;
use async_trait::async_trait;
use medusa_core::new_row::stamped;
use medusa_core::{generate_id, Error, Result};
use medusa_entity::analytics_config;
use medusa_load::first_in_insertion_order;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, QueryFilter, Set, TransactionTrait,
};

const ID_PREFIX: &str = "acfg";

/// `POST /admin/analytics-configs`: Medusa's `AdminPostAnalyticsConfigReq`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CreateAnalyticsConfig {
    pub opt_out: bool,
    pub anonymize: bool,
}

/// The calling admin's analytics preferences.
#[async_trait]
pub trait AnalyticsConfigService: Send + Sync {
    /// The user's config; 404 when they have none.
    async fn retrieve(&self, user_id: &str) -> Result<analytics_config::Model>;
    /// A new config for the user (another one, if they have one already, as in Medusa).
    async fn create(
        &self,
        user_id: &str,
        input: CreateAnalyticsConfig,
    ) -> Result<analytics_config::Model>;
    /// Changes the user's config, or creates one (unset preferences `false`) when missing.
    async fn update(
        &self,
        user_id: &str,
        input: UpdateAnalyticsConfig,
    ) -> Result<analytics_config::Model>;
    /// Soft-deletes the user's config; nothing to delete is no error.
    async fn delete(&self, user_id: &str) -> Result<()>;
}

/// [`AnalyticsConfigService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaAnalyticsConfigService {
    db: DatabaseConnection,
}

impl SeaAnalyticsConfigService {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

fn not_found(user_id: &str) -> Error {
    Error::not_found(format!(
        "No analytics config found for user with id: {user_id}"
    ))
}

/// The user's live config, the first in physical order.
pub async fn find_in<C: ConnectionTrait>(
    conn: &C,
    user_id: &str,
) -> Result<Option<analytics_config::Model>> {
    let query = analytics_config::Entity::find()
        .filter(analytics_config::Column::UserId.eq(user_id))
        .filter(analytics_config::Column::DeletedAt.is_null());
    first_in_insertion_order(conn, query).await
}

/// Inserts a config for the user.
pub async fn create_in<C: ConnectionTrait>(
    conn: &C,
    user_id: &str,
    input: CreateAnalyticsConfig,
) -> Result<analytics_config::Model> {
    let now = medusa_core::time::now();
    let row = analytics_config::ActiveModel {
        id: Set(generate_id(ID_PREFIX)),
        user_id: Set(user_id.to_owned()),
        opt_out: Set(input.opt_out),
        anonymize: Set(input.anonymize),
        ..stamped(now)
    };
    Ok(row.insert(conn).await?)
}

/// Soft-deletes the user's first live config, as Medusa's `softRemove` of what it found.
pub async fn delete_in<C: ConnectionTrait>(conn: &C, user_id: &str) -> Result<()> {
    let Some(config) = find_in(conn, user_id).await? else {
        return Ok(());
    };
    let now = medusa_core::time::now();
    analytics_config::Entity::update_many()
        .col_expr(analytics_config::Column::DeletedAt, Expr::value(now))
        .col_expr(analytics_config::Column::UpdatedAt, Expr::value(now))
        .filter(analytics_config::Column::Id.eq(config.id))
        .exec(conn)
        .await?;
    Ok(())
}

#[async_trait]
impl AnalyticsConfigService for SeaAnalyticsConfigService {
    async fn retrieve(&self, user_id: &str) -> Result<analytics_config::Model> {
        find_in(&self.db, user_id)
            .await?
            .ok_or_else(|| not_found(user_id))
    }

    async fn create(
        &self,
        user_id: &str,
        input: CreateAnalyticsConfig,
    ) -> Result<analytics_config::Model> {
        create_in(&self.db, user_id, input).await
    }

    async fn update(
        &self,
        user_id: &str,
        input: UpdateAnalyticsConfig,
    ) -> Result<analytics_config::Model> {
        let txn = self.db.begin().await?;
        let config = match find_in(&txn, user_id).await? {
            Some(config) => {
                let mut row = config.into_active_model();
                if let Some(opt_out) = input.opt_out {
                    row.opt_out = Set(opt_out);
                }
                if let Some(anonymize) = input.anonymize {
                    row.anonymize = Set(anonymize);
                }
                row.updated_at = Set(medusa_core::time::now());
                row.update(&txn).await?
            }
            None => {
                let input = CreateAnalyticsConfig {
                    opt_out: input.opt_out.unwrap_or(false),
                    anonymize: input.anonymize.unwrap_or(false),
                };
                create_in(&txn, user_id, input).await?
            }
        };
        txn.commit().await?;
        Ok(config)
    }

    async fn delete(&self, user_id: &str) -> Result<()> {
        let txn = self.db.begin().await?;
        delete_in(&txn, user_id).await?;
        txn.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn bodies_are_read_with_medusas_messages() {
        let create =
            |body: Value| CreateAnalyticsConfig::from_body(body).map_err(|e| e.to_string());
        assert_eq!(
            create(json!({"opt_out": true})),
            Ok(CreateAnalyticsConfig {
                opt_out: true,
                anonymize: false
            })
        );
        assert_eq!(
            create(json!({"anonymize": 3, "x": 1})),
            Err("property x should not exist, opt_out must be a boolean value, anonymize must be a boolean value".into())
        );
        assert_eq!(
            create(json!({"opt_out": false, "anonymize": null})),
            Err("anonymize must be a boolean value".into())
        );
        let update =
            |body: Value| UpdateAnalyticsConfig::from_body(body).map_err(|e| e.to_string());
        assert_eq!(
            update(json!({"opt_out": "x"})),
            Err("opt_out must be a boolean value".into())
        );
        assert_eq!(update(json!({})), Ok(UpdateAnalyticsConfig::default()));
    }
}
