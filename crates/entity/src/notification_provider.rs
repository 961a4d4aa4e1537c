//! The `notification_provider` table.

table! {
    #[sea_orm(table_name = "notification_provider")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub is_installed: bool,
    }
}
