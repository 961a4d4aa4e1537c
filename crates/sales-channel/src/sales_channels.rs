//! Sales channels: where products are sold (web shop, POS, marketplace...). A store always has
//! a default channel, which cannot be deleted.

use crate::events;
use crate::input::{CreateSalesChannel, UpdateSalesChannel};
use medusa_core::new_row::stamped;
use std::collections::HashSet;

use async_trait::async_trait;
use medusa_core::{generate_id, Error, ListPage, Result};
use medusa_entity::{
    product, product_sales_channel, sales_channel, sales_channel_location, stock_location, store,
};
use medusa_load::{find_live, link, live, live_or, missing, unlink};
use medusa_query_dsl::{FieldKind, FilterSpec, ListPlan, Pagination, ResourceSpec, NEWEST_FIRST};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, PaginatorTrait, QueryFilter, Set, TransactionTrait,
};

const SALES_CHANNEL_FIELDS: &[&str] = &[
    "id",
    "name",
    "description",
    "is_disabled",
    "metadata",
    "created_at",
    "updated_at",
    "deleted_at",
];

/// `GET /admin/sales-channels`: Medusa's `AdminGetSalesChannelsParams`. `q` searches name and
/// description and, as in Medusa, replaces the exact `name`/`description` filters.
pub static SALES_CHANNEL_LIST: ResourceSpec = ResourceSpec {
    pagination: Some(Pagination::uncapped(20)),
    default_order: NEWEST_FIRST,
    sortable: SALES_CHANNEL_FIELDS,
    filters: &[
        FilterSpec::value("id", FieldKind::Text),
        FilterSpec::value("name", FieldKind::Text).ignored_with_q(),
        FilterSpec::value("description", FieldKind::Text).ignored_with_q(),
        FilterSpec::range("created_at", FieldKind::Date),
        FilterSpec::range("updated_at", FieldKind::Date),
        FilterSpec::range("deleted_at", FieldKind::Date),
    ],
    searchable: &[
        medusa_query_dsl::Column::own("name"),
        medusa_query_dsl::Column::own("description"),
    ],
    expandable: true,
    selectable: SALES_CHANNEL_FIELDS,
    list_fields: &["created_at"],
    soft_delete: true,
    ..ResourceSpec::new("sales_channels", "sales_channel")
};

/// Managing sales channels and the products and stock locations linked to them.
#[async_trait]
pub trait SalesChannelService: Send + Sync {
    /// A page of channels as planned from [`SALES_CHANNEL_LIST`].
    async fn list(&self, plan: &ListPlan) -> Result<ListPage<sales_channel::Model>>;
    async fn retrieve(&self, id: &str) -> Result<sales_channel::Model>;
    async fn create(&self, input: CreateSalesChannel) -> Result<sales_channel::Model>;
    async fn update(&self, id: &str, input: UpdateSalesChannel) -> Result<sales_channel::Model>;
    /// Soft-deletes a channel with its stock-location links. A missing channel is no error;
    /// the store's default channel is refused.
    async fn delete(&self, id: &str) -> Result<()>;
    /// The ids among `product_ids` that name no (live) product, in the order given.
    async fn missing_products(&self, product_ids: &[String]) -> Result<Vec<String>>;
    /// Links products to the channel; links that exist already are kept.
    async fn add_products(&self, id: &str, product_ids: &[String]) -> Result<sales_channel::Model>;
    async fn remove_products(
        &self,
        id: &str,
        product_ids: &[String],
    ) -> Result<sales_channel::Model>;
    /// Links a stock location to the channel. With the stock-location module's tables the
    /// location must exist; without them any id is linked (as Medusa's service does then).
    async fn add_stock_location(&self, id: &str, location_id: &str)
        -> Result<sales_channel::Model>;
    /// Unlinks a stock location from the channel; an absent link is no error.
    async fn remove_stock_location(&self, id: &str, location_id: &str) -> Result<()>;
}

/// [`SalesChannelService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaSalesChannelService {
    db: DatabaseConnection,
}

const SALES_CHANNEL_ID_PREFIX: &str = "sc";
const LOCATION_LINK_ID_PREFIX: &str = "scloc";

fn sales_channel_not_found(id: &str) -> Error {
    Error::not_found(format!("Sales channel with id: {id} was not found"))
}

impl SeaSalesChannelService {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    async fn find<C: ConnectionTrait>(conn: &C, id: &str) -> Result<sales_channel::Model> {
        live_or::<sales_channel::Entity, _>(conn, id, || sales_channel_not_found(id)).await
    }
}

/// The ids once each, first occurrence first.
fn unique(ids: &[String]) -> Vec<String> {
    let mut seen = HashSet::new();
    ids.iter()
        .filter(|id| seen.insert(id.as_str()))
        .cloned()
        .collect()
}

#[async_trait]
impl SalesChannelService for SeaSalesChannelService {
    async fn list(&self, plan: &ListPlan) -> Result<ListPage<sales_channel::Model>> {
        Ok(plan
            .fetch_page(&self.db, "sales_channels", sales_channel::Entity::find())
            .await?)
    }

