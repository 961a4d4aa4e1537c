//! The `line_item_adjustment` table.

table! {
    #[sea_orm(table_name = "line_item_adjustment")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub item_id: String,
        pub description: String,
        pub discount_id: Option<String>,
        pub amount: Decimal,
        pub metadata: Option<Json>,
    }
}
