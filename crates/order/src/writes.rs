//! The order writes as one service: each runs its `*_in` function in one transaction, and
//! answers with the order as `GET /admin/orders/{id}` shows it, read after the commit (as
//! Medusa's routes re-read the order with their `FindParams`).

use async_trait::async_trait;
use medusa_core::Result;
use medusa_providers::ProviderRegistry;
use sea_orm::{DatabaseConnection, DatabaseTransaction, TransactionTrait};
use serde_json::Value;

use crate::input::UpdateOrder;
use crate::service::{OrderService, SeaOrderService};
use crate::spec::OrderQuery;
use crate::{lifecycle, update};

/// The admin's writes on orders.
#[async_trait]
pub trait OrderWriteService: Send + Sync {
    /// `POST /admin/orders/{id}`
    async fn update(&self, id: &str, input: UpdateOrder, answer: &OrderQuery) -> Result<Value>;
    /// `POST /admin/orders/{id}/complete`
    async fn complete(&self, id: &str, answer: &OrderQuery) -> Result<Value>;
    /// `POST /admin/orders/{id}/archive`
    async fn archive(&self, id: &str, answer: &OrderQuery) -> Result<Value>;
    /// `POST /admin/orders/{id}/cancel`
    async fn cancel(&self, id: &str, answer: &OrderQuery) -> Result<Value>;
    /// `POST /admin/orders/{id}/capture`
    async fn capture(&self, id: &str, answer: &OrderQuery) -> Result<Value>;
}

/// [`OrderWriteService`] over the database, with the server's providers.
#[derive(Clone)]
pub struct SeaOrderWriteService {
    db: DatabaseConnection,
    providers: ProviderRegistry,
    read: SeaOrderService,
}

impl SeaOrderWriteService {
    pub fn new(db: DatabaseConnection, providers: ProviderRegistry) -> Self {
        Self {
            read: SeaOrderService::new(db.clone()),
            db,
            providers,
        }
    }

    async fn begin(&self) -> Result<DatabaseTransaction> {
        Ok(self.db.begin().await?)
    }

    /// The order as the route answers it, after the write committed.
    async fn answer(&self, id: &str, answer: &OrderQuery) -> Result<Value> {
        self.read.retrieve(id, answer).await
    }
}

#[async_trait]
impl OrderWriteService for SeaOrderWriteService {
    async fn update(&self, id: &str, input: UpdateOrder, answer: &OrderQuery) -> Result<Value> {
        let txn = self.begin().await?;
        update::update_in(&txn, id, &input).await?;
        txn.commit().await?;
        self.answer(id, answer).await
    }

    async fn complete(&self, id: &str, answer: &OrderQuery) -> Result<Value> {
        let txn = self.begin().await?;
        lifecycle::complete_in(&txn, id).await?;
        txn.commit().await?;
        self.answer(id, answer).await
    }

    async fn archive(&self, id: &str, answer: &OrderQuery) -> Result<Value> {
        let txn = self.begin().await?;
        lifecycle::archive_in(&txn, id).await?;
        txn.commit().await?;
        self.answer(id, answer).await
    }

    async fn cancel(&self, id: &str, answer: &OrderQuery) -> Result<Value> {
        let txn = self.begin().await?;
        lifecycle::cancel_in(&txn, &self.providers, id).await?;
        txn.commit().await?;
        self.answer(id, answer).await
    }

    async fn capture(&self, id: &str, answer: &OrderQuery) -> Result<Value> {
        let txn = self.begin().await?;
        lifecycle::capture_in(&txn, &self.providers, id).await?;
        txn.commit().await?;
        self.answer(id, answer).await
    }
}
