//! The `discount_condition` table.

use super::sea_orm_active_enums::DiscountConditionOperatorEnum;
use super::sea_orm_active_enums::DiscountConditionTypeEnum;
use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "discount_condition")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub r#type: DiscountConditionTypeEnum,
    pub operator: DiscountConditionOperatorEnum,
    pub discount_rule_id: String,
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
    #[sea_orm(has_many = "super::discount_condition_customer_group::Entity")]
    DiscountConditionCustomerGroup,
    #[sea_orm(has_many = "super::discount_condition_product::Entity")]
    DiscountConditionProduct,
    #[sea_orm(has_many = "super::discount_condition_product_collection::Entity")]
    DiscountConditionProductCollection,
    #[sea_orm(has_many = "super::discount_condition_product_tag::Entity")]
    DiscountConditionProductTag,
    #[sea_orm(has_many = "super::discount_condition_product_type::Entity")]
    DiscountConditionProductType,
    #[sea_orm(
        belongs_to = "super::discount_rule::Entity",
        from = "Column::DiscountRuleId",
        to = "super::discount_rule::Column::Id",
        on_update = "NoAction",
        on_delete = "NoAction"
    )]
    DiscountRule,
}

impl Related<super::discount_condition_customer_group::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::DiscountConditionCustomerGroup.def()
    }
}

impl Related<super::discount_condition_product::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::DiscountConditionProduct.def()
    }
}

impl Related<super::discount_condition_product_collection::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::DiscountConditionProductCollection.def()
    }
}

impl Related<super::discount_condition_product_tag::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::DiscountConditionProductTag.def()
    }
}

impl Related<super::discount_condition_product_type::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::DiscountConditionProductType.def()
    }
}

impl Related<super::discount_rule::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::DiscountRule.def()
    }
}

impl Related<super::customer_group::Entity> for Entity {
    fn to() -> RelationDef {
        super::discount_condition_customer_group::Relation::CustomerGroup.def()
    }
    fn via() -> Option<RelationDef> {
        Some(
            super::discount_condition_customer_group::Relation::DiscountCondition
                .def()
                .rev(),
        )
    }
}

impl Related<super::product::Entity> for Entity {
    fn to() -> RelationDef {
        super::discount_condition_product::Relation::Product.def()
    }
    fn via() -> Option<RelationDef> {
        Some(
            super::discount_condition_product::Relation::DiscountCondition
                .def()
                .rev(),
        )
    }
}

impl Related<super::product_collection::Entity> for Entity {
    fn to() -> RelationDef {
        super::discount_condition_product_collection::Relation::ProductCollection.def()
    }
    fn via() -> Option<RelationDef> {
        Some(
            super::discount_condition_product_collection::Relation::DiscountCondition
                .def()
                .rev(),
        )
    }
}

impl Related<super::product_tag::Entity> for Entity {
    fn to() -> RelationDef {
        super::discount_condition_product_tag::Relation::ProductTag.def()
    }
    fn via() -> Option<RelationDef> {
        Some(
            super::discount_condition_product_tag::Relation::DiscountCondition
                .def()
                .rev(),
        )
    }
}

impl Related<super::product_type::Entity> for Entity {
    fn to() -> RelationDef {
        super::discount_condition_product_type::Relation::ProductType.def()
    }
    fn via() -> Option<RelationDef> {
        Some(
            super::discount_condition_product_type::Relation::DiscountCondition
                .def()
                .rev(),
        )
    }
}

impl ActiveModelBehavior for ActiveModel {}
