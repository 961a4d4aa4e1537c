//! The `return` table.

use super::sea_orm_active_enums::ReturnStatusEnum;

table! {
    #[sea_orm(table_name = "return")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub status: ReturnStatusEnum,
        #[sea_orm(unique)]
        pub swap_id: Option<String>,
        pub order_id: Option<String>,
        pub shipping_data: Option<Json>,
        pub refund_amount: i32,
        pub received_at: Option<DateTimeWithTimeZone>,
        timestamps!(created_at, updated_at),
        pub metadata: Option<Json>,
        pub idempotency_key: Option<String>,
        #[sea_orm(unique)]
        pub claim_order_id: Option<String>,
        pub no_notification: Option<bool>,
        pub location_id: Option<String>,
    }
}
