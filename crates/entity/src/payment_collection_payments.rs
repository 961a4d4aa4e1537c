//! The `payment_collection_payments` table.

table! {
    #[sea_orm(table_name = "payment_collection_payments")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub payment_collection_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub payment_id: String,
    }
}
