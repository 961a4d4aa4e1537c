//! The `sales_channel` table.

table! {
    #[sea_orm(table_name = "sales_channel")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        timestamps!(created_at, updated_at, deleted_at),
        pub name: String,
        pub description: Option<String>,
        pub is_disabled: bool,
        pub metadata: Option<Json>,
    }
}
