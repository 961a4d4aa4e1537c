//! The `region_fulfillment_providers` table.

table! {
    #[sea_orm(table_name = "region_fulfillment_providers")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub region_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub provider_id: String,
    }
}
