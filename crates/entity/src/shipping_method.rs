//! The `shipping_method` table.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "shipping_method")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub shipping_option_id: String,
    pub order_id: Option<String>,
    pub cart_id: Option<String>,
    pub swap_id: Option<String>,
    #[sea_orm(unique)]
    pub return_id: Option<String>,
    pub price: i32,
    #[sea_orm(column_type = "JsonBinary")]
    pub data: Json,
    pub claim_order_id: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
