//! The `order_edit` table.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "order_edit")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub created_at: DateTimeWithTimeZone,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub updated_at: DateTimeWithTimeZone,
    pub order_id: String,
    pub internal_note: Option<String>,
    pub created_by: String,
    pub requested_by: Option<String>,
    #[serde(serialize_with = "medusa_core::time::serialize_opt")]
    pub requested_at: Option<DateTimeWithTimeZone>,
    pub confirmed_by: Option<String>,
    #[serde(serialize_with = "medusa_core::time::serialize_opt")]
    pub confirmed_at: Option<DateTimeWithTimeZone>,
    pub declined_by: Option<String>,
    pub declined_reason: Option<String>,
    #[serde(serialize_with = "medusa_core::time::serialize_opt")]
    pub declined_at: Option<DateTimeWithTimeZone>,
    pub canceled_by: Option<String>,
    #[serde(serialize_with = "medusa_core::time::serialize_opt")]
    pub canceled_at: Option<DateTimeWithTimeZone>,
    pub payment_collection_id: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
