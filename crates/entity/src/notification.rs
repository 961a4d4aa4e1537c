//! The `notification` table.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "notification")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub event_name: Option<String>,
    pub resource_type: String,
    pub resource_id: String,
    pub customer_id: Option<String>,
    pub to: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub data: Json,
    pub parent_id: Option<String>,
    pub provider_id: Option<String>,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub created_at: DateTimeWithTimeZone,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::customer::Entity",
        from = "Column::CustomerId",
        to = "super::customer::Column::Id",
        on_update = "NoAction",
        on_delete = "NoAction"
    )]
    Customer,
    #[sea_orm(
        belongs_to = "Entity",
        from = "Column::ParentId",
        to = "Column::Id",
        on_update = "NoAction",
        on_delete = "NoAction"
    )]
    SelfRef,
    #[sea_orm(
        belongs_to = "super::notification_provider::Entity",
        from = "Column::ProviderId",
        to = "super::notification_provider::Column::Id",
        on_update = "NoAction",
        on_delete = "NoAction"
    )]
    NotificationProvider,
}

impl Related<super::customer::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Customer.def()
    }
}

impl Related<super::notification_provider::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::NotificationProvider.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
