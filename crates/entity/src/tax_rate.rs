//! The `tax_rate` table.

table! {
    #[sea_orm(table_name = "tax_rate")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub rate: Option<f32>,
        pub code: Option<String>,
        pub name: String,
        pub region_id: String,
        timestamps!(created_at, updated_at),
        pub metadata: Option<Json>,
    }
}
