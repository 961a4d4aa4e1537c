//! The `fulfillment` table.

table! {
    #[sea_orm(table_name = "fulfillment")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub swap_id: Option<String>,
        pub order_id: Option<String>,
        pub tracking_numbers: Json,
        pub data: Json,
        pub shipped_at: Option<DateTimeWithTimeZone>,
        pub canceled_at: Option<DateTimeWithTimeZone>,
        timestamps!(created_at, updated_at),
        pub metadata: Option<Json>,
        pub idempotency_key: Option<String>,
        pub provider_id: Option<String>,
        pub claim_order_id: Option<String>,
        pub no_notification: Option<bool>,
        pub location_id: Option<String>,
    }
}
