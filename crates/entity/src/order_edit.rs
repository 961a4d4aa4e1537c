//! The `order_edit` table.

table! {
    #[sea_orm(table_name = "order_edit")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        timestamps!(created_at, updated_at),
        pub order_id: String,
        pub internal_note: Option<String>,
        pub created_by: String,
        pub requested_by: Option<String>,
        pub requested_at: Option<DateTimeWithTimeZone>,
        pub confirmed_by: Option<String>,
        pub confirmed_at: Option<DateTimeWithTimeZone>,
        pub declined_by: Option<String>,
        pub declined_reason: Option<String>,
        pub declined_at: Option<DateTimeWithTimeZone>,
        pub canceled_by: Option<String>,
        pub canceled_at: Option<DateTimeWithTimeZone>,
        pub payment_collection_id: Option<String>,
    }
}
