//! The `claim_tag` table.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "claim_tag")]
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
    #[sea_orm(has_many = "super::claim_item_tags::Entity")]
    ClaimItemTags,
}

impl Related<super::claim_item_tags::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ClaimItemTags.def()
    }
}

impl Related<super::claim_item::Entity> for Entity {
    fn to() -> RelationDef {
        super::claim_item_tags::Relation::ClaimItem.def()
    }
    fn via() -> Option<RelationDef> {
        Some(super::claim_item_tags::Relation::ClaimTag.def().rev())
    }
}

impl ActiveModelBehavior for ActiveModel {}
