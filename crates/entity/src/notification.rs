//! The `notification` table.

table! {
    #[sea_orm(table_name = "notification")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub event_name: Option<String>,
        pub resource_type: String,
        pub resource_id: String,
        pub customer_id: Option<String>,
        pub to: String,
        pub data: Json,
        pub parent_id: Option<String>,
        pub provider_id: Option<String>,
        timestamps!(created_at, updated_at),
    }
}
