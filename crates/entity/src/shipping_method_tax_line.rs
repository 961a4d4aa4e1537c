//! The `shipping_method_tax_line` table.

table! {
    #[sea_orm(table_name = "shipping_method_tax_line")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub rate: f32,
        pub name: String,
        pub code: Option<String>,
        timestamps!(created_at, updated_at),
        pub metadata: Option<Json>,
        pub shipping_method_id: String,
    }
}
