//! The `discount_condition_product_tag` table.

table! {
    #[sea_orm(table_name = "discount_condition_product_tag")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub product_tag_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub condition_id: String,
        timestamps!(created_at, updated_at),
        pub metadata: Option<Json>,
    }
}
