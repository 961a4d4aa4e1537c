//! The `payment` table.

table! {
    #[sea_orm(table_name = "payment")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        #[sea_orm(unique)]
        pub swap_id: Option<String>,
        #[sea_orm(unique)]
        pub cart_id: Option<String>,
        pub order_id: Option<String>,
        pub amount: i32,
        pub currency_code: String,
        pub amount_refunded: i32,
        pub provider_id: String,
        pub data: Json,
        pub captured_at: Option<DateTimeWithTimeZone>,
        pub canceled_at: Option<DateTimeWithTimeZone>,
        timestamps!(created_at, updated_at),
        pub metadata: Option<Json>,
        pub idempotency_key: Option<String>,
    }
}
