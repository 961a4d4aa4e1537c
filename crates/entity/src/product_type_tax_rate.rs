//! The `product_type_tax_rate` table.

table! {
    #[sea_orm(table_name = "product_type_tax_rate")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub product_type_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub rate_id: String,
        timestamps!(created_at, updated_at),
        pub metadata: Option<Json>,
    }
}
