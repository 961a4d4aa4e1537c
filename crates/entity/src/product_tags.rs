//! The `product_tags` table.

table! {
    #[sea_orm(table_name = "product_tags")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub product_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub product_tag_id: String,
    }
}
