//! The `product_variant_money_amount` table.

table! {
    #[sea_orm(table_name = "product_variant_money_amount")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        #[sea_orm(column_type = "Text", unique)]
        pub money_amount_id: String,
        #[sea_orm(column_type = "Text")]
        pub variant_id: String,
        pub deleted_at: Option<DateTimeWithTimeZone>,
        timestamps!(created_at, updated_at),
    }
}
