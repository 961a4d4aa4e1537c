//! The `claim_order` table.

use super::sea_orm_active_enums::ClaimOrderFulfillmentStatusEnum;
use super::sea_orm_active_enums::ClaimOrderPaymentStatusEnum;
use super::sea_orm_active_enums::ClaimOrderTypeEnum;
use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "claim_order")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub payment_status: ClaimOrderPaymentStatusEnum,
    pub fulfillment_status: ClaimOrderFulfillmentStatusEnum,
    pub r#type: ClaimOrderTypeEnum,
    pub order_id: String,
    pub shipping_address_id: Option<String>,
    pub refund_amount: Option<i32>,
    #[serde(serialize_with = "medusa_core::time::serialize_opt")]
    pub canceled_at: Option<DateTimeWithTimeZone>,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub created_at: DateTimeWithTimeZone,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub updated_at: DateTimeWithTimeZone,
    #[serde(serialize_with = "medusa_core::time::serialize_opt")]
    pub deleted_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub metadata: Option<Json>,
    pub idempotency_key: Option<String>,
    pub no_notification: Option<bool>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
