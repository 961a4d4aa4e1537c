//! The `product_option` table.

table! {
    #[sea_orm(table_name = "product_option")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub title: String,
        timestamps!(created_at, updated_at, deleted_at),
        pub metadata: Option<Json>,
        pub product_id: Option<String>,
    }
}
