//! The `stock_location_address` table (Medusa's inventory and stock-location modules; present only on a
//! database migrated with them).

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "stock_location_address")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub created_at: DateTimeWithTimeZone,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub updated_at: DateTimeWithTimeZone,
    #[serde(serialize_with = "medusa_core::time::serialize_opt")]
    pub deleted_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(column_type = "Text")]
    pub address_1: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub address_2: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub company: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub city: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub country_code: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub phone: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub province: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub postal_code: Option<String>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub metadata: Option<Json>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
