//! The `gift_card_transaction` table.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "gift_card_transaction")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub gift_card_id: String,
    pub order_id: String,
    pub amount: i32,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub created_at: DateTimeWithTimeZone,
    pub is_taxable: Option<bool>,
    #[sea_orm(column_type = "Float", nullable)]
    #[serde(serialize_with = "medusa_core::number::serialize_opt_real")]
    pub tax_rate: Option<f32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
