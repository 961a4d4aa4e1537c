//! Swaps of orders (`/admin/orders/{id}/swaps...`, `/admin/swaps`): a return of some lines
//! with replacement items, the swap's cart (return lines negative, custom shipping prices),
//! `process-payment`, fulfillments, shipments and cancels, as Medusa 1.20's `SwapService`
//! does them. Each route's work runs in one transaction with the events it records; the
//! order routes answer the order as `GET /admin/orders/{id}` reads it after the commit.

pub mod create;
pub mod read;
pub mod rules;
pub mod write;

use async_trait::async_trait;
use medusa_core::{ListPage, Result};
use medusa_entity::swap;
use medusa_order::OrderQuery;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, TransactionTrait,
};
use serde_json::Value;

use crate::input::{CreateSwap, FulfillAdditionalItems, ShipSwap};
use crate::order_writes::{write_then_answer, SeaOrderWrites, Swaps};

/// The swap routes; the order routes answer the order as `answer` reads it.
#[async_trait]
pub trait SwapService: Send + Sync {
    async fn create(&self, order_id: &str, input: CreateSwap, answer: &OrderQuery)
        -> Result<Value>;
    async fn process_payment(
        &self,
        order_id: &str,
        swap_id: &str,
        answer: &OrderQuery,
    ) -> Result<Value>;
    async fn cancel(&self, order_id: &str, swap_id: &str, answer: &OrderQuery) -> Result<Value>;
    async fn fulfill(
        &self,
        order_id: &str,
        swap_id: &str,
        input: FulfillAdditionalItems,
        answer: &OrderQuery,
    ) -> Result<Value>;
    async fn cancel_fulfillment(
        &self,
        order_id: &str,
        swap_id: &str,
        fulfillment_id: &str,
        answer: &OrderQuery,
    ) -> Result<Value>;
    async fn ship(
        &self,
        order_id: &str,
        swap_id: &str,
        input: ShipSwap,
        answer: &OrderQuery,
    ) -> Result<Value>;
    /// `GET /admin/swaps`: a page of swaps (their columns), newest first.
    async fn list(&self, query_string: &str) -> Result<ListPage<Value>>;
    /// `GET /admin/swaps/{id}`.
    async fn retrieve(&self, id: &str) -> Result<Value>;
}

/// [`SwapService`] over the database, with the server's providers.
pub type SeaSwapService = SeaOrderWrites<Swaps>;

#[async_trait]
impl SwapService for SeaOrderWrites<Swaps> {
    async fn create(
        &self,
        order_id: &str,
        input: CreateSwap,
        answer: &OrderQuery,
    ) -> Result<Value> {
        write_then_answer!(self, order_id, answer, |txn| {
            let swap = create::create_swap_in(&txn, self.tax_inclusive, order_id, &input).await?;
            create::create_swap_cart_in(&txn, self.tax_inclusive, &swap, &input).await?;
        })
    }

    async fn process_payment(
        &self,
        order_id: &str,
        swap_id: &str,
        answer: &OrderQuery,
    ) -> Result<Value> {
        write_then_answer!(self, order_id, answer, |txn| {
            write::process_payment_in(&txn, &self.providers, swap_id).await?;
        })
    }

    async fn cancel(&self, order_id: &str, swap_id: &str, answer: &OrderQuery) -> Result<Value> {
        write_then_answer!(self, order_id, answer, |txn| {
            write::cancel_swap_in(&txn, &self.providers, order_id, swap_id).await?;
        })
    }

    async fn fulfill(
        &self,
        order_id: &str,
        swap_id: &str,
        input: FulfillAdditionalItems,
        answer: &OrderQuery,
    ) -> Result<Value> {
        write_then_answer!(self, order_id, answer, |txn| {
            write::fulfill_swap_in(&txn, &self.providers, swap_id, &input).await?;
        })
    }

    async fn cancel_fulfillment(
        &self,
        order_id: &str,
        swap_id: &str,
        fulfillment_id: &str,
        answer: &OrderQuery,
    ) -> Result<Value> {
        write_then_answer!(self, order_id, answer, |txn| {
            write::cancel_swap_fulfillment_in(
                &txn,
                &self.providers,
                order_id,
                swap_id,
                fulfillment_id,
            )
            .await?;
        })
    }

    async fn ship(
        &self,
        order_id: &str,
        swap_id: &str,
        input: ShipSwap,
        answer: &OrderQuery,
    ) -> Result<Value> {
        write_then_answer!(self, order_id, answer, |txn| {
            write::ship_swap_in(&txn, swap_id, &input).await?;
        })
    }

    async fn list(&self, query_string: &str) -> Result<ListPage<Value>> {
        let raw = medusa_query_dsl::parse(query_string)?;
        let plan = medusa_query_dsl::plan(&read::SWAP_LIST, &raw, self.db.get_database_backend())?;
        let live = || swap::Entity::find().filter(swap::Column::DeletedAt.is_null());
        let count = plan.apply_count(live()).count(&self.db).await?;
        let rows = plan.apply(live()).all(&self.db).await?;
        let shown = rows
            .iter()
            .map(read::swap_columns)
            .collect::<Result<Vec<_>>>()?;
        Ok(plan.page("swaps", shown, count))
    }

    async fn retrieve(&self, id: &str) -> Result<Value> {
        read::swap_json(&self.db, id, self.tax_inclusive).await
    }
}
