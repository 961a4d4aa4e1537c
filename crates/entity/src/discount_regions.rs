//! The `discount_regions` table.

table! {
    #[sea_orm(table_name = "discount_regions")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub discount_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub region_id: String,
    }
}
