//! The `product_tag` table.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "product_tag")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub value: String,
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
    #[sea_orm(has_many = "super::discount_condition_product_tag::Entity")]
    DiscountConditionProductTag,
    #[sea_orm(has_many = "super::product_tags::Entity")]
    ProductTags,
}

impl Related<super::discount_condition_product_tag::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::DiscountConditionProductTag.def()
    }
}

impl Related<super::product_tags::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ProductTags.def()
    }
}

impl Related<super::discount_condition::Entity> for Entity {
    fn to() -> RelationDef {
        super::discount_condition_product_tag::Relation::DiscountCondition.def()
    }
    fn via() -> Option<RelationDef> {
        Some(
            super::discount_condition_product_tag::Relation::ProductTag
                .def()
                .rev(),
        )
    }
}

impl Related<super::product::Entity> for Entity {
    fn to() -> RelationDef {
        super::product_tags::Relation::Product.def()
    }
    fn via() -> Option<RelationDef> {
        Some(super::product_tags::Relation::ProductTag.def().rev())
    }
}

impl ActiveModelBehavior for ActiveModel {}
