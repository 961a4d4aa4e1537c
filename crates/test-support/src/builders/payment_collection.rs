//! Payment collections as an order edit's request leaves them: `order_edit`, `not_paid`.

use medusa_core::new_row::stamped;
use medusa_core::time::Timestamp;
use medusa_entity::payment_collection;
use medusa_entity::sea_orm_active_enums::{PaymentCollectionStatusEnum, PaymentCollectionTypeEnum};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

/// A payment collection of `amount` in the region `region_id` and its currency.
#[must_use]
pub struct PaymentCollectionBuilder {
    id: String,
    region_id: String,
    currency_code: String,
    amount: i32,
    description: Option<String>,
    status: PaymentCollectionStatusEnum,
    created_by: String,
    metadata: Option<serde_json::Value>,
    created_at: Timestamp,
}

impl PaymentCollectionBuilder {
    pub fn new(region_id: &str, currency_code: &str, amount: i32) -> Self {
        Self {
            id: medusa_core::generate_id("paycol"),
            region_id: region_id.to_owned(),
            currency_code: currency_code.to_owned(),
            amount,
            description: None,
            status: PaymentCollectionStatusEnum::NotPaid,
            created_by: "admin_user".to_owned(),
            metadata: None,
            created_at: super::now(),
        }
    }

    common_overrides!(id, metadata, created_at);

    pub fn description(mut self, description: &str) -> Self {
        self.description = Some(description.to_owned());
        self
    }

    pub fn status(mut self, status: PaymentCollectionStatusEnum) -> Self {
        self.status = status;
        self
    }

    pub async fn insert<C: ConnectionTrait>(self, db: &C) -> payment_collection::Model {
        payment_collection::ActiveModel {
            id: Set(self.id),
            r#type: Set(PaymentCollectionTypeEnum::OrderEdit),
            status: Set(self.status),
            description: Set(self.description),
            amount: Set(self.amount),
            authorized_amount: Set(None),
            region_id: Set(self.region_id),
            currency_code: Set(self.currency_code),
            metadata: Set(self.metadata),
            created_by: Set(self.created_by),
            ..stamped(self.created_at)
        }
        .insert(db)
        .await
        .expect("insert payment_collection")
    }
}
