//! The `store` table.

table! {
    #[sea_orm(table_name = "store")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub name: String,
        pub default_currency_code: String,
        pub swap_link_template: Option<String>,
        timestamps!(created_at, updated_at),
        pub metadata: Option<Json>,
        pub payment_link_template: Option<String>,
        pub invite_link_template: Option<String>,
        #[sea_orm(unique)]
        pub default_sales_channel_id: Option<String>,
        pub default_location_id: Option<String>,
    }
}
