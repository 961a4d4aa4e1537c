//! The `product_collection` table.

table! {
    #[sea_orm(table_name = "product_collection")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub title: String,
        #[sea_orm(unique)]
        pub handle: Option<String>,
        timestamps!(created_at, updated_at, deleted_at),
        pub metadata: Option<Json>,
    }
}
