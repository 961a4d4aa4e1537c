//! The `product_category` table.

table! {
    #[sea_orm(table_name = "product_category")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        #[sea_orm(column_type = "Text")]
        pub name: String,
        #[sea_orm(column_type = "Text", unique)]
        pub handle: String,
        pub parent_category_id: Option<String>,
        #[sea_orm(column_type = "Text", nullable)]
        pub mpath: Option<String>,
        pub is_active: Option<bool>,
        pub is_internal: Option<bool>,
        timestamps!(created_at, updated_at),
        pub rank: i32,
        #[sea_orm(column_type = "Text")]
        pub description: String,
        pub metadata: Option<Json>,
    }
}
