//! The `migrations` table.

table! {
    #[sea_orm(table_name = "migrations")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub timestamp: i64,
        pub name: String,
    }
}
