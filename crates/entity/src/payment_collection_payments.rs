//! The `payment_collection_payments` table.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Eq, Serialize, Deserialize)]
#[sea_orm(table_name = "payment_collection_payments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub payment_collection_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub payment_id: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::payment::Entity",
        from = "Column::PaymentId",
        to = "super::payment::Column::Id",
        on_update = "NoAction",
        on_delete = "Cascade"
    )]
    Payment,
    #[sea_orm(
        belongs_to = "super::payment_collection::Entity",
        from = "Column::PaymentCollectionId",
        to = "super::payment_collection::Column::Id",
        on_update = "NoAction",
        on_delete = "Cascade"
    )]
    PaymentCollection,
}

impl Related<super::payment::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Payment.def()
    }
}

impl Related<super::payment_collection::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::PaymentCollection.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
