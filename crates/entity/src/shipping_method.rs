//! The `shipping_method` table.

table! {
    #[sea_orm(table_name = "shipping_method")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub shipping_option_id: String,
        pub order_id: Option<String>,
        pub cart_id: Option<String>,
        pub swap_id: Option<String>,
        #[sea_orm(unique)]
        pub return_id: Option<String>,
        pub price: i32,
        pub data: Json,
        pub claim_order_id: Option<String>,
    }
}
