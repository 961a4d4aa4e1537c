//! The `shipping_tax_rate` table.

table! {
    #[sea_orm(table_name = "shipping_tax_rate")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub shipping_option_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub rate_id: String,
        timestamps!(created_at, updated_at),
        pub metadata: Option<Json>,
    }
}
