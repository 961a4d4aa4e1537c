//! The `reservation_item` table (Medusa's inventory and stock-location modules; present only on a
//! database migrated with them).

table! {
    #[sea_orm(table_name = "reservation_item")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        timestamps!(created_at, updated_at, deleted_at),
        #[sea_orm(column_type = "Text", nullable)]
        pub line_item_id: Option<String>,
        #[sea_orm(column_type = "Text")]
        pub inventory_item_id: String,
        #[sea_orm(column_type = "Text")]
        pub location_id: String,
        pub quantity: i32,
        pub metadata: Option<Json>,
        pub external_id: Option<String>,
        pub description: Option<String>,
        pub created_by: Option<String>,
    }
}
