//! The `cart_gift_cards` table.

table! {
    #[sea_orm(table_name = "cart_gift_cards")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub cart_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub gift_card_id: String,
    }
}
