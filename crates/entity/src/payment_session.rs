//! The `payment_session` table.

use super::sea_orm_active_enums::PaymentSessionStatusEnum;

table! {
    #[sea_orm(table_name = "payment_session")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub cart_id: Option<String>,
        pub provider_id: String,
        pub is_selected: Option<bool>,
        pub status: PaymentSessionStatusEnum,
        pub data: Json,
        timestamps!(created_at, updated_at),
        pub idempotency_key: Option<String>,
        pub payment_authorized_at: Option<DateTimeWithTimeZone>,
        pub amount: Option<i32>,
        pub is_initiated: bool,
    }
}
