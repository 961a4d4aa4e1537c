//! The `product_sales_channel` table.

table! {
    #[sea_orm(table_name = "product_sales_channel")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub product_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub sales_channel_id: String,
    }
}
