//! The `discount` table.

table! {
    #[sea_orm(table_name = "discount")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        #[sea_orm(unique)]
        pub code: String,
        pub is_dynamic: bool,
        pub rule_id: Option<String>,
        pub is_disabled: bool,
        pub parent_discount_id: Option<String>,
        pub starts_at: DateTimeWithTimeZone,
        pub ends_at: Option<DateTimeWithTimeZone>,
        timestamps!(created_at, updated_at, deleted_at),
        pub metadata: Option<Json>,
        pub usage_limit: Option<i32>,
        pub usage_count: i32,
        pub valid_duration: Option<String>,
    }
}
