//! The `swap` table.

use super::sea_orm_active_enums::SwapFulfillmentStatusEnum;
use super::sea_orm_active_enums::SwapPaymentStatusEnum;

table! {
    #[sea_orm(table_name = "swap")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub fulfillment_status: SwapFulfillmentStatusEnum,
        pub payment_status: SwapPaymentStatusEnum,
        pub order_id: String,
        pub difference_due: Option<i32>,
        pub shipping_address_id: Option<String>,
        #[sea_orm(unique)]
        pub cart_id: Option<String>,
        pub confirmed_at: Option<DateTimeWithTimeZone>,
        timestamps!(created_at, updated_at, deleted_at),
        pub metadata: Option<Json>,
        pub idempotency_key: Option<String>,
        pub no_notification: Option<bool>,
        pub canceled_at: Option<DateTimeWithTimeZone>,
        pub allow_backorder: bool,
    }
}
