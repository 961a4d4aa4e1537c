//! The `inventory_level` table (Medusa's inventory and stock-location modules; present only on a
//! database migrated with them).

table! {
    #[sea_orm(table_name = "inventory_level")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        timestamps!(created_at, updated_at, deleted_at),
        #[sea_orm(column_type = "Text")]
        pub inventory_item_id: String,
        #[sea_orm(column_type = "Text")]
        pub location_id: String,
        pub stocked_quantity: i32,
        pub reserved_quantity: i32,
        pub incoming_quantity: i32,
        pub metadata: Option<Json>,
    }
}