    async fn retrieve(&self, id: &str) -> Result<sales_channel::Model> {
        Self::find(&self.db, id).await
    }

    async fn create(&self, input: CreateSalesChannel) -> Result<sales_channel::Model> {
        let now = medusa_core::time::now();
        let txn = self.db.begin().await?;
        let channel = sales_channel::ActiveModel {
            id: Set(generate_id(SALES_CHANNEL_ID_PREFIX)),
            name: Set(input.name),
            description: Set(input.description),
            is_disabled: Set(input.is_disabled.unwrap_or(false)),
            ..stamped(now)
        }
        .insert(&txn)
        .await?;
        medusa_events::record_event(
            &txn,
            &events::SalesChannelCreated {
                id: channel.id.clone(),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(channel)
    }

    async fn update(&self, id: &str, input: UpdateSalesChannel) -> Result<sales_channel::Model> {
        let txn = self.db.begin().await?;
        let current = Self::find(&txn, id).await?;
        let name = match input.name {
            Some(Some(name)) => Some(name),
            // Medusa hands the null to the database, which refuses it with this message.
            Some(None) => {
                return Err(Error::invalid_data(
                    "Can't insert null value in field name on insert in table sales_channel",
                ))
            }
            None => None,
        };
        let mut row = current.clone().into_active_model();
        if let Some(name) = name.filter(|n| *n != current.name) {
            row.name = Set(name);
        }
        if let Some(description) = input.description.filter(|d| *d != current.description) {
            row.description = Set(description);
        }
        // Medusa's validator lets a null `is_disabled` through to the NOT NULL column too.
        match input.is_disabled {
            Some(None) => {
                return Err(Error::invalid_data(
                    "Can't insert null value in field is_disabled on insert in table sales_channel",
                ))
            }
            Some(Some(disabled)) if disabled != current.is_disabled => {
                row.is_disabled = Set(disabled);
            }
            _ => {}
        }
        // As an ORM save does, an update that changes nothing leaves `updated_at` alone.
        let channel = if row.is_changed() {
            row.updated_at = Set(medusa_core::time::now());
            row.update(&txn).await?
        } else {
            current
        };
        medusa_events::record_event(
            &txn,
            &events::SalesChannelUpdated {
                id: channel.id.clone(),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(channel)
    }

    async fn delete(&self, id: &str) -> Result<()> {
        let txn = self.db.begin().await?;
        let Some(channel) = find_live::<sales_channel::Entity, _>(&txn, id).await? else {
            return Ok(());
        };
        let is_default = store::Entity::find()
            .filter(store::Column::DefaultSalesChannelId.eq(channel.id.as_str()))
            .count(&txn)
            .await?
            > 0;
        if is_default {
            return Err(Error::not_allowed(
                "You cannot delete the default sales channel",
            ));
        }
        let now = medusa_core::time::now();
        sales_channel::Entity::update_many()
            .col_expr(sales_channel::Column::DeletedAt, Expr::value(now))
            .col_expr(sales_channel::Column::UpdatedAt, Expr::value(now))
            .filter(sales_channel::Column::Id.eq(id))
            .exec(&txn)
            .await?;
        sales_channel_location::Entity::update_many()
            .col_expr(sales_channel_location::Column::DeletedAt, Expr::value(now))
            .col_expr(sales_channel_location::Column::UpdatedAt, Expr::value(now))
            .filter(sales_channel_location::Column::SalesChannelId.eq(id))
            .filter(sales_channel_location::Column::DeletedAt.is_null())
            .exec(&txn)
            .await?;
        medusa_events::record_event(&txn, &events::SalesChannelDeleted { id: id.to_owned() })
            .await?;
        txn.commit().await?;
        Ok(())
    }

    async fn missing_products(&self, product_ids: &[String]) -> Result<Vec<String>> {
        missing(&self.db, live::<product::Entity>(), product_ids).await
    }

    async fn add_products(&self, id: &str, product_ids: &[String]) -> Result<sales_channel::Model> {
        let txn = self.db.begin().await?;
        let channel = Self::find(&txn, id).await?;
        link::<product_sales_channel::Entity, _>(
            &txn,
            product_sales_channel::Column::SalesChannelId,
            product_sales_channel::Column::ProductId,
            id,
            &unique(product_ids),
        )
        .await?;
        txn.commit().await?;
        Ok(channel)
    }

    async fn remove_products(
        &self,
        id: &str,
        product_ids: &[String],
    ) -> Result<sales_channel::Model> {
        let txn = self.db.begin().await?;
        let channel = Self::find(&txn, id).await?;
        unlink::<product_sales_channel::Entity, _>(
            &txn,
            product_sales_channel::Column::SalesChannelId,
            product_sales_channel::Column::ProductId,
            id,
            Some(&unique(product_ids)),
        )
        .await?;
        txn.commit().await?;
        Ok(channel)
    }

    async fn add_stock_location(
        &self,
        id: &str,
        location_id: &str,
    ) -> Result<sales_channel::Model> {
        // Read before the transaction: SQLite serves one connection.
        let with_locations = medusa_migration::has_inventory_tables(&self.db).await?;
        let txn = self.db.begin().await?;
        let channel = Self::find(&txn, id).await?;
        // With the stock-location module Medusa checks the location first.
        if with_locations
            && find_live::<stock_location::Entity, _>(&txn, location_id)
                .await?
                .is_none()
        {
            return Err(Error::not_found(format!(
                "StockLocation with id {location_id} was not found"
            )));
        }
        let linked = sales_channel_location::Entity::find()
            .filter(sales_channel_location::Column::SalesChannelId.eq(id))
            .filter(sales_channel_location::Column::LocationId.eq(location_id))
            .filter(sales_channel_location::Column::DeletedAt.is_null())
            .count(&txn)
            .await?
            > 0;
        // Medusa would add a second identical link; one is enough to mean "linked".
        if !linked {
            let now = medusa_core::time::now();
            sales_channel_location::ActiveModel {
                id: Set(generate_id(LOCATION_LINK_ID_PREFIX)),
                sales_channel_id: Set(id.to_owned()),
                location_id: Set(location_id.to_owned()),
                deleted_at: Set(None),
                ..stamped(now)
            }
            .insert(&txn)
            .await?;
        }
        txn.commit().await?;
        Ok(channel)
    }

    async fn remove_stock_location(&self, id: &str, location_id: &str) -> Result<()> {
        // Medusa removes these links for good although the table could soft-delete them.
        sales_channel_location::Entity::delete_many()
            .filter(sales_channel_location::Column::SalesChannelId.eq(id))
            .filter(sales_channel_location::Column::LocationId.eq(location_id))
            .exec(&self.db)
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{location_id_from_body, product_ids_from_body};
    use serde_json::{json, Value};

    fn message<T: std::fmt::Debug>(result: Result<T>) -> String {
        match result {
            Err(Error::InvalidData(message)) => message,
            other => panic!("expected invalid_data, got {other:?}"),
        }
    }

    #[test]
    fn batch_bodies_read_like_medusa() {
        let ok = |body: Value| product_ids_from_body(body).unwrap();
        assert_eq!(
            ok(json!({"product_ids": [{"id": "a"}, {"id": "b"}]})),
            ["a", "b"]
        );
        assert!(ok(json!({"product_ids": []})).is_empty());
        // The reference server's answers for these bodies.
        let not_objects =
            "each value in nested property product_ids must be either object or array";
        let cases = [
            (json!({}), "product_ids must be an array".to_owned()),
            (
                json!({"product_ids": {"id": "a"}}),
                "product_ids must be an array".to_owned(),
            ),
            (
                json!({"product_ids": null}),
                format!("product_ids must be an array, {not_objects}"),
            ),
            (
                json!({"product_ids": "x"}),
                format!("product_ids must be an array, {not_objects}"),
            ),
            (json!({"product_ids": [1]}), not_objects.to_owned()),
            (
                json!({"product_ids": [{}]}),
                "id must be a string".to_owned(),
            ),
            (
                json!({"product_ids": [{"id": 1}]}),
                "id must be a string".to_owned(),
            ),
            (
                json!({"product_ids": [{"id": "a", "x": 1}]}),
                "property x should not exist".to_owned(),
            ),
            (
                json!({"product_ids": [{"id": null}, "s"]}),
                format!("id must be a string, {not_objects}"),
            ),
        ];
        for (body, expected) in cases {
            assert_eq!(
                message(product_ids_from_body(body.clone())),
                expected,
                "{body}"
            );
        }
    }

    #[test]
    fn channel_bodies_read_like_medusa() {
        assert_eq!(
            message(CreateSalesChannel::from_body(json!({"name": 1, "description": 2, "is_disabled": "x", "foo": 1}))),
            "property foo should not exist, name must be a string, description must be a string, is_disabled must be a boolean value"
        );
        assert_eq!(
            message(CreateSalesChannel::from_body(json!({}))),
            "name must be a string"
        );
        let update =
            UpdateSalesChannel::from_body(json!({"name": null, "is_disabled": true})).unwrap();
        assert_eq!(
            update,
            UpdateSalesChannel {
                name: Some(None),
                description: None,
                is_disabled: Some(Some(true)),
            }
        );
        assert_eq!(
            message(UpdateSalesChannel::from_body(json!({"metadata": {}}))),
            "property metadata should not exist"
        );
        assert_eq!(
            message(location_id_from_body(json!({}))),
            "location_id must be a string"
        );
    }

    #[test]
    fn unique_keeps_first_occurrences_in_order() {
        let ids = ["b", "a", "b", "c", "a"].map(String::from);
        assert_eq!(unique(&ids), ["b", "a", "c"].map(String::from));
    }
}
