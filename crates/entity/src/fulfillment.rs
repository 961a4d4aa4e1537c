//! The `fulfillment` table.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "fulfillment")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub swap_id: Option<String>,
    pub order_id: Option<String>,
    #[sea_orm(column_type = "JsonBinary")]
    pub tracking_numbers: Json,
    #[sea_orm(column_type = "JsonBinary")]
    pub data: Json,
    #[serde(serialize_with = "medusa_core::time::serialize_opt")]
    pub shipped_at: Option<DateTimeWithTimeZone>,
    #[serde(serialize_with = "medusa_core::time::serialize_opt")]
    pub canceled_at: Option<DateTimeWithTimeZone>,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub created_at: DateTimeWithTimeZone,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub updated_at: DateTimeWithTimeZone,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub metadata: Option<Json>,
    pub idempotency_key: Option<String>,
    pub provider_id: Option<String>,
    pub claim_order_id: Option<String>,
    pub no_notification: Option<bool>,
    pub location_id: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::claim_order::Entity",
        from = "Column::ClaimOrderId",
        to = "super::claim_order::Column::Id",
        on_update = "NoAction",
        on_delete = "NoAction"
    )]
    ClaimOrder,
    #[sea_orm(has_many = "super::fulfillment_item::Entity")]
    FulfillmentItem,
    #[sea_orm(
        belongs_to = "super::fulfillment_provider::Entity",
        from = "Column::ProviderId",
        to = "super::fulfillment_provider::Column::Id",
        on_update = "NoAction",
        on_delete = "NoAction"
    )]
    FulfillmentProvider,
    #[sea_orm(
        belongs_to = "super::order::Entity",
        from = "Column::OrderId",
        to = "super::order::Column::Id",
        on_update = "NoAction",
        on_delete = "NoAction"
    )]
    Order,
    #[sea_orm(
        belongs_to = "super::swap::Entity",
        from = "Column::SwapId",
        to = "super::swap::Column::Id",
        on_update = "NoAction",
        on_delete = "NoAction"
    )]
    Swap,
    #[sea_orm(has_many = "super::tracking_link::Entity")]
    TrackingLink,
}

impl Related<super::claim_order::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ClaimOrder.def()
    }
}

impl Related<super::fulfillment_item::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::FulfillmentItem.def()
    }
}

impl Related<super::fulfillment_provider::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::FulfillmentProvider.def()
    }
}

impl Related<super::order::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Order.def()
    }
}

impl Related<super::swap::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Swap.def()
    }
}

impl Related<super::tracking_link::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::TrackingLink.def()
    }
}

impl Related<super::line_item::Entity> for Entity {
    fn to() -> RelationDef {
        super::fulfillment_item::Relation::LineItem.def()
    }
    fn via() -> Option<RelationDef> {
        Some(super::fulfillment_item::Relation::Fulfillment.def().rev())
    }
}

impl ActiveModelBehavior for ActiveModel {}
