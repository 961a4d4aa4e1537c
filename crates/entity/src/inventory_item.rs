//! The `inventory_item` table (Medusa's inventory and stock-location modules; present only on a
//! database migrated with them).

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "inventory_item")]
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
    pub sku: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub origin_country: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub hs_code: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub mid_code: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub material: Option<String>,
    pub weight: Option<i32>,
    pub length: Option<i32>,
    pub height: Option<i32>,
    pub width: Option<i32>,
    pub requires_shipping: bool,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub metadata: Option<Json>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub thumbnail: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
