//! The `order_discounts` table.

table! {
    #[sea_orm(table_name = "order_discounts")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub order_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub discount_id: String,
    }
}
