//! The `discount_rule_products` table.

table! {
    #[sea_orm(table_name = "discount_rule_products")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub discount_rule_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub product_id: String,
    }
}
