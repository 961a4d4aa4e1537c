//! The `swap` table.

use super::sea_orm_active_enums::SwapFulfillmentStatusEnum;
use super::sea_orm_active_enums::SwapPaymentStatusEnum;
use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "swap")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub fulfillment_status: SwapFulfillmentStatusEnum,
    pub payment_status: SwapPaymentStatusEnum,
    pub order_id: String,
    pub difference_due: Option<i32>,
    pub shipping_address_id: Option<String>,
    #[sea_orm(unique)]
    pub cart_id: Option<String>,
    #[serde(serialize_with = "medusa_core::time::serialize_opt")]
    pub confirmed_at: Option<DateTimeWithTimeZone>,
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
    #[serde(serialize_with = "medusa_core::time::serialize_opt")]
    pub canceled_at: Option<DateTimeWithTimeZone>,
    pub allow_backorder: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
