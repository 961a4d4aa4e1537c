//! The `customer_group_customers` table.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "customer_group_customers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub customer_group_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub customer_id: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::customer::Entity",
        from = "Column::CustomerId",
        to = "super::customer::Column::Id",
        on_update = "NoAction",
        on_delete = "Cascade"
    )]
    Customer,
    #[sea_orm(
        belongs_to = "super::customer_group::Entity",
        from = "Column::CustomerGroupId",
        to = "super::customer_group::Column::Id",
        on_update = "NoAction",
        on_delete = "Cascade"
    )]
    CustomerGroup,
}

impl Related<super::customer::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Customer.def()
    }
}

impl Related<super::customer_group::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CustomerGroup.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
