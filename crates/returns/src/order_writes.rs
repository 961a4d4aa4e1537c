//! The database side the claim and swap services share: each route's write runs in one
//! transaction, then the order is answered as `GET /admin/orders/{id}` reads it after the
//! commit. [`SeaOrderWrites`] holds what both need; its kind says which service it is.

use std::marker::PhantomData;
use std::sync::Arc;

use medusa_core::Result;
use medusa_order::{OrderQuery, OrderService};
use medusa_providers::ProviderRegistry;
use sea_orm::DatabaseConnection;
use serde_json::Value;

/// The claim or swap service over the database, with the server's providers; `Kind`
/// ([`Claims`] or [`Swaps`]) picks the service trait it implements.
pub struct SeaOrderWrites<Kind> {
    pub(crate) db: DatabaseConnection,
    orders: Arc<dyn OrderService>,
    pub(crate) providers: ProviderRegistry,
    pub(crate) tax_inclusive: bool,
    kind: PhantomData<Kind>,
}

/// Marks [`SeaOrderWrites`] as the claim service.
pub enum Claims {}

/// Marks [`SeaOrderWrites`] as the swap service.
pub enum Swaps {}

impl<Kind> SeaOrderWrites<Kind> {
    pub fn new(
        db: DatabaseConnection,
        orders: Arc<dyn OrderService>,
        providers: ProviderRegistry,
        tax_inclusive: bool,
    ) -> Self {
        Self {
            db,
            orders,
            providers,
            tax_inclusive,
            kind: PhantomData,
        }
    }

    pub(crate) async fn answer(&self, order_id: &str, answer: &OrderQuery) -> Result<Value> {
        self.orders.retrieve_written(order_id, answer).await
    }
}

// Derived `Clone` would ask `Kind: Clone`; the marker is never held.
impl<Kind> Clone for SeaOrderWrites<Kind> {
    fn clone(&self) -> Self {
        Self::new(
            self.db.clone(),
            self.orders.clone(),
            self.providers.clone(),
            self.tax_inclusive,
        )
    }
}

/// Runs the block on a new transaction `$txn` of `$service.db`, commits it, and answers the
/// order `$order_id` as `$answer` reads it.
macro_rules! write_then_answer {
    ($service:ident, $order_id:expr, $answer:expr, |$txn:ident| $write:block) => {{
        let $txn = $service.db.begin().await?;
        $write;
        $txn.commit().await?;
        $service.answer($order_id, $answer).await
    }};
}
pub(crate) use write_then_answer;
