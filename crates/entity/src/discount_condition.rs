//! The `discount_condition` table.

use super::sea_orm_active_enums::DiscountConditionOperatorEnum;
use super::sea_orm_active_enums::DiscountConditionTypeEnum;

table! {
    #[sea_orm(table_name = "discount_condition")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub r#type: DiscountConditionTypeEnum,
        pub operator: DiscountConditionOperatorEnum,
        pub discount_rule_id: String,
        timestamps!(created_at, updated_at, deleted_at),
        pub metadata: Option<Json>,
    }
}
