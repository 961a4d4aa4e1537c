//! The `return` table.

use super::sea_orm_active_enums::ReturnStatusEnum;
use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "return")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub status: ReturnStatusEnum,
    #[sea_orm(unique)]
    pub swap_id: Option<String>,
    pub order_id: Option<String>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub shipping_data: Option<Json>,
    pub refund_amount: i32,
    #[serde(serialize_with = "medusa_core::time::serialize_opt")]
    pub received_at: Option<DateTimeWithTimeZone>,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub created_at: DateTimeWithTimeZone,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub updated_at: DateTimeWithTimeZone,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub metadata: Option<Json>,
    pub idempotency_key: Option<String>,
    #[sea_orm(unique)]
    pub claim_order_id: Option<String>,
    pub no_notification: Option<bool>,
    pub location_id: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
