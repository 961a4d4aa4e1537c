//! The `payment_provider` table.

table! {
    #[sea_orm(table_name = "payment_provider")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub is_installed: bool,
    }
}
