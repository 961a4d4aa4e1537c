//! The `payment_collection_sessions` table.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "payment_collection_sessions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub payment_collection_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub payment_session_id: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
