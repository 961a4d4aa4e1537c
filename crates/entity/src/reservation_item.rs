//! The `reservation_item` table (Medusa's inventory and stock-location modules; present only on a
//! database migrated with them).

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "reservation_item")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub created_at: DateTimeWithTimeZone,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub updated_at: DateTimeWithTimeZone,
    #[serde(serialize_with = "medusa_core::time::serialize_opt")]
    pub deleted_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(column_type = "Text", nullable)]
    pub line_item_id: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub inventory_item_id: String,
    #[sea_orm(column_type = "Text")]
    pub location_id: String,
    pub quantity: i32,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub metadata: Option<Json>,
    pub external_id: Option<String>,
    pub description: Option<String>,
    pub created_by: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
