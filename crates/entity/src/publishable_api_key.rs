//! The `publishable_api_key` table.

table! {
    #[sea_orm(table_name = "publishable_api_key")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        timestamps!(created_at, updated_at),
        pub created_by: Option<String>,
        pub revoked_by: Option<String>,
        pub revoked_at: Option<DateTimeWithTimeZone>,
        pub title: String,
    }
}
