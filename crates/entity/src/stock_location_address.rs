//! The `stock_location_address` table (Medusa's inventory and stock-location modules; present only on a
//! database migrated with them).

table! {
    #[sea_orm(table_name = "stock_location_address")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        timestamps!(created_at, updated_at, deleted_at),
        #[sea_orm(column_type = "Text")]
        pub address_1: String,
        #[sea_orm(column_type = "Text", nullable)]
        pub address_2: Option<String>,
        #[sea_orm(column_type = "Text", nullable)]
        pub company: Option<String>,
        #[sea_orm(column_type = "Text", nullable)]
        pub city: Option<String>,
        #[sea_orm(column_type = "Text")]
        pub country_code: String,
        #[sea_orm(column_type = "Text", nullable)]
        pub phone: Option<String>,
        #[sea_orm(column_type = "Text", nullable)]
        pub province: Option<String>,
        #[sea_orm(column_type = "Text", nullable)]
        pub postal_code: Option<String>,
        pub metadata: Option<Json>,
    }
}
