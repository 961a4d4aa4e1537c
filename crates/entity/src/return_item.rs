//! The `return_item` table.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "return_item")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub return_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub item_id: String,
    pub quantity: i32,
    pub is_requested: bool,
    pub requested_quantity: Option<i32>,
    pub received_quantity: Option<i32>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub metadata: Option<Json>,
    pub reason_id: Option<String>,
    pub note: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
