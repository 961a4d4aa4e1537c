//! Returns of orders: requesting one (`POST /admin/orders/{id}/return`), listing them,
//! receiving and canceling one, as Medusa 1.20 does; each write in one transaction with the
//! events it records.

pub mod facts;
pub mod receive;
pub mod request;
pub mod rules;

use std::sync::Arc;

use async_trait::async_trait;
use medusa_core::{ListPage, Result};
use medusa_entity::{order, r#return, return_item, swap};
use medusa_load::{by_key, children, Reader};
use medusa_order::{OrderQuery, OrderService};
use medusa_query_dsl::{in_insertion_order, Pagination, ResourceSpec};
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, TransactionTrait};
use serde_json::{Map, Value};

use crate::input::{ReceiveReturn, RequestReturn};

/// `GET /admin/returns`: Medusa's `AdminGetReturnsParams` (limit 50, offset), newest first.
pub static RETURN_LIST: ResourceSpec = ResourceSpec {
    pagination: Some(Pagination {
        default_limit: 50,
        max_limit: None,
    }),
    default_order: &[("created_at", sea_orm::Order::Desc)],
    ..ResourceSpec::new("returns", "return")
};

/// Returns as the admin API handles them.
#[async_trait]
pub trait ReturnService: Send + Sync {
    /// A page of returns with their lines, swap and order.
    async fn list(&self, query_string: &str) -> Result<ListPage<Value>>;
    /// Requests a return; answers the order as `answer` reads it.
    async fn request(
        &self,
        order_id: &str,
        input: RequestReturn,
        answer: &OrderQuery,
    ) -> Result<Value>;
    /// Receives a return and registers it on its order; answers the return with its swap.
    async fn receive(&self, id: &str, input: ReceiveReturn) -> Result<Value>;
    /// Cancels a return; answers its order as `answer` reads it, without totals.
    async fn cancel(&self, id: &str, answer: &OrderQuery) -> Result<Value>;
}

/// [`ReturnService`] over the database; orders are re-read through the order read model.
#[derive(Clone)]
pub struct SeaReturnService {
    db: DatabaseConnection,
    orders: Arc<dyn OrderService>,
}

impl SeaReturnService {
    pub fn new(db: DatabaseConnection, orders: Arc<dyn OrderService>) -> Self {
        Self { db, orders }
    }
}

fn to_map<M: serde::Serialize>(row: &M) -> Result<Map<String, Value>> {
    match serde_json::to_value(row) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Ok(Map::new()),
        Err(err) => Err(medusa_core::Error::UnexpectedState(format!(
            "serialize: {err}"
        ))),
    }
}

/// A return as Medusa shows it: its columns, its lines (an eager relation), its swap, and
/// its order when loaded.
fn shown(
    ret: &r#return::Model,
    items: &[return_item::Model],
    swap: Option<&swap::Model>,
    order: Option<Option<&order::Model>>,
) -> Result<Value> {
    let mut json = to_map(ret)?;
    let items = items
        .iter()
        .map(|i| to_map(i).map(Value::Object))
        .collect::<Result<Vec<_>>>()?;
    json.insert("items".into(), Value::Array(items));
    json.insert(
        "swap".into(),
        swap.map(to_map)
            .transpose()?
            .map_or(Value::Null, Value::Object),
    );
    if let Some(order) = order {
        let order = match order {
            Some(order) => {
                let mut order = to_map(order)?;
                // The order entity's `afterLoad` names its kind.
                order.insert("object".into(), Value::String("order".into()));
                Value::Object(order)
            }
            None => Value::Null,
        };
        json.insert("order".into(), order);
    }
    Ok(Value::Object(json))
}

impl SeaReturnService {
    /// The returns with their lines, swaps and (with `with_order`) orders.
    async fn show(&self, rows: Vec<r#return::Model>, with_order: bool) -> Result<Vec<Value>> {
        let backend = self.db.get_database_backend();
        let mut reader = Reader::new(&self.db).await?;
        let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
        let mut items = children(
            &mut reader,
            in_insertion_order(return_item::Entity::find(), backend),
            return_item::Column::ReturnId,
            &ids,
        )
        .await?;
        let swaps = by_key(
            &mut reader,
            swap::Entity::find(),
            swap::Column::Id,
            rows.iter().filter_map(|r| r.swap_id.clone()),
        )
        .await?;
        let orders = if with_order {
            by_key(
                &mut reader,
                order::Entity::find(),
                order::Column::Id,
                rows.iter().filter_map(|r| r.order_id.clone()),
            )
            .await?
        } else {
            Default::default()
        };
        drop(reader);
        rows.iter()
            .enumerate()
            .map(|(index, ret)| {
                let swap = ret.swap_id.as_ref().and_then(|s| swaps.get(s));
                let order = with_order.then(|| ret.order_id.as_ref().and_then(|o| orders.get(o)));
                shown(ret, &items.take(index), swap, order)
            })
            .collect()
    }
}

#[async_trait]
impl ReturnService for SeaReturnService {
    async fn list(&self, query_string: &str) -> Result<ListPage<Value>> {
        let raw = medusa_query_dsl::parse(query_string)?;
        let plan = medusa_query_dsl::plan(&RETURN_LIST, &raw, self.db.get_database_backend())?;
        let count = plan
            .apply_count(r#return::Entity::find())
            .count(&self.db)
            .await?;
        let rows = plan.apply(r#return::Entity::find()).all(&self.db).await?;
        let shown = self.show(rows, true).await?;
        Ok(plan.page("returns", shown, count))
    }

    async fn request(
        &self,
        order_id: &str,
        input: RequestReturn,
        answer: &OrderQuery,
    ) -> Result<Value> {
        let txn = self.db.begin().await?;
        request::request_return_in(&txn, order_id, &input).await?;
        txn.commit().await?;
        self.orders.retrieve_written(order_id, answer).await
    }

    async fn receive(&self, id: &str, input: ReceiveReturn) -> Result<Value> {
        let refund = input.refund.map(|r| r.max(0));
        let txn = self.db.begin().await?;
        let ret =
            receive::receive_in(&txn, id, &input.items, refund, true, input.location_id).await?;
        if let Some(order_id) = &ret.order_id {
            receive::register_received_in(&txn, order_id, &ret, refund).await?;
        }
        txn.commit().await?;
        let ret = receive::find_return(&self.db, id).await?;
        self.show(vec![ret], false)
            .await?
            .pop()
            .ok_or_else(|| receive::return_not_found(id))
    }

    async fn cancel(&self, id: &str, answer: &OrderQuery) -> Result<Value> {
        let txn = self.db.begin().await?;
        let order_id = receive::cancel_in(&txn, id).await?;
        txn.commit().await?;
        // Medusa's route reads the order with its default fields, legacy totals only.
        let mut answer = answer.clone();
        answer.totals.full = false;
        self.orders.retrieve_written(&order_id, &answer).await
    }
}
