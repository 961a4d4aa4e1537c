//! The `idempotency_key` table.

table! {
    #[sea_orm(table_name = "idempotency_key")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        #[sea_orm(unique)]
        pub idempotency_key: String,
        pub created_at: DateTimeWithTimeZone,
        pub locked_at: Option<DateTimeWithTimeZone>,
        pub request_method: Option<String>,
        pub request_params: Option<Json>,
        pub request_path: Option<String>,
        pub response_code: Option<i32>,
        pub response_body: Option<Json>,
        pub recovery_point: String,
    }
}
