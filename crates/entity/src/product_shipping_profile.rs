//! The `product_shipping_profile` table.

table! {
    #[sea_orm(table_name = "product_shipping_profile")]
    #[derive(Eq)]
    // The table has no primary key in Medusa, only a unique index over both columns;
    // sea-orm needs one, so the pair stands in for it.
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false, column_type = "Text")]
        pub profile_id: String,
        #[sea_orm(primary_key, auto_increment = false, column_type = "Text")]
        pub product_id: String,
    }
}
