//! The `publishable_api_key_sales_channel` table.

table! {
    #[sea_orm(table_name = "publishable_api_key_sales_channel")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub sales_channel_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub publishable_key_id: String,
        #[sea_orm(column_type = "Text")]
        pub id: String,
        timestamps!(created_at, updated_at, deleted_at),
    }
}
