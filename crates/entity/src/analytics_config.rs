//! The `analytics_config` table.

table! {
    #[sea_orm(table_name = "analytics_config")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        timestamps!(created_at, updated_at, deleted_at),
        pub user_id: String,
        pub opt_out: bool,
        pub anonymize: bool,
    }
}
