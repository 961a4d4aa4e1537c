//! The `gift_card` table.

table! {
    #[sea_orm(table_name = "gift_card")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        #[sea_orm(unique)]
        pub code: String,
        pub value: i32,
        pub balance: i32,
        pub region_id: String,
        pub order_id: Option<String>,
        pub is_disabled: bool,
        pub ends_at: Option<DateTimeWithTimeZone>,
        timestamps!(created_at, updated_at, deleted_at),
        pub metadata: Option<Json>,
        pub tax_rate: Option<f32>,
    }
}
