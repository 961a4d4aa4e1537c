//! The `stock_location` table (Medusa's inventory and stock-location modules; present only on a
//! database migrated with them).

table! {
    #[sea_orm(table_name = "stock_location")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        timestamps!(created_at, updated_at, deleted_at),
        #[sea_orm(column_type = "Text")]
        pub name: String,
        #[sea_orm(column_type = "Text", nullable)]
        pub address_id: Option<String>,
        pub metadata: Option<Json>,
    }
}
