//! The `cart_discounts` table.

table! {
    #[sea_orm(table_name = "cart_discounts")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub cart_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub discount_id: String,
    }
}
