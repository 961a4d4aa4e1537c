//! Customer groups: CRUD and batch membership changes.

use crate::events;
use crate::input::{CreateCustomerGroup, UpdateCustomerGroup};
use medusa_core::new_row::stamped;
use std::collections::HashSet;

use async_trait::async_trait;
use medusa_core::on_unique_violation;
use medusa_core::subquery::column_where;
use medusa_core::{generate_id, Error, ListPage, Result};
use medusa_entity::{
    customer, customer_group, customer_group_customers, discount_condition_customer_group,
    price_list_customer_groups,
};
use medusa_load::{link, live, live_or, taken, through, unlink, Connection, Link, Reader};
use medusa_query_dsl::{
    FieldKind, FilterSpec, ListPlan, Pagination, RelationSpec, ResourceSpec, Selection,
    NEWEST_FIRST,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde::Serialize;
use serde_json::Value;

const GROUP_FIELDS: &[&str] = &[
    "id",
    "name",
    "created_at",
    "updated_at",
    "deleted_at",
    "metadata",
];
const GROUP_RELATIONS: &[RelationSpec] = &[RelationSpec::new("customers")];

/// `GET /admin/customer-groups`: Medusa's `AdminGetCustomerGroupsParams`. `q` searches the
/// name; `discount_condition_id` is a join handled by the service.
pub static CUSTOMER_GROUP_LIST: ResourceSpec = ResourceSpec {
    name: "customer_groups",
    pagination: Some(Pagination::uncapped(10)),
    default_order: NEWEST_FIRST,
    sortable: GROUP_FIELDS,
    filters: &[
        FilterSpec::value("id", FieldKind::Text)
            .list()
            .with_range()
            .pattern(),
        FilterSpec::value("name", FieldKind::Text).list(),
        FilterSpec::range("created_at", FieldKind::Date),
        FilterSpec::range("updated_at", FieldKind::Date),
    ],
    searchable: &[medusa_query_dsl::Column::own("name")],
    list_fields: &["created_at"],
    passthrough: &["discount_condition_id"],
    ..CUSTOMER_GROUP_RETRIEVE
};

/// `GET /admin/customer-groups/{id}` (and the query of `POST /admin/customer-groups/{id}`).
pub static CUSTOMER_GROUP_RETRIEVE: ResourceSpec = ResourceSpec {
    expandable: true,
    relations: GROUP_RELATIONS,
    selectable: GROUP_FIELDS,
    soft_delete: true,
    ..ResourceSpec::new("customer_group", "customer_group")
};

/// A customer group with its customers when they were asked for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CustomerGroupView {
    #[serde(flatten)]
    pub group: customer_group::Model,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customers: Option<Vec<customer::Model>>,
}

/// Managing customer groups. Deleting a group removes it (and its memberships) for good, as
/// Medusa 1.20 does despite the `deleted_at` column.
#[async_trait]
pub trait CustomerGroupService: Send + Sync {
    /// A page of groups as planned from [`CUSTOMER_GROUP_LIST`], optionally only those of a
    /// discount condition.
    async fn list(
        &self,
        plan: &ListPlan,
        discount_condition_id: Option<&str>,
    ) -> Result<ListPage<CustomerGroupView>>;
    async fn retrieve(&self, id: &str, selection: &Selection) -> Result<CustomerGroupView>;
    async fn create(&self, input: CreateCustomerGroup) -> Result<CustomerGroupView>;
    /// Updates a group and re-reads it with `selection`.
    async fn update(
        &self,
        id: &str,
        input: UpdateCustomerGroup,
        selection: &Selection,
    ) -> Result<CustomerGroupView>;
    /// Deleting a missing group succeeds.
    async fn delete(&self, id: &str) -> Result<()>;
    /// Adds customers (already members are kept); every customer must exist.
    async fn add_customers(&self, id: &str, customer_ids: &[String]) -> Result<CustomerGroupView>;
    async fn remove_customers(
        &self,
        id: &str,
        customer_ids: &[String],
    ) -> Result<CustomerGroupView>;
}

/// [`CustomerGroupService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaCustomerGroupService {
    db: DatabaseConnection,
}

