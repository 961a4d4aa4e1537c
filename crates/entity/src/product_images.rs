//! The `product_images` table.

table! {
    #[sea_orm(table_name = "product_images")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub product_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub image_id: String,
    }
}
