//! The `sales_channel_location` table.

table! {
    #[sea_orm(table_name = "sales_channel_location")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        timestamps!(created_at, updated_at),
        #[sea_orm(column_type = "Text")]
        pub sales_channel_id: String,
        #[sea_orm(column_type = "Text")]
        pub location_id: String,
        pub deleted_at: Option<DateTimeWithTimeZone>,
    }
}
