//! The `fulfillment_item` table.

table! {
    #[sea_orm(table_name = "fulfillment_item")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub fulfillment_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub item_id: String,
        pub quantity: i32,
    }
}
