//! The `payment_collection_sessions` table.

table! {
    #[sea_orm(table_name = "payment_collection_sessions")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub payment_collection_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub payment_session_id: String,
    }
}
