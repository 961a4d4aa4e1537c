//! The `address` table.

table! {
    #[sea_orm(table_name = "address")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub customer_id: Option<String>,
        pub company: Option<String>,
        pub first_name: Option<String>,
        pub last_name: Option<String>,
        pub address_1: Option<String>,
        pub address_2: Option<String>,
        pub city: Option<String>,
        pub country_code: Option<String>,
        pub province: Option<String>,
        pub postal_code: Option<String>,
        pub phone: Option<String>,
        timestamps!(created_at, updated_at, deleted_at),
        pub metadata: Option<Json>,
    }
}
