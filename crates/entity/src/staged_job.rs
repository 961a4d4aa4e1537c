//! The `staged_job` table.

table! {
    #[sea_orm(table_name = "staged_job")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub event_name: String,
        pub data: Json,
        pub options: Json,
    }
}
