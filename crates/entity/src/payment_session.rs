//! The `payment_session` table.

use super::sea_orm_active_enums::PaymentSessionStatusEnum;
use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "payment_session")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub cart_id: Option<String>,
    pub provider_id: String,
    pub is_selected: Option<bool>,
    pub status: PaymentSessionStatusEnum,
    #[sea_orm(column_type = "JsonBinary")]
    pub data: Json,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub created_at: DateTimeWithTimeZone,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub updated_at: DateTimeWithTimeZone,
    pub idempotency_key: Option<String>,
    #[serde(serialize_with = "medusa_core::time::serialize_opt")]
    pub payment_authorized_at: Option<DateTimeWithTimeZone>,
    pub amount: Option<i32>,
    pub is_initiated: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::cart::Entity",
        from = "Column::CartId",
        to = "super::cart::Column::Id",
        on_update = "NoAction",
        on_delete = "NoAction"
    )]
    Cart,
    #[sea_orm(has_many = "super::payment_collection_sessions::Entity")]
    PaymentCollectionSessions,
}

impl Related<super::cart::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Cart.def()
    }
}

impl Related<super::payment_collection_sessions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::PaymentCollectionSessions.def()
    }
}

impl Related<super::payment_collection::Entity> for Entity {
    fn to() -> RelationDef {
        super::payment_collection_sessions::Relation::PaymentCollection.def()
    }
    fn via() -> Option<RelationDef> {
        Some(
            super::payment_collection_sessions::Relation::PaymentSession
                .def()
                .rev(),
        )
    }
}

impl ActiveModelBehavior for ActiveModel {}
