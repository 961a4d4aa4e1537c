//! The `claim_item` table.

use super::sea_orm_active_enums::ClaimItemReasonEnum;

table! {
    #[sea_orm(table_name = "claim_item")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub claim_order_id: String,
        pub item_id: String,
        pub variant_id: String,
        pub reason: ClaimItemReasonEnum,
        pub note: Option<String>,
        pub quantity: i32,
        timestamps!(created_at, updated_at, deleted_at),
        pub metadata: Option<Json>,
    }
}
