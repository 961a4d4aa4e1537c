//! The `order` table.

use super::sea_orm_active_enums::OrderFulfillmentStatusEnum;
use super::sea_orm_active_enums::OrderPaymentStatusEnum;
use super::sea_orm_active_enums::OrderStatusEnum;
use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "order")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub status: OrderStatusEnum,
    pub fulfillment_status: OrderFulfillmentStatusEnum,
    pub payment_status: OrderPaymentStatusEnum,
    pub display_id: i32,
    #[sea_orm(unique)]
    pub cart_id: Option<String>,
    pub customer_id: String,
    pub email: String,
    pub billing_address_id: Option<String>,
    pub shipping_address_id: Option<String>,
    pub region_id: String,
    pub currency_code: String,
    #[sea_orm(column_type = "Float", nullable)]
    #[serde(serialize_with = "medusa_core::number::serialize_opt_real")]
    pub tax_rate: Option<f32>,
    #[serde(serialize_with = "medusa_core::time::serialize_opt")]
    pub canceled_at: Option<DateTimeWithTimeZone>,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub created_at: DateTimeWithTimeZone,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub updated_at: DateTimeWithTimeZone,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub metadata: Option<Json>,
    pub idempotency_key: Option<String>,
    #[sea_orm(unique)]
    pub draft_order_id: Option<String>,
    pub no_notification: Option<bool>,
    pub external_id: Option<String>,
    pub sales_channel_id: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
