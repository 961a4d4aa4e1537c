//! The `product_type` table.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "product_type")]
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
    #[sea_orm(has_many = "super::discount_condition_product_type::Entity")]
    DiscountConditionProductType,
    #[sea_orm(has_many = "super::product::Entity")]
    Product,
    #[sea_orm(has_many = "super::product_type_tax_rate::Entity")]
    ProductTypeTaxRate,
}

impl Related<super::discount_condition_product_type::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::DiscountConditionProductType.def()
    }
}

impl Related<super::product::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Product.def()
    }
}

impl Related<super::product_type_tax_rate::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ProductTypeTaxRate.def()
    }
}

impl Related<super::discount_condition::Entity> for Entity {
    fn to() -> RelationDef {
        super::discount_condition_product_type::Relation::DiscountCondition.def()
    }
    fn via() -> Option<RelationDef> {
        Some(
            super::discount_condition_product_type::Relation::ProductType
                .def()
                .rev(),
        )
    }
}

impl Related<super::tax_rate::Entity> for Entity {
    fn to() -> RelationDef {
        super::product_type_tax_rate::Relation::TaxRate.def()
    }
    fn via() -> Option<RelationDef> {
        Some(
            super::product_type_tax_rate::Relation::ProductType
                .def()
                .rev(),
        )
    }
}

impl ActiveModelBehavior for ActiveModel {}
