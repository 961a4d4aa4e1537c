//! The `price_list_customer_groups` table.

table! {
    #[sea_orm(table_name = "price_list_customer_groups")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub price_list_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub customer_group_id: String,
    }
}
