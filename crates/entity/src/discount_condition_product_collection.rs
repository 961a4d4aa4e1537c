//! The `discount_condition_product_collection` table.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "discount_condition_product_collection")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub product_collection_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub condition_id: String,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub created_at: DateTimeWithTimeZone,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub updated_at: DateTimeWithTimeZone,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub metadata: Option<Json>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::discount_condition::Entity",
        from = "Column::ConditionId",
        to = "super::discount_condition::Column::Id",
        on_update = "NoAction",
        on_delete = "Cascade"
    )]
    DiscountCondition,
    #[sea_orm(
        belongs_to = "super::product_collection::Entity",
        from = "Column::ProductCollectionId",
        to = "super::product_collection::Column::Id",
        on_update = "NoAction",
        on_delete = "Cascade"
    )]
    ProductCollection,
}

impl Related<super::discount_condition::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::DiscountCondition.def()
    }
}

impl Related<super::product_collection::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ProductCollection.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
