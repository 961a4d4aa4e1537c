//! The `refund` table.

use super::sea_orm_active_enums::RefundReasonEnum;

table! {
    #[sea_orm(table_name = "refund")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub order_id: Option<String>,
        pub amount: i32,
        pub note: Option<String>,
        pub reason: RefundReasonEnum,
        timestamps!(created_at, updated_at),
        pub metadata: Option<Json>,
        pub idempotency_key: Option<String>,
        pub payment_id: Option<String>,
    }
}
