//! The `price_list_customer_groups` table.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "price_list_customer_groups")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub price_list_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub customer_group_id: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
