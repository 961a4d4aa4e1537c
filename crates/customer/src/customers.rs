//! Customers: listing (search, group filter), retrieving with orders and addresses, creating
//! accounts and updating them, group memberships included.

use crate::events;
use crate::input::{CreateCustomer, UpdateCustomer};
use medusa_core::new_row::stamped;

use async_trait::async_trait;
use medusa_auth::password::{hash_password_blocking, PasswordPolicy};
use medusa_core::on_unique_violation;
use medusa_core::subquery::column_where;
use medusa_core::{generate_id, Error, ListPage, Result};
use medusa_entity::{address, customer, customer_group, customer_group_customers, order};
use medusa_load::live_or;
use medusa_load::{
    by_key, children, link, live, missing, through, unlink, Connection, Link, Reader,
};
use medusa_query_dsl::{
    FieldKind, FilterSpec, ListPlan, Pagination, RawValue, RelationSpec, ResourceSpec, Selection,
};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait,
    IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde::Serialize;
use serde_json::{Map, Value};

const CUSTOMER_RELATIONS: &[RelationSpec] = &[
    RelationSpec::new("orders"),
    RelationSpec::new("shipping_addresses"),
    RelationSpec::new("billing_address"),
    RelationSpec::new("groups"),
];

/// `GET /admin/customers`: Medusa's `AdminGetCustomersParams`. No default order (database
/// order); `expand` names relations (none by default); `fields` is accepted and ignored, as
/// Medusa's customer controller ignores it; `groups` is a join handled by the service.
pub static CUSTOMER_LIST: ResourceSpec = ResourceSpec {
    pagination: Some(Pagination::uncapped(50)),
    sortable: &[
        "id",
        "email",
        "first_name",
        "last_name",
        "phone",
        "has_account",
        "billing_address_id",
        "created_at",
        "updated_at",
        "deleted_at",
    ],
    filters: &[
        FilterSpec::value("has_account", FieldKind::Bool),
        FilterSpec::range("created_at", FieldKind::Date),
        FilterSpec::range("updated_at", FieldKind::Date),
    ],
    searchable: &[
        medusa_query_dsl::Column::own("email"),
        medusa_query_dsl::Column::own("first_name"),
        medusa_query_dsl::Column::own("last_name"),
    ],
    expandable: true,
    relations: CUSTOMER_RELATIONS,
    soft_delete: true,
    passthrough: &["fields", "groups"],
    ..ResourceSpec::new("customers", "customer")
};

/// `GET /admin/customers/{id}` (and the query of `POST /admin/customers/{id}`): `expand`
/// replaces the default `orders, shipping_addresses`; `fields` is accepted and ignored.
pub static CUSTOMER_RETRIEVE: ResourceSpec = ResourceSpec {
    expandable: true,
    relations: CUSTOMER_RELATIONS,
    default_relations: &["orders", "shipping_addresses"],
    passthrough: &["fields"],
    ..ResourceSpec::new("customer", "customer")
};

/// Which relations of a customer are loaded and returned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CustomerRelations {
    pub orders: bool,
    pub shipping_addresses: bool,
    pub billing_address: bool,
    pub groups: bool,
}

impl CustomerRelations {
    pub fn from_selection(selection: &Selection) -> Self {
        Self {
            orders: selection.has_relation("orders"),
            shipping_addresses: selection.has_relation("shipping_addresses"),
            billing_address: selection.has_relation("billing_address"),
            groups: selection.has_relation("groups"),
        }
    }
}

/// What a customer list selects beyond the plan: the groups its customers must belong to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomerFilter {
    /// Customers in any of these groups; their `groups` are returned, restricted to these
    /// (Medusa joins the relation with the filter).
    pub groups: Option<Vec<String>>,
    pub relations: CustomerRelations,
}

/// Plans a customer list from a query string. `group_id` scopes it to one group
/// (`GET /admin/customer-groups/{id}/customers`), replacing any `groups` parameter as
/// Medusa does.
pub fn plan_customer_list(
    query_string: &str,
    backend: DbBackend,
    group_id: Option<&str>,
) -> Result<(ListPlan, CustomerFilter)> {
    let raw = medusa_query_dsl::parse(query_string)?;
    let plan = medusa_query_dsl::plan(&CUSTOMER_LIST, &raw, backend)?;
    let groups = match group_id {
        Some(id) => Some(vec![id.to_owned()]),
        None => medusa_query_dsl::passthrough_list(&raw, "groups")?
            .map(|ids| ids.into_iter().map(str::to_owned).collect()),
    };
    if raw.get("fields").is_some() {
        medusa_query_dsl::passthrough_text(&raw, "fields")?;
    }
    let relations = CustomerRelations::from_selection(&plan.selection);
    Ok((plan, CustomerFilter { groups, relations }))
}

