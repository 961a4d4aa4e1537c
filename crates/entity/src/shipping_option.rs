//! The `shipping_option` table.

use super::sea_orm_active_enums::ShippingOptionPriceTypeEnum;

table! {
    #[sea_orm(table_name = "shipping_option")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub name: String,
        pub region_id: String,
        pub profile_id: String,
        pub provider_id: String,
        pub price_type: ShippingOptionPriceTypeEnum,
        pub amount: Option<i32>,
        pub is_return: bool,
        pub data: Json,
        timestamps!(created_at, updated_at, deleted_at),
        pub metadata: Option<Json>,
        pub admin_only: bool,
    }
}
