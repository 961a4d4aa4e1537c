//! The `return_item` table.

table! {
    #[sea_orm(table_name = "return_item")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub return_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub item_id: String,
        pub quantity: i32,
        pub is_requested: bool,
        pub requested_quantity: Option<i32>,
        pub received_quantity: Option<i32>,
        pub metadata: Option<Json>,
        pub reason_id: Option<String>,
        pub note: Option<String>,
    }
}
