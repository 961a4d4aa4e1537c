//! The `batch_job` table.

table! {
    #[sea_orm(table_name = "batch_job")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        #[sea_orm(column_type = "Text")]
        pub r#type: String,
        pub created_by: Option<String>,
        pub context: Option<Json>,
        pub result: Option<Json>,
        pub dry_run: bool,
        pub created_at: DateTimeWithTimeZone,
        pub pre_processed_at: Option<DateTimeWithTimeZone>,
        pub confirmed_at: Option<DateTimeWithTimeZone>,
        pub processing_at: Option<DateTimeWithTimeZone>,
        pub completed_at: Option<DateTimeWithTimeZone>,
        pub failed_at: Option<DateTimeWithTimeZone>,
        pub canceled_at: Option<DateTimeWithTimeZone>,
        pub updated_at: DateTimeWithTimeZone,
        pub deleted_at: Option<DateTimeWithTimeZone>,
    }
}
