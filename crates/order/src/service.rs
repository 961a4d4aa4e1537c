//! Reading orders: a page of orders as planned by [`crate::plan_order_list`], and one order.

use async_trait::async_trait;
use medusa_core::{Error, FeatureFlags, Flag, ListPage, Result};
use medusa_entity::{address, customer, order};
use medusa_load::{references, Reader};
use sea_orm::sea_query::Alias;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, JoinType, QueryFilter, QuerySelect, QueryTrait,
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
fn shown(mut rows: OrderRows, query: &OrderQuery) -> Result<Value> {
    // The relations kept as JSON are moved into the answer, not copied.
    let loaded_as_json = std::mem::take(&mut rows.shown);
    let mut json: Map<String, Value> = crate::json::order(&rows)?;
    json.extend(loaded_as_json);
    merge_totals(&mut json, &rows, &query.totals);
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
        let needs = Needs::new(
            &list.query.selection,
            &list.query.totals,
            self.tax_inclusive,
        );
        // The count, the page and its relations on one connection.
        let mut reader = Reader::new(&self.db).await?;
        let count = reader
            .count(list.plan.apply_count(select.clone()).into_query())
            .await?;
        let loaded = orders(&mut reader, list.plan.apply(select), &needs).await?;
        drop(reader);
        let items = loaded
            .into_iter()
            .map(|rows| shown(rows, &list.query))
            .collect::<Result<Vec<_>>>()?;
        Ok(list.plan.page("orders", items, count))
    }

    async fn retrieve(&self, id: &str, query: &OrderQuery) -> Result<Value> {
        let rows = self.rows(id, query).await?;
        shown(rows, query)
    }

    async fn rows(&self, id: &str, query: &OrderQuery) -> Result<OrderRows> {
        let needs = Needs::new(&query.selection, &query.totals, self.tax_inclusive);
        let mut reader = Reader::new(&self.db).await?;
        orders(&mut reader, order::Entity::find_by_id(id), &needs)
            .await?
            .pop()
            .ok_or_else(|| order_not_found(id))
    }
}
