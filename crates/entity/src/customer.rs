//! The `customer` table.

table! {
    #[sea_orm(table_name = "customer")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub email: String,
        pub first_name: Option<String>,
        pub last_name: Option<String>,
        #[sea_orm(unique)]
        pub billing_address_id: Option<String>,
        #[serde(skip_serializing)]
        pub password_hash: Option<String>,
        pub phone: Option<String>,
        pub has_account: bool,
        timestamps!(created_at, updated_at, deleted_at),
        pub metadata: Option<Json>,
    }
}
