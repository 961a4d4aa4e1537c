//! The `order_item_change` table.

use super::sea_orm_active_enums::OrderItemChangeTypeEnum;

table! {
    #[sea_orm(table_name = "order_item_change")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        timestamps!(created_at, updated_at, deleted_at),
        pub r#type: OrderItemChangeTypeEnum,
        pub order_edit_id: String,
        pub original_line_item_id: Option<String>,
        #[sea_orm(unique)]
        pub line_item_id: Option<String>,
    }
}
