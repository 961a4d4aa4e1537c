//! The `shipping_profile` table.

use super::sea_orm_active_enums::ShippingProfileTypeEnum;

table! {
    #[sea_orm(table_name = "shipping_profile")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub name: String,
        pub r#type: ShippingProfileTypeEnum,
        timestamps!(created_at, updated_at, deleted_at),
        pub metadata: Option<Json>,
    }
}
