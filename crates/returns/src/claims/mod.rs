//! Claims of orders (`/admin/orders/{id}/claims...`): refund and replace claims with their
//! claimed lines (reasons, tags, images), the claim's return, additional items and shipping
//! methods, fulfillments, shipments and cancels, as Medusa 1.20's `ClaimService` does them.
//! Each route's work runs in one transaction with the events it records; the answer is the
//! order as `GET /admin/orders/{id}` reads it after the commit.

mod additional;

pub(crate) use additional::add_stock_in;
pub mod create;
pub mod rules;
pub mod write;

use async_trait::async_trait;
use medusa_core::Result;
use medusa_order::OrderQuery;
use sea_orm::TransactionTrait;
use serde_json::Value;

use crate::input::{AdditionalItem, CreateClaim, FulfillAdditionalItems, ShipClaim, UpdateClaim};
use crate::order_writes::{write_then_answer, Claims, SeaOrderWrites};

impl AdditionalItem {
    /// The line `medusa-cart` prices for it: the variant's price, no metadata.
    pub fn variant_line(&self) -> medusa_cart::VariantLine {
        medusa_cart::VariantLine {
            variant_id: self.variant_id.clone(),
            quantity: self.quantity,
            unit_price: None,
            metadata: None,
        }
    }
}

/// The claim routes; each answers the order as `answer` reads it.
#[async_trait]
pub trait ClaimService: Send + Sync {
    async fn create(
        &self,
        order_id: &str,
        input: CreateClaim,
        answer: &OrderQuery,
    ) -> Result<Value>;
    async fn update(
        &self,
        order_id: &str,
        claim_id: &str,
        input: UpdateClaim,
        answer: &OrderQuery,
    ) -> Result<Value>;
    async fn cancel(&self, order_id: &str, claim_id: &str, answer: &OrderQuery) -> Result<Value>;
    async fn fulfill(
        &self,
        order_id: &str,
        claim_id: &str,
        input: FulfillAdditionalItems,
        answer: &OrderQuery,
    ) -> Result<Value>;
    async fn cancel_fulfillment(
        &self,
        order_id: &str,
        claim_id: &str,
        fulfillment_id: &str,
        answer: &OrderQuery,
    ) -> Result<Value>;
    async fn ship(
        &self,
        order_id: &str,
        claim_id: &str,
        input: ShipClaim,
        answer: &OrderQuery,
    ) -> Result<Value>;
}

/// [`ClaimService`] over the database, with the server's providers.
pub type SeaClaimService = SeaOrderWrites<Claims>;

#[async_trait]
impl ClaimService for SeaOrderWrites<Claims> {
    async fn create(
        &self,
        order_id: &str,
        input: CreateClaim,
        answer: &OrderQuery,
    ) -> Result<Value> {
        write_then_answer!(self, order_id, answer, |txn| {
            let claim = create::create_claim_in(
                &txn,
                &self.providers,
                self.tax_inclusive,
                order_id,
                &input,
            )
            .await?;
            create::settle_new_claim_in(&txn, &self.providers, &claim).await?;
        })
    }

    async fn update(
        &self,
        order_id: &str,
        claim_id: &str,
        input: UpdateClaim,
        answer: &OrderQuery,
    ) -> Result<Value> {
        write_then_answer!(self, order_id, answer, |txn| {
            write::update_claim_in(&txn, &self.providers, self.tax_inclusive, claim_id, &input)
                .await?;
        })
    }

    async fn cancel(&self, order_id: &str, claim_id: &str, answer: &OrderQuery) -> Result<Value> {
        write_then_answer!(self, order_id, answer, |txn| {
            write::cancel_claim_in(&txn, order_id, claim_id).await?;
        })
    }

    async fn fulfill(
        &self,
        order_id: &str,
        claim_id: &str,
        input: FulfillAdditionalItems,
        answer: &OrderQuery,
    ) -> Result<Value> {
        write_then_answer!(self, order_id, answer, |txn| {
            write::fulfill_claim_in(&txn, &self.providers, claim_id, &input).await?;
        })
    }

    async fn cancel_fulfillment(
        &self,
        order_id: &str,
        claim_id: &str,
        fulfillment_id: &str,
        answer: &OrderQuery,
    ) -> Result<Value> {
        write_then_answer!(self, order_id, answer, |txn| {
            write::cancel_claim_fulfillment_in(
                &txn,
                &self.providers,
                order_id,
                claim_id,
                fulfillment_id,
            )
            .await?;
        })
    }

    async fn ship(
        &self,
        order_id: &str,
        claim_id: &str,
        input: ShipClaim,
        answer: &OrderQuery,
    ) -> Result<Value> {
        write_then_answer!(self, order_id, answer, |txn| {
            write::ship_claim_in(&txn, claim_id, &input).await?;
        })
    }
}