const GROUP_ID_PREFIX: &str = "cgrp";

fn group_not_found(id: &str) -> Error {
    Error::not_found(format!("CustomerGroup with id {id} was not found"))
}

impl SeaCustomerGroupService {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }

    async fn live<C: ConnectionTrait>(conn: &C, id: &str) -> Result<customer_group::Model> {
        live_or::<customer_group::Entity, _>(conn, id, || group_not_found(id)).await
    }

    async fn name_taken<C: ConnectionTrait>(
        conn: &C,
        name: &str,
        other_than: Option<&str>,
    ) -> Result<bool> {
        let name_column = customer_group::Column::Name;
        taken::<customer_group::Entity, _>(conn, name_column, name, other_than).await
    }
}

/// Loads the live customers of a page of groups in one statement, oldest first.
async fn with_customers<C: Connection>(
    conn: &C,
    groups: Vec<customer_group::Model>,
    load: bool,
) -> Result<Vec<CustomerGroupView>> {
    if !load || groups.is_empty() {
        return Ok(groups
            .into_iter()
            .map(|group| CustomerGroupView {
                group,
                customers: None,
            })
            .collect());
    }
    let ids: Vec<String> = groups.iter().map(|group| group.id.clone()).collect();
    let mut reader = Reader::new(conn).await?;
    let mut customers = through(
        &mut reader,
        live::<customer::Entity>().order_by_asc(customer::Column::CreatedAt),
        customer::Column::Id,
        Link::<customer_group_customers::Entity> {
            owner: customer_group_customers::Column::CustomerGroupId,
            target: customer_group_customers::Column::CustomerId,
        },
        &ids,
    )
    .await?;
    Ok(groups
        .into_iter()
        .enumerate()
        .map(|(row, group)| CustomerGroupView {
            group,
            customers: Some(customers.take(row)),
        })
        .collect())
}

#[async_trait]
impl CustomerGroupService for SeaCustomerGroupService {
    async fn list(
        &self,
        plan: &ListPlan,
        discount_condition_id: Option<&str>,
    ) -> Result<ListPage<CustomerGroupView>> {
        let mut query = customer_group::Entity::find();
        if let Some(condition) = discount_condition_id {
            query = query.filter(customer_group::Column::Id.in_subquery(column_where(
                discount_condition_customer_group::Column::CustomerGroupId,
                discount_condition_customer_group::Column::ConditionId.eq(condition),
            )));
        }
        let (rows, count) = plan.rows_and_count(&self.db, query).await?;
        let items =
            with_customers(&self.db, rows, plan.selection.has_relation("customers")).await?;
        Ok(plan.page("customer_groups", items, count))
    }

    async fn retrieve(&self, id: &str, selection: &Selection) -> Result<CustomerGroupView> {
        let group = Self::live(&self.db, id).await?;
        let mut views =
            with_customers(&self.db, vec![group], selection.has_relation("customers")).await?;
        views.pop().ok_or_else(|| group_not_found(id))
    }

