//! The order writes as one service: each runs its `*_in` function in one transaction, and
//! answers with the order as `GET /admin/orders/{id}` shows it, read after the commit (as
//! Medusa's routes re-read the order with their `FindParams`).

use async_trait::async_trait;
use medusa_core::{FeatureFlags, Flag, Result};
use medusa_providers::ProviderRegistry;
use sea_orm::{DatabaseConnection, DatabaseTransaction, TransactionTrait};
use serde_json::Value;

use crate::input::{
    AddShippingMethod, CreateFulfillment, CreateRefund, CreateShipment, PaymentRefund, UpdateOrder,
};
use crate::service::{OrderService, SeaOrderService};
use crate::spec::OrderQuery;
use crate::{fulfill, lifecycle, refund, update};

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
    /// `POST /admin/orders/{id}/refund`
    async fn refund(&self, id: &str, input: CreateRefund, answer: &OrderQuery) -> Result<Value>;
    /// `POST /admin/orders/{id}/fulfillment`
    async fn create_fulfillment(
        &self,
        id: &str,
        input: CreateFulfillment,
        answer: &OrderQuery,
    ) -> Result<Value>;
    /// `POST /admin/orders/{id}/fulfillments/{fulfillment_id}/cancel`
    async fn cancel_fulfillment(
        &self,
        id: &str,
        fulfillment_id: &str,
        answer: &OrderQuery,
    ) -> Result<Value>;
    /// `POST /admin/orders/{id}/shipment`
    async fn create_shipment(
        &self,
        id: &str,
        input: CreateShipment,
        answer: &OrderQuery,
    ) -> Result<Value>;
    /// `POST /admin/orders/{id}/shipping-methods`
    async fn add_shipping_method(
        &self,
        id: &str,
        input: AddShippingMethod,
        answer: &OrderQuery,
    ) -> Result<Value>;
    /// `POST /admin/payments/{id}/capture`: the payment.
    async fn capture_payment(&self, payment_id: &str) -> Result<Value>;
    /// `POST /admin/payments/{id}/refund`: the refund.
    async fn refund_payment(&self, payment_id: &str, input: PaymentRefund) -> Result<Value>;
}

/// [`OrderWriteService`] over the database, with the server's providers.
#[derive(Clone)]
pub struct SeaOrderWriteService {
    db: DatabaseConnection,
    providers: ProviderRegistry,
    /// `MEDUSA_FF_TAX_INCLUSIVE_PRICING`: shipping methods take their option's `includes_tax`.
    tax_inclusive: bool,
    read: SeaOrderService,
}

impl SeaOrderWriteService {
    pub fn new(db: DatabaseConnection, providers: ProviderRegistry, flags: FeatureFlags) -> Self {
        Self {
            read: SeaOrderService::new(db.clone(), flags),
            db,
            providers,
            tax_inclusive: flags.is_enabled(Flag::TaxInclusivePricing),
        }
    }

    async fn begin(&self) -> Result<DatabaseTransaction> {
        Ok(self.db.begin().await?)
    }

    async fn answer(&self, id: &str, answer: &OrderQuery) -> Result<Value> {
        self.read.retrieve_written(id, answer).await
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

    async fn refund(&self, id: &str, input: CreateRefund, answer: &OrderQuery) -> Result<Value> {
        let txn = self.begin().await?;
        refund::refund_in(&txn, &self.providers, id, &input, self.tax_inclusive).await?;
        txn.commit().await?;
        self.answer(id, answer).await
    }

    async fn create_fulfillment(
        &self,
        id: &str,
        input: CreateFulfillment,
        answer: &OrderQuery,
    ) -> Result<Value> {
        let txn = self.begin().await?;
        fulfill::create_fulfillment_in(&txn, &self.providers, id, &input).await?;
        txn.commit().await?;
        self.answer(id, answer).await
    }

    async fn cancel_fulfillment(
        &self,
        id: &str,
        fulfillment_id: &str,
        answer: &OrderQuery,
    ) -> Result<Value> {
        let txn = self.begin().await?;
        fulfill::cancel_fulfillment_in(&txn, &self.providers, id, fulfillment_id).await?;
        txn.commit().await?;
        self.answer(id, answer).await
    }

    async fn create_shipment(
        &self,
        id: &str,
        input: CreateShipment,
        answer: &OrderQuery,
    ) -> Result<Value> {
        let txn = self.begin().await?;
        fulfill::create_shipment_in(&txn, id, &input).await?;
        txn.commit().await?;
        self.answer(id, answer).await
    }

    async fn add_shipping_method(
        &self,
        id: &str,
        input: AddShippingMethod,
        answer: &OrderQuery,
    ) -> Result<Value> {
        let txn = self.begin().await?;
        fulfill::add_shipping_method_in(&txn, &self.providers, self.tax_inclusive, id, &input)
            .await?;
        txn.commit().await?;
        self.answer(id, answer).await
    }

    async fn capture_payment(&self, payment_id: &str) -> Result<Value> {
        let txn = self.begin().await?;
        let payment = refund::capture_payment_in(&txn, &self.providers, payment_id).await?;
        txn.commit().await?;
        Ok(payment)
    }

    async fn refund_payment(&self, payment_id: &str, input: PaymentRefund) -> Result<Value> {
        let txn = self.begin().await?;
        let created = refund::refund_payment_in(&txn, &self.providers, payment_id, &input).await?;
        txn.commit().await?;
        Ok(created)
    }
}
