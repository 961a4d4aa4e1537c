//! The `swap` table.

use super::sea_orm_active_enums::SwapFulfillmentStatusEnum;
use super::sea_orm_active_enums::SwapPaymentStatusEnum;
use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "swap")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub fulfillment_status: SwapFulfillmentStatusEnum,
    pub payment_status: SwapPaymentStatusEnum,
    pub order_id: String,
    pub difference_due: Option<i32>,
    pub shipping_address_id: Option<String>,
    #[sea_orm(unique)]
    pub cart_id: Option<String>,
    #[serde(serialize_with = "medusa_core::time::serialize_opt")]
    pub confirmed_at: Option<DateTimeWithTimeZone>,
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
    #[serde(serialize_with = "medusa_core::time::serialize_opt")]
    pub canceled_at: Option<DateTimeWithTimeZone>,
    pub allow_backorder: bool,
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
    #[sea_orm(
        belongs_to = "super::cart::Entity",
        from = "Column::CartId",
        to = "super::cart::Column::Id",
        on_update = "NoAction",
        on_delete = "NoAction"
    )]
    Cart,
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
    #[sea_orm(has_one = "super::payment::Entity")]
    Payment,
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

impl Related<super::cart::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Cart.def()
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

impl Related<super::payment::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Payment.def()
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
