//! The `gift_card_transaction` table.

table! {
    #[sea_orm(table_name = "gift_card_transaction")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub gift_card_id: String,
        pub order_id: String,
        pub amount: i32,
        pub created_at: DateTimeWithTimeZone,
        pub is_taxable: Option<bool>,
        pub tax_rate: Option<f32>,
    }
}
