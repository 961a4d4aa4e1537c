//! The `currency` table.

table! {
    #[sea_orm(table_name = "currency")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub code: String,
        pub symbol: String,
        pub symbol_native: String,
        pub name: String,
    }
}
