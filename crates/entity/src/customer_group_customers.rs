//! The `customer_group_customers` table.

table! {
    #[sea_orm(table_name = "customer_group_customers")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub customer_group_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub customer_id: String,
    }
}
