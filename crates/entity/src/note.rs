//! The `note` table.

table! {
    #[sea_orm(table_name = "note")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub value: String,
        pub resource_type: String,
        pub resource_id: String,
        pub author_id: Option<String>,
        timestamps!(created_at, updated_at, deleted_at),
        pub metadata: Option<Json>,
    }
}
