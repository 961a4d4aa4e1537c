//! The `store_currencies` table.

table! {
    #[sea_orm(table_name = "store_currencies")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub store_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub currency_code: String,
    }
}
