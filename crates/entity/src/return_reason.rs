//! The `return_reason` table.

table! {
    #[sea_orm(table_name = "return_reason")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        #[sea_orm(unique)]
        pub value: String,
        pub label: String,
        pub description: Option<String>,
        timestamps!(created_at, updated_at, deleted_at),
        pub metadata: Option<Json>,
        pub parent_return_reason_id: Option<String>,
    }
}
