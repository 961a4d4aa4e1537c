//! The `discount_condition_customer_group` table.

table! {
    #[sea_orm(table_name = "discount_condition_customer_group")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub customer_group_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub condition_id: String,
        timestamps!(created_at, updated_at),
        pub metadata: Option<Json>,
    }
}