/// The relations a single-customer answer carries. An empty `expand=` means the defaults, as
/// Medusa's route reads an empty list as "no expand given".
pub fn retrieve_relations(query_string: &str) -> Result<CustomerRelations> {
    let raw = medusa_query_dsl::parse(query_string)?;
    let raw = if matches!(raw.get("expand"), Some(RawValue::Text(text)) if text.is_empty()) {
        let rest: Vec<&str> = query_string
            .split('&')
            .filter(|pair| !matches!(*pair, "expand" | "expand="))
            .collect();
        medusa_query_dsl::parse(&rest.join("&"))?
    } else {
        raw
    };
    let selection = medusa_query_dsl::plan_retrieve(&CUSTOMER_RETRIEVE, &raw)?;
    Ok(CustomerRelations::from_selection(&selection))
}

/// A customer as the admin API returns it: the row, plus the relations that were loaded.
/// The password hash is never serialized.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CustomerView {
    #[serde(flatten)]
    pub customer: customer::Model,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orders: Option<Vec<Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_addresses: Option<Vec<address::Model>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_address: Option<Option<address::Model>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<customer_group::Model>>,
}

impl CustomerView {
    fn bare(customer: customer::Model) -> Self {
        Self {
            customer,
            orders: None,
            shipping_addresses: None,
            billing_address: None,
            groups: None,
        }
    }
}

/// Managing customers. Soft-deleted customers are invisible.
#[async_trait]
pub trait CustomerService: Send + Sync {
    /// A page of customers as planned by [`plan_customer_list`].
    async fn list(
        &self,
        plan: &ListPlan,
        filter: &CustomerFilter,
    ) -> Result<ListPage<CustomerView>>;
    async fn retrieve(&self, id: &str, relations: CustomerRelations) -> Result<CustomerView>;
    /// Creates a registered customer (`has_account = true`); the answer has no relations.
    async fn create(&self, input: CreateCustomer) -> Result<CustomerView>;
    /// Updates a customer and re-reads it with `relations`.
    async fn update(
        &self,
        id: &str,
        input: UpdateCustomer,
        relations: CustomerRelations,
    ) -> Result<CustomerView>;
}

/// [`CustomerService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaCustomerService {
    db: DatabaseConnection,
    policy: PasswordPolicy,
}

pub(crate) const CUSTOMER_ID_PREFIX: &str = "cus";
const HAS_ACCOUNT: &str = "A customer with the given email already has an account. Log in instead";
const EMAIL_LOCKED: &str = "Email cannot be changed when the user has registered their account";

pub(crate) fn customer_not_found(id: &str) -> Error {
    Error::not_found(format!("Customer with id: {id} was not found"))
}

impl SeaCustomerService {
    pub fn new(db: DatabaseConnection, policy: PasswordPolicy) -> Self {
        Self { db, policy }
    }

    async fn live<C: ConnectionTrait>(conn: &C, id: &str) -> Result<customer::Model> {
        live_or::<customer::Entity, _>(conn, id, || customer_not_found(id)).await
    }
}

