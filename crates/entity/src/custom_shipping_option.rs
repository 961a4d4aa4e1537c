//! The `custom_shipping_option` table.

table! {
    #[sea_orm(table_name = "custom_shipping_option")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub price: i32,
        pub shipping_option_id: String,
        pub cart_id: Option<String>,
        timestamps!(created_at, updated_at, deleted_at),
        pub metadata: Option<Json>,
    }
}
