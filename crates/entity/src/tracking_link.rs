//! The `tracking_link` table.

table! {
    #[sea_orm(table_name = "tracking_link")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub url: Option<String>,
        pub tracking_number: String,
        pub fulfillment_id: String,
        timestamps!(created_at, updated_at, deleted_at),
        pub metadata: Option<Json>,
        pub idempotency_key: Option<String>,
    }
}