/// Loads the selected relations of a page of customers, one statement per relation.
pub(crate) async fn with_relations<C: Connection>(
    conn: &C,
    customers: Vec<customer::Model>,
    relations: CustomerRelations,
    only_groups: Option<&[String]>,
) -> Result<Vec<CustomerView>> {
    let ids: Vec<String> = customers.iter().map(|c| c.id.clone()).collect();
    let mut views: Vec<CustomerView> = customers.into_iter().map(CustomerView::bare).collect();
    if views.is_empty() {
        return Ok(views);
    }
    let mut reader = Reader::new(conn).await?;

    if relations.orders {
        let select = order::Entity::find().order_by_asc(order::Column::CreatedAt);
        let mut orders = children(&mut reader, select, order::Column::CustomerId, &ids).await?;
        for (row, view) in views.iter_mut().enumerate() {
            let mut shown = Vec::new();
            for order in orders.take(row) {
                let mut json = Map::new();
                json.insert("object".into(), Value::String("order".into()));
                if let Value::Object(fields) =
                    serde_json::to_value(&order).map_err(serialization)?
                {
                    json.extend(fields);
                }
                shown.push(Value::Object(json));
            }
            view.orders = Some(shown);
        }
    }

    if relations.shipping_addresses {
        let select = live::<address::Entity>().order_by_asc(address::Column::CreatedAt);
        let mut addresses =
            children(&mut reader, select, address::Column::CustomerId, &ids).await?;
        for (row, view) in views.iter_mut().enumerate() {
            view.shipping_addresses = Some(addresses.take(row));
        }
    }

    if relations.billing_address {
        let address_ids = views
            .iter()
            .filter_map(|v| v.customer.billing_address_id.clone());
        let addresses = by_key(
            &mut reader,
            live::<address::Entity>(),
            address::Column::Id,
            address_ids,
        )
        .await?;
        for view in &mut views {
            let billing = view
                .customer
                .billing_address_id
                .as_ref()
                .and_then(|id| addresses.get(id).cloned());
            view.billing_address = Some(billing);
        }
    }

    if relations.groups || only_groups.is_some() {
        let mut select =
            live::<customer_group::Entity>().order_by_asc(customer_group::Column::CreatedAt);
        if let Some(only) = only_groups {
            select = select.filter(
                Expr::col((
                    customer_group_customers::Entity,
                    customer_group_customers::Column::CustomerGroupId,
                ))
                .is_in(only.to_vec()),
            );
        }
        let link = Link::<customer_group_customers::Entity> {
            owner: customer_group_customers::Column::CustomerId,
            target: customer_group_customers::Column::CustomerGroupId,
        };
        let mut groups =
            through(&mut reader, select, customer_group::Column::Id, link, &ids).await?;
        groups.sort_each(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
        for (row, view) in views.iter_mut().enumerate() {
            view.groups = Some(groups.take(row));
        }
    }

    Ok(views)
}

fn serialization(err: serde_json::Error) -> Error {
    Error::UnexpectedState(format!("serialization failed: {err}"))
}

#[async_trait]
impl CustomerService for SeaCustomerService {
    async fn list(
        &self,
        plan: &ListPlan,
        filter: &CustomerFilter,
    ) -> Result<ListPage<CustomerView>> {
        let mut query = customer::Entity::find();
        if let Some(groups) = &filter.groups {
            query = query.filter(customer::Column::Id.in_subquery(column_where(
                customer_group_customers::Column::CustomerId,
                customer_group_customers::Column::CustomerGroupId.is_in(groups.clone()),
            )));
        }
        let (rows, count) = plan.rows_and_count(&self.db, query).await?;
        let items =
            with_relations(&self.db, rows, filter.relations, filter.groups.as_deref()).await?;
        Ok(plan.page("customers", items, count))
    }

    async fn retrieve(&self, id: &str, relations: CustomerRelations) -> Result<CustomerView> {
        let row = Self::live(&self.db, id).await?;
        let mut views = with_relations(&self.db, vec![row], relations, None).await?;
        views.pop().ok_or_else(|| customer_not_found(id))
    }

    async fn create(&self, input: CreateCustomer) -> Result<CustomerView> {
        let email = input.email.to_lowercase();
        let registered = customer::Entity::find()
            .filter(customer::Column::Email.eq(email.as_str()))
            .filter(customer::Column::HasAccount.eq(true))
            .filter(customer::Column::DeletedAt.is_null())
            .count(&self.db)
            .await?;
        if registered > 0 {
            return Err(Error::duplicate(HAS_ACCOUNT));
        }
        let password_hash = hash_password_blocking(input.password, self.policy).await?;
        let now = medusa_core::time::now();
        let txn = self.db.begin().await?;
        let created = customer::ActiveModel {
            id: Set(generate_id(CUSTOMER_ID_PREFIX)),
            email: Set(email),
            first_name: Set(Some(input.first_name)),
            last_name: Set(Some(input.last_name)),
            billing_address_id: Set(None),
            password_hash: Set(Some(password_hash)),
            phone: Set(input.phone),
            has_account: Set(true),
            metadata: Set(input.metadata.map(Value::Object)),
            ..stamped(now)
        }
        .insert(&txn)
        .await
        // A concurrent registration of the same e-mail, caught by the partial unique index.
        .map_err(on_unique_violation(|_| Error::duplicate(HAS_ACCOUNT)))?;
        medusa_events::record_event(&txn, &events::CustomerCreated(&created)).await?;
        txn.commit().await?;
        Ok(CustomerView::bare(created))
    }

    async fn update(
        &self,
        id: &str,
        input: UpdateCustomer,
        relations: CustomerRelations,
    ) -> Result<CustomerView> {
        let current = Self::live(&self.db, id).await?;
        if input.email.is_some() && current.has_account {
            return Err(Error::invalid_data(EMAIL_LOCKED));
        }
        let password_hash = match input.password {
            Some(password) => Some(hash_password_blocking(password, self.policy).await?),
            None => None,
        };
        let txn = self.db.begin().await?;
        if let Some(groups) = &input.groups {
            replace_groups(&txn, id, groups).await?;
        }
        let touches_row = input.email.is_some()
            || input.first_name.is_some()
            || input.last_name.is_some()
            || input.phone.is_some()
            || input.metadata.is_some()
            || password_hash.is_some();
        let metadata = input
            .metadata
            .map(|update| medusa_core::metadata::merge(current.metadata.as_ref(), &update));
        let mut row = current.into_active_model();
        if let Some(email) = input.email {
            row.email = Set(email);
        }
        if let Some(first_name) = input.first_name {
            row.first_name = Set(first_name);
        }
        if let Some(last_name) = input.last_name {
            row.last_name = Set(last_name);
        }
        if let Some(phone) = input.phone {
            row.phone = Set(phone);
        }
        if let Some(metadata) = metadata {
            row.metadata = Set(Some(metadata));
        }
        if let Some(hash) = password_hash {
            row.password_hash = Set(Some(hash));
        }
        // Like TypeORM's save, a write that changes no column leaves `updated_at` alone.
        let updated = if touches_row {
            row.updated_at = Set(medusa_core::time::now());
            row.update(&txn).await?
        } else {
            Self::live(&txn, id).await?
        };
        medusa_events::record_event(&txn, &events::CustomerUpdated(&updated)).await?;
        txn.commit().await?;
        self.retrieve(id, relations).await
    }
}

/// Makes `group_ids` the customer's groups. Every group must exist (Medusa reports the first
/// unknown one as its foreign-key error).
async fn replace_groups<C: ConnectionTrait>(
    conn: &C,
    customer_id: &str,
    group_ids: &[String],
) -> Result<()> {
    let wanted: Vec<String> = group_ids
        .iter()
        .fold(Vec::new(), |mut unique: Vec<String>, id| {
            if !unique.contains(id) {
                unique.push(id.clone());
            }
            unique
        });
    if let Some(missing) = missing(conn, live::<customer_group::Entity>(), &wanted)
        .await?
        .first()
    {
        return Err(Error::not_found(format!(
            "Customer_group with customer_group_id {missing} does not exist."
        )));
    }
    // All links go, then the wanted ones are added in the given order (physical order).
    let customer = customer_group_customers::Column::CustomerId;
    let group = customer_group_customers::Column::CustomerGroupId;
    unlink::<customer_group_customers::Entity, C>(conn, customer, group, customer_id, None).await?;
    link::<customer_group_customers::Entity, C>(conn, customer, group, customer_id, &wanted).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_expand_means_the_default_relations() {
        let defaults = CustomerRelations {
            orders: true,
            shipping_addresses: true,
            ..Default::default()
        };
        assert_eq!(retrieve_relations("").unwrap(), defaults);
        assert_eq!(retrieve_relations("expand=").unwrap(), defaults);
        assert_eq!(
            retrieve_relations("expand=groups&fields=email").unwrap(),
            CustomerRelations {
                groups: true,
                ..Default::default()
            }
        );
        assert!(retrieve_relations("expand=nope").is_err());
        assert!(retrieve_relations("foo=1").is_err());
    }

    #[test]
    fn group_scope_replaces_the_groups_parameter() {
        let (_, filter) = plan_customer_list("groups[]=a,b&q=x", DbBackend::Sqlite, None).unwrap();
        assert_eq!(filter.groups, Some(vec!["a".into(), "b".into()]));
        let (_, filter) =
            plan_customer_list("groups[]=a", DbBackend::Sqlite, Some("cgrp_1")).unwrap();
        assert_eq!(filter.groups, Some(vec!["cgrp_1".into()]));
        assert!(plan_customer_list("fields[]=a&fields[]=b", DbBackend::Sqlite, None).is_err());
    }
}
