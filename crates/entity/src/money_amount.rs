//! The `money_amount` table.

table! {
    #[sea_orm(table_name = "money_amount")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub currency_code: String,
        pub amount: i32,
        pub region_id: Option<String>,
        timestamps!(created_at, updated_at, deleted_at),
        pub min_quantity: Option<i32>,
        pub max_quantity: Option<i32>,
        pub price_list_id: Option<String>,
    }
}
