//! The `discount_rule` table.

use super::sea_orm_active_enums::DiscountRuleAllocationEnum;
use super::sea_orm_active_enums::DiscountRuleTypeEnum;
use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "discount_rule")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub description: Option<String>,
    pub r#type: DiscountRuleTypeEnum,
    pub value: i32,
    pub allocation: Option<DiscountRuleAllocationEnum>,
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
    #[sea_orm(has_many = "super::discount::Entity")]
    Discount,
    #[sea_orm(has_many = "super::discount_condition::Entity")]
    DiscountCondition,
    #[sea_orm(has_many = "super::discount_rule_products::Entity")]
    DiscountRuleProducts,
}

impl Related<super::discount::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Discount.def()
    }
}

impl Related<super::discount_condition::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::DiscountCondition.def()
    }
}

impl Related<super::discount_rule_products::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::DiscountRuleProducts.def()
    }
}

impl Related<super::product::Entity> for Entity {
    fn to() -> RelationDef {
        super::discount_rule_products::Relation::Product.def()
    }
    fn via() -> Option<RelationDef> {
        Some(
            super::discount_rule_products::Relation::DiscountRule
                .def()
                .rev(),
        )
    }
}

impl ActiveModelBehavior for ActiveModel {}
