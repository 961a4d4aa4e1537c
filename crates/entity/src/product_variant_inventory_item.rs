//! The `product_variant_inventory_item` table.

table! {
    #[sea_orm(table_name = "product_variant_inventory_item")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        timestamps!(created_at, updated_at),
        #[sea_orm(column_type = "Text")]
        pub inventory_item_id: String,
        #[sea_orm(column_type = "Text")]
        pub variant_id: String,
        pub required_quantity: i32,
        pub deleted_at: Option<DateTimeWithTimeZone>,
    }
}
