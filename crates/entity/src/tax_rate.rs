//! The `tax_rate` table.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "tax_rate")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    #[sea_orm(column_type = "Float", nullable)]
    #[serde(serialize_with = "medusa_core::number::serialize_opt_real")]
    pub rate: Option<f32>,
    pub code: Option<String>,
    pub name: String,
    pub region_id: String,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub created_at: DateTimeWithTimeZone,
    #[serde(serialize_with = "medusa_core::time::serialize")]
    pub updated_at: DateTimeWithTimeZone,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub metadata: Option<Json>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::product_tax_rate::Entity")]
    ProductTaxRate,
    #[sea_orm(has_many = "super::product_type_tax_rate::Entity")]
    ProductTypeTaxRate,
    #[sea_orm(
        belongs_to = "super::region::Entity",
        from = "Column::RegionId",
        to = "super::region::Column::Id",
        on_update = "NoAction",
        on_delete = "NoAction"
    )]
    Region,
    #[sea_orm(has_many = "super::shipping_tax_rate::Entity")]
    ShippingTaxRate,
}

impl Related<super::product_tax_rate::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ProductTaxRate.def()
    }
}

impl Related<super::product_type_tax_rate::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ProductTypeTaxRate.def()
    }
}

impl Related<super::region::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Region.def()
    }
}

impl Related<super::shipping_tax_rate::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ShippingTaxRate.def()
    }
}

impl Related<super::product::Entity> for Entity {
    fn to() -> RelationDef {
        super::product_tax_rate::Relation::Product.def()
    }
    fn via() -> Option<RelationDef> {
        Some(super::product_tax_rate::Relation::TaxRate.def().rev())
    }
}

impl Related<super::product_type::Entity> for Entity {
    fn to() -> RelationDef {
        super::product_type_tax_rate::Relation::ProductType.def()
    }
    fn via() -> Option<RelationDef> {
        Some(super::product_type_tax_rate::Relation::TaxRate.def().rev())
    }
}

impl Related<super::shipping_option::Entity> for Entity {
    fn to() -> RelationDef {
        super::shipping_tax_rate::Relation::ShippingOption.def()
    }
    fn via() -> Option<RelationDef> {
        Some(super::shipping_tax_rate::Relation::TaxRate.def().rev())
    }
}

impl ActiveModelBehavior for ActiveModel {}
