//! The `shipping_option_requirement` table.

use super::sea_orm_active_enums::ShippingOptionRequirementTypeEnum;

table! {
    #[sea_orm(table_name = "shipping_option_requirement")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub shipping_option_id: String,
        pub r#type: ShippingOptionRequirementTypeEnum,
        pub amount: i32,
        pub deleted_at: Option<DateTimeWithTimeZone>,
    }
}
