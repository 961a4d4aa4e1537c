//! The `payment_session` table.

use super::sea_orm_active_enums::PaymentSessionStatusEnum;
use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "payment_session")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub cart_id: Option<String>,
    pub provider_id: String,
    pub is_selected: Option<bool>,
    pub status: PaymentSessionStatusEnum,
    #[sea_orm(column_type = "JsonBinary")]
    pub data: Json,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub created_at: DateTimeWithTimeZone,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub updated_at: DateTimeWithTimeZone,
    pub idempotency_key: Option<String>,
    #[serde(serialize_with = "medusa_core::time::serialize_opt")]
    pub payment_authorized_at: Option<DateTimeWithTimeZone>,
    pub amount: Option<i32>,
    pub is_initiated: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
