//! The `product_collection` table.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "product_collection")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub title: String,
    #[sea_orm(unique)]
    pub handle: Option<String>,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub created_at: DateTimeWithTimeZone,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub updated_at: DateTimeWithTimeZone,
    #[serde(serialize_with = "medusa_core::time::serialize_opt")]
    pub deleted_at: Option<DateTimeWithTimeZone>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub metadata: Option<Json>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::discount_condition_product_collection::Entity")]
    DiscountConditionProductCollection,
    #[sea_orm(has_many = "super::product::Entity")]
    Product,
}

impl Related<super::discount_condition_product_collection::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::DiscountConditionProductCollection.def()
    }
}

impl Related<super::product::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Product.def()
    }
}

impl Related<super::discount_condition::Entity> for Entity {
    fn to() -> RelationDef {
        super::discount_condition_product_collection::Relation::DiscountCondition.def()
    }
    fn via() -> Option<RelationDef> {
        Some(
            super::discount_condition_product_collection::Relation::ProductCollection
                .def()
                .rev(),
        )
    }
}

impl ActiveModelBehavior for ActiveModel {}
