//! Reading orders: a page of orders as planned by [`crate::plan_order_list`], and one order.

use async_trait::async_trait;
use medusa_core::{Error, FeatureFlags, Flag, ListPage, Result};
use medusa_entity::{address, customer, order};
use medusa_load::references;
use sea_orm::sea_query::Alias;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, JoinType, PaginatorTrait, QueryFilter,
    QuerySelect,
};
use serde_json::{Map, Value};

use crate::json::merge_totals;
use crate::load::{orders, Needs};
use crate::rows::OrderRows;
use crate::spec::{OrderListQuery, OrderQuery, CUSTOMER, SHIPPING_ADDRESS};

/// Reading orders as the admin API shows them.
#[async_trait]
pub trait OrderService: Send + Sync {
    /// A page of orders: each with its loaded relations, trimmed to the selection.
    async fn list(&self, query: &OrderListQuery) -> Result<ListPage<Value>>;
    /// One order, with totals, trimmed to the selection.
    async fn retrieve(&self, id: &str, query: &OrderQuery) -> Result<Value>;
    /// One order's typed rows with the relations totals read (for the totals crate and
    /// for writes that re-read an order).
    async fn rows(&self, id: &str, query: &OrderQuery) -> Result<OrderRows>;

    /// The order as a write route answers it, after the write committed: as `GET` shows it,
    /// plus the entity's `object`, which Medusa's write routes keep (they clean the answer
    /// with no allowed properties, so nothing is trimmed away).
    async fn retrieve_written(&self, id: &str, query: &OrderQuery) -> Result<Value> {
        let mut order = self.retrieve(id, query).await?;
        if let Value::Object(map) = &mut order {
            map.insert("object".to_owned(), Value::String("order".to_owned()));
        }
        Ok(order)
    }
}

/// [`OrderService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaOrderService {
    db: DatabaseConnection,
    /// `MEDUSA_FF_TAX_INCLUSIVE_PRICING`: items, shipping methods, options and the region
    /// carry their `includes_tax`, and totals read it.
    tax_inclusive: bool,
}

impl SeaOrderService {
    pub fn new(db: DatabaseConnection, flags: FeatureFlags) -> Self {
        Self {
            db,
            tax_inclusive: flags.is_enabled(Flag::TaxInclusivePricing),
        }
    }
}

pub(crate) fn order_not_found(id: &str) -> Error {
    Error::not_found(format!("Order with id: {id} was not found"))
}

/// The order as shown: rows, totals merged in, trimmed.
fn shown(rows: &OrderRows, query: &OrderQuery) -> Result<Value> {
    let mut json: Map<String, Value> = crate::json::order(rows)?;
    merge_totals(&mut json, rows, &query.totals);
    if query.returnable_items {
        crate::json::returnable_items(&mut json);
    }
    query.shape.apply(&mut json);
    Ok(Value::Object(json))
}

#[async_trait]
impl OrderService for SeaOrderService {
    async fn list(&self, list: &OrderListQuery) -> Result<ListPage<Value>> {
        let mut select = order::Entity::find();
        if list.plan.search.is_some() {
            // Medusa's search requires a customer and a shipping address.
            select = select
                .join_as(
                    JoinType::InnerJoin,
                    references::<order::Entity, address::Entity>(
                        order::Column::ShippingAddressId,
                        address::Column::Id,
                    ),
                    Alias::new(SHIPPING_ADDRESS),
                )
                .join_as(
                    JoinType::InnerJoin,
                    references::<order::Entity, customer::Entity>(
                        order::Column::CustomerId,
                        customer::Column::Id,
                    ),
                    Alias::new(CUSTOMER),
                );
        }
        if let Some(rate) = list.tax_rate {
            #[allow(clippy::cast_possible_truncation)]
            let rate = rate as f32;
            select = select.filter(order::Column::TaxRate.eq(rate));
        }
        let count = list
            .plan
            .apply_count(select.clone())
            .count(&self.db)
            .await?;
        let rows = list.plan.apply(select).all(&self.db).await?;
        let needs = Needs::new(
            &list.query.selection,
            &list.query.totals,
            self.tax_inclusive,
        );
        let loaded = orders(&self.db, rows, &needs).await?;
        let items = loaded
            .iter()
            .map(|rows| shown(rows, &list.query))
            .collect::<Result<Vec<_>>>()?;
        Ok(list.plan.page("orders", items, count))
    }

    async fn retrieve(&self, id: &str, query: &OrderQuery) -> Result<Value> {
        let rows = self.rows(id, query).await?;
        shown(&rows, query)
    }

    async fn rows(&self, id: &str, query: &OrderQuery) -> Result<OrderRows> {
        let row = order::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or_else(|| order_not_found(id))?;
        let needs = Needs::new(&query.selection, &query.totals, self.tax_inclusive);
        orders(&self.db, vec![row], &needs)
            .await?
            .pop()
            .ok_or_else(|| order_not_found(id))
    }
}
