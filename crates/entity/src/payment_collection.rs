//! The `payment_collection` table.

use super::sea_orm_active_enums::PaymentCollectionStatusEnum;
use super::sea_orm_active_enums::PaymentCollectionTypeEnum;
use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "payment_collection")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub created_at: DateTimeWithTimeZone,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub updated_at: DateTimeWithTimeZone,
    #[serde(serialize_with = "medusa_core::time::serialize_opt")]
    pub deleted_at: Option<DateTimeWithTimeZone>,
    pub r#type: PaymentCollectionTypeEnum,
    pub status: PaymentCollectionStatusEnum,
    #[sea_orm(column_type = "Text", nullable)]
    pub description: Option<String>,
    pub amount: i32,
    pub authorized_amount: Option<i32>,
    pub region_id: String,
    pub currency_code: String,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub metadata: Option<Json>,
    pub created_by: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