    async fn create(&self, input: CreateCustomerGroup) -> Result<CustomerGroupView> {
        // Medusa passes PostgreSQL's own detail through as the message.
        let duplicate = format!("Key (name)=({}) already exists.", input.name);
        if Self::name_taken(&self.db, &input.name, None).await? {
            return Err(Error::duplicate(duplicate));
        }
        let now = medusa_core::time::now();
        let txn = self.db.begin().await?;
        let group = customer_group::ActiveModel {
            id: Set(generate_id(GROUP_ID_PREFIX)),
            name: Set(input.name),
            metadata: Set(input.metadata.map(Value::Object)),
            ..stamped(now)
        }
        .insert(&txn)
        .await
        .map_err(on_unique_violation(|_| Error::duplicate(duplicate)))?;
        medusa_events::record_event(
            &txn,
            &events::GroupCreated {
                id: group.id.clone(),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(CustomerGroupView {
            group,
            customers: None,
        })
    }

    async fn update(
        &self,
        id: &str,
        input: UpdateCustomerGroup,
        selection: &Selection,
    ) -> Result<CustomerGroupView> {
        let txn = self.db.begin().await?;
        let current = Self::live(&txn, id).await?;
        let duplicate = input
            .name
            .as_ref()
            .map(|name| format!("Customer_group with name {name} already exists."));
        if let (Some(name), Some(message)) = (&input.name, &duplicate) {
            if Self::name_taken(&txn, name, Some(id)).await? {
                return Err(Error::duplicate(message.clone()));
            }
        }
        let metadata = input
            .metadata
            .map(|update| medusa_core::metadata::merge(current.metadata.as_ref(), &update));
        let changed = input.name.is_some() || metadata.is_some();
        let mut row = current.into_active_model();
        if let Some(name) = input.name {
            row.name = Set(name);
        }
        if let Some(metadata) = metadata {
            row.metadata = Set(Some(metadata));
        }
        if changed {
            row.updated_at = Set(medusa_core::time::now());
            row.update(&txn).await.map_err(on_unique_violation(|_| {
                Error::duplicate(duplicate.unwrap_or_default())
            }))?;
        }
        medusa_events::record_event(&txn, &events::GroupUpdated { id: id.to_owned() }).await?;
        txn.commit().await?;
        self.retrieve(id, selection).await
    }

    async fn delete(&self, id: &str) -> Result<()> {
        let txn = self.db.begin().await?;
        if customer_group::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .is_none()
        {
            return Ok(());
        }
        // The join rows go with the group (PostgreSQL cascades; SQLite may not enforce it).
        customer_group_customers::Entity::delete_many()
            .filter(customer_group_customers::Column::CustomerGroupId.eq(id))
            .exec(&txn)
            .await?;
        discount_condition_customer_group::Entity::delete_many()
            .filter(discount_condition_customer_group::Column::CustomerGroupId.eq(id))
            .exec(&txn)
            .await?;
        price_list_customer_groups::Entity::delete_many()
            .filter(price_list_customer_groups::Column::CustomerGroupId.eq(id))
            .exec(&txn)
            .await?;
        customer_group::Entity::delete_by_id(id).exec(&txn).await?;
        medusa_events::record_event(&txn, &events::GroupDeleted { id: id.to_owned() }).await?;
        txn.commit().await?;
        Ok(())
    }

    async fn add_customers(&self, id: &str, customer_ids: &[String]) -> Result<CustomerGroupView> {
        let txn = self.db.begin().await?;
        let group = Self::live(&txn, id).await?;
        let wanted: Vec<String> = customer_ids.iter().fold(Vec::new(), |mut acc, c| {
            if !acc.contains(c) {
                acc.push(c.clone());
            }
            acc
        });
        let known: HashSet<String> = customer::Entity::find()
            .filter(customer::Column::Id.is_in(wanted.clone()))
            .filter(customer::Column::DeletedAt.is_null())
            .all(&txn)
            .await?
            .into_iter()
            .map(|c| c.id)
            .collect();
        let missing: Vec<&str> = wanted
            .iter()
            .filter(|c| !known.contains(*c))
            .map(String::as_str)
            .collect();
        if !missing.is_empty() {
            // Medusa quotes the joined list as one JSON string.
            return Err(Error::not_found(format!(
                "The following customer ids do not exist: {}",
                Value::String(missing.join(", "))
            )));
        }
        link::<customer_group_customers::Entity, _>(
            &txn,
            customer_group_customers::Column::CustomerGroupId,
            customer_group_customers::Column::CustomerId,
            id,
            &wanted,
        )
        .await?;
        txn.commit().await?;
        Ok(CustomerGroupView {
            group,
            customers: None,
        })
    }

    async fn remove_customers(
        &self,
        id: &str,
        customer_ids: &[String],
    ) -> Result<CustomerGroupView> {
        let txn = self.db.begin().await?;
        let group = Self::live(&txn, id).await?;
        unlink::<customer_group_customers::Entity, _>(
            &txn,
            customer_group_customers::Column::CustomerGroupId,
            customer_group_customers::Column::CustomerId,
            id,
            Some(customer_ids),
        )
        .await?;
        txn.commit().await?;
        Ok(CustomerGroupView {
            group,
            customers: None,
        })
    }
}
