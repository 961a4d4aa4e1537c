//! The `draft_order` table.

use super::sea_orm_active_enums::DraftOrderStatusEnum;

table! {
    #[sea_orm(table_name = "draft_order")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub status: DraftOrderStatusEnum,
        pub display_id: i32,
        #[sea_orm(unique)]
        pub cart_id: Option<String>,
        #[sea_orm(unique)]
        pub order_id: Option<String>,
        pub canceled_at: Option<DateTimeWithTimeZone>,
        timestamps!(created_at, updated_at),
        pub completed_at: Option<DateTimeWithTimeZone>,
        pub metadata: Option<Json>,
        pub idempotency_key: Option<String>,
        pub no_notification_order: Option<bool>,
    }
}
