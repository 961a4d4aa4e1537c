//! The `cart` table.

use super::sea_orm_active_enums::CartTypeEnum;

table! {
    #[sea_orm(table_name = "cart")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub email: Option<String>,
        pub billing_address_id: Option<String>,
        pub shipping_address_id: Option<String>,
        pub region_id: String,
        pub customer_id: Option<String>,
        #[sea_orm(unique)]
        pub payment_id: Option<String>,
        pub r#type: CartTypeEnum,
        pub completed_at: Option<DateTimeWithTimeZone>,
        timestamps!(created_at, updated_at, deleted_at),
        pub metadata: Option<Json>,
        pub idempotency_key: Option<String>,
        pub context: Option<Json>,
        pub payment_authorized_at: Option<DateTimeWithTimeZone>,
        pub sales_channel_id: Option<String>,
    }
}
