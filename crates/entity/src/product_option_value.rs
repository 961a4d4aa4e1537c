//! The `product_option_value` table.

table! {
    #[sea_orm(table_name = "product_option_value")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub value: String,
        pub option_id: String,
        pub variant_id: String,
        timestamps!(created_at, updated_at, deleted_at),
        pub metadata: Option<Json>,
    }
}
