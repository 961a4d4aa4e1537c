//! Reading orders: a page of orders as planned by [`crate::plan_order_list`], and one order.

use async_trait::async_trait;
use medusa_core::{Error, FeatureFlags, Flag, ListPage, Result};
use medusa_entity::{address, customer, order};
use medusa_load::{find, references, Reader};
use sea_orm::sea_query::Alias;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, JoinType, QueryFilter, QuerySelect,
    QueryTrait,
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
    /// The page as its JSON body (`{"orders": [...], "count", "offset", "limit"}`): the
    /// bytes of [`Self::list`]'s page, written without building it.
    async fn list_json(&self, query: &OrderListQuery) -> Result<Vec<u8>>;
    /// One order, with totals, trimmed to the selection.
    async fn retrieve(&self, id: &str, query: &OrderQuery) -> Result<Value>;
    /// One order as its JSON body (`{"order": ...}`), written without building it.
    async fn retrieve_json(&self, id: &str, query: &OrderQuery) -> Result<Vec<u8>>;
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

/// The bytes of [`shown`]'s answer, written straight from the rows.
fn write_shown(out: &mut Vec<u8>, mut rows: OrderRows, query: &OrderQuery) -> Result<()> {
    if query.returnable_items {
        // Copies the items as shown: built as values.
        let value = shown(rows, query)?;
        return serde_json::to_writer(out, &value).map_err(|err| {
            Error::UnexpectedState(format!("an order could not be written: {err}"))
        });
    }
    // Debug builds (the tests) hold every written answer to the bytes of the built one.
    #[cfg(debug_assertions)]
    let (start, built) = (
        out.len(),
        serde_json::to_string(&shown(rows.clone(), query)?).unwrap_or_default(),
    );
    let loaded_as_json = std::mem::take(&mut rows.shown);
    crate::answer::write_order(out, &rows, loaded_as_json, query)?;
    #[cfg(debug_assertions)]
    {
        let written = String::from_utf8_lossy(&out[start..]);
        debug_assert!(
            written == built,
            "written order differs from the built one:\n{written}\n{built}"
        );
    }
    Ok(())
}

impl SeaOrderService {
    /// The page's orders with their relations, and the count.
    async fn page(&self, list: &OrderListQuery) -> Result<(Vec<OrderRows>, u64)> {
        let mut select = find::<order::Entity>(self.db.get_database_backend());
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
        let counted = list.plan.apply_count(select.clone()).into_query();
        let count = if list.selects_every_order() {
            reader.rows_in("order", counted).await?
        } else {
            reader.count(counted).await?
        };
        let loaded = orders(&mut reader, list.plan.apply(select), &needs).await?;
        Ok((loaded, count))
    }
}

#[async_trait]
impl OrderService for SeaOrderService {
    async fn list(&self, list: &OrderListQuery) -> Result<ListPage<Value>> {
        let (loaded, count) = self.page(list).await?;
        let items = loaded
            .into_iter()
            .map(|rows| shown(rows, &list.query))
            .collect::<Result<Vec<_>>>()?;
        Ok(list.plan.page("orders", items, count))
    }

    async fn list_json(&self, list: &OrderListQuery) -> Result<Vec<u8>> {
        let (loaded, count) = self.page(list).await?;
        let page = list.plan.page("orders", Vec::<()>::new(), count);
        let mut out = Vec::with_capacity(loaded.len() * 8192 + 64);
        out.extend_from_slice(b"{\"orders\":[");
        for (index, rows) in loaded.into_iter().enumerate() {
            if index > 0 {
                out.push(b',');
            }
            write_shown(&mut out, rows, &list.query)?;
        }
        let tail = format!(
            "],\"count\":{},\"offset\":{},\"limit\":{}}}",
            page.count, page.offset, page.limit
        );
        out.extend_from_slice(tail.as_bytes());
        Ok(out)
    }

    async fn retrieve(&self, id: &str, query: &OrderQuery) -> Result<Value> {
        let rows = self.rows(id, query).await?;
        shown(rows, query)
    }

    async fn retrieve_json(&self, id: &str, query: &OrderQuery) -> Result<Vec<u8>> {
        let rows = self.rows(id, query).await?;
        let mut out = Vec::with_capacity(16384);
        out.extend_from_slice(b"{\"order\":");
        write_shown(&mut out, rows, query)?;
        out.push(b'}');
        Ok(out)
    }

    async fn rows(&self, id: &str, query: &OrderQuery) -> Result<OrderRows> {
        let needs = Needs::new(&query.selection, &query.totals, self.tax_inclusive);
        let mut reader = Reader::new(&self.db).await?;
        let select = find::<order::Entity>(reader.backend()).filter(order::Column::Id.eq(id));
        orders(&mut reader, select, &needs)
            .await?
            .pop()
            .ok_or_else(|| order_not_found(id))
    }
}
