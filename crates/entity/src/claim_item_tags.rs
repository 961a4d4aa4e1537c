//! The `claim_item_tags` table.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "claim_item_tags")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub item_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub tag_id: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::claim_item::Entity",
        from = "Column::ItemId",
        to = "super::claim_item::Column::Id",
        on_update = "NoAction",
        on_delete = "Cascade"
    )]
    ClaimItem,
    #[sea_orm(
        belongs_to = "super::claim_tag::Entity",
        from = "Column::TagId",
        to = "super::claim_tag::Column::Id",
        on_update = "NoAction",
        on_delete = "Cascade"
    )]
    ClaimTag,
}

impl Related<super::claim_item::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ClaimItem.def()
    }
}

impl Related<super::claim_tag::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ClaimTag.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
