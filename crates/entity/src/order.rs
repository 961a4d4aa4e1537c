//! The `order` table.

use super::sea_orm_active_enums::OrderFulfillmentStatusEnum;
use super::sea_orm_active_enums::OrderPaymentStatusEnum;
use super::sea_orm_active_enums::OrderStatusEnum;

table! {
    #[sea_orm(table_name = "order")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub status: OrderStatusEnum,
        pub fulfillment_status: OrderFulfillmentStatusEnum,
        pub payment_status: OrderPaymentStatusEnum,
        pub display_id: i32,
        #[sea_orm(unique)]
        pub cart_id: Option<String>,
        pub customer_id: String,
        pub email: String,
        pub billing_address_id: Option<String>,
        pub shipping_address_id: Option<String>,
        pub region_id: String,
        pub currency_code: String,
        pub tax_rate: Option<f32>,
        pub canceled_at: Option<DateTimeWithTimeZone>,
        timestamps!(created_at, updated_at),
        pub metadata: Option<Json>,
        pub idempotency_key: Option<String>,
        #[sea_orm(unique)]
        pub draft_order_id: Option<String>,
        pub no_notification: Option<bool>,
        pub external_id: Option<String>,
        pub sales_channel_id: Option<String>,
    }
}
