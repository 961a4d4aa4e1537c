//! The `discount_rule_products` table.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "discount_rule_products")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub discount_rule_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub product_id: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::discount_rule::Entity",
        from = "Column::DiscountRuleId",
        to = "super::discount_rule::Column::Id",
        on_update = "NoAction",
        on_delete = "Cascade"
    )]
    DiscountRule,
    #[sea_orm(
        belongs_to = "super::product::Entity",
        from = "Column::ProductId",
        to = "super::product::Column::Id",
        on_update = "NoAction",
        on_delete = "Cascade"
    )]
    Product,
}

impl Related<super::discount_rule::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::DiscountRule.def()
    }
}

impl Related<super::product::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Product.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
