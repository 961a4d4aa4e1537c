//! The `price_list` table.

use super::sea_orm_active_enums::PriceListStatusEnum;
use super::sea_orm_active_enums::PriceListTypeEnum;

table! {
    #[sea_orm(table_name = "price_list")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub name: String,
        pub description: String,
        pub r#type: PriceListTypeEnum,
        pub status: PriceListStatusEnum,
        pub starts_at: Option<DateTimeWithTimeZone>,
        pub ends_at: Option<DateTimeWithTimeZone>,
        timestamps!(created_at, updated_at, deleted_at),
    }
}
