//! The `fulfillment_item` table.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "fulfillment_item")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub fulfillment_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub item_id: String,
    pub quantity: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
