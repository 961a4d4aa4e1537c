//! The `line_item` table.

table! {
    #[sea_orm(table_name = "line_item")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub cart_id: Option<String>,
        pub order_id: Option<String>,
        pub swap_id: Option<String>,
        pub title: String,
        pub description: Option<String>,
        pub thumbnail: Option<String>,
        pub is_giftcard: bool,
        pub should_merge: bool,
        pub allow_discounts: bool,
        pub has_shipping: Option<bool>,
        pub unit_price: i32,
        pub variant_id: Option<String>,
        pub quantity: i32,
        pub fulfilled_quantity: Option<i32>,
        pub returned_quantity: Option<i32>,
        pub shipped_quantity: Option<i32>,
        timestamps!(created_at, updated_at),
        pub metadata: Option<Json>,
        pub claim_order_id: Option<String>,
        pub is_return: bool,
        pub original_item_id: Option<String>,
        pub order_edit_id: Option<String>,
    }
}
