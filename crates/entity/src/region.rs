//! The `region` table.

table! {
    #[sea_orm(table_name = "region")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub name: String,
        pub currency_code: String,
        pub tax_rate: f32,
        pub tax_code: Option<String>,
        timestamps!(created_at, updated_at, deleted_at),
        pub metadata: Option<Json>,
        pub gift_cards_taxable: bool,
        pub automatic_taxes: bool,
        pub tax_provider_id: Option<String>,
    }
}
