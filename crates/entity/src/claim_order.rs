//! The `claim_order` table.

use super::sea_orm_active_enums::ClaimOrderFulfillmentStatusEnum;
use super::sea_orm_active_enums::ClaimOrderPaymentStatusEnum;
use super::sea_orm_active_enums::ClaimOrderTypeEnum;
use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "claim_order")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub payment_status: ClaimOrderPaymentStatusEnum,
    pub fulfillment_status: ClaimOrderFulfillmentStatusEnum,
    pub r#type: ClaimOrderTypeEnum,
    pub order_id: String,
    pub shipping_address_id: Option<String>,
    pub refund_amount: Option<i32>,
    #[serde(serialize_with = "medusa_core::time::serialize_opt")]
    pub canceled_at: Option<DateTimeWithTimeZone>,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub created_at: DateTimeWithTimeZone,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub updated_at: DateTimeWithTimeZone,
    #[serde(serialize_with = "medusa_core::time::serialize_opt")]
    pub deleted_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub metadata: Option<Json>,
    pub idempotency_key: Option<String>,
    pub no_notification: Option<bool>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::address::Entity",
        from = "Column::ShippingAddressId",
        to = "super::address::Column::Id",
        on_update = "NoAction",
        on_delete = "NoAction"
    )]
    Address,
    #[sea_orm(has_many = "super::claim_item::Entity")]
    ClaimItem,
    #[sea_orm(has_many = "super::fulfillment::Entity")]
    Fulfillment,
    #[sea_orm(has_many = "super::line_item::Entity")]
    LineItem,
    #[sea_orm(
        belongs_to = "super::order::Entity",
        from = "Column::OrderId",
        to = "super::order::Column::Id",
        on_update = "NoAction",
        on_delete = "NoAction"
    )]
    Order,
    #[sea_orm(has_one = "super::r#return::Entity")]
    Return,
    #[sea_orm(has_many = "super::shipping_method::Entity")]
    ShippingMethod,
}

impl Related<super::address::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Address.def()
    }
}

impl Related<super::claim_item::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ClaimItem.def()
    }
}

impl Related<super::fulfillment::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Fulfillment.def()
    }
}

impl Related<super::line_item::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::LineItem.def()
    }
}

impl Related<super::order::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Order.def()
    }
}

impl Related<super::r#return::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Return.def()
    }
}

impl Related<super::shipping_method::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ShippingMethod.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
