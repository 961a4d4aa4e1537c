//! The `claim_order` table.

use super::sea_orm_active_enums::ClaimOrderFulfillmentStatusEnum;
use super::sea_orm_active_enums::ClaimOrderPaymentStatusEnum;
use super::sea_orm_active_enums::ClaimOrderTypeEnum;

table! {
    #[sea_orm(table_name = "claim_order")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub payment_status: ClaimOrderPaymentStatusEnum,
        pub fulfillment_status: ClaimOrderFulfillmentStatusEnum,
        pub r#type: ClaimOrderTypeEnum,
        pub order_id: String,
        pub shipping_address_id: Option<String>,
        pub refund_amount: Option<i32>,
        pub canceled_at: Option<DateTimeWithTimeZone>,
        timestamps!(created_at, updated_at, deleted_at),
        pub metadata: Option<Json>,
        pub idempotency_key: Option<String>,
        pub no_notification: Option<bool>,
    }
}
