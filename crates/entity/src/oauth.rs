//! The `oauth` table.

table! {
    #[sea_orm(table_name = "oauth")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub display_name: String,
        #[sea_orm(unique)]
        pub application_name: String,
        pub install_url: Option<String>,
        pub uninstall_url: Option<String>,
        pub data: Option<Json>,
    }
}
