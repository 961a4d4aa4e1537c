//! The `discount_rule` table.

use super::sea_orm_active_enums::DiscountRuleAllocationEnum;
use super::sea_orm_active_enums::DiscountRuleTypeEnum;

table! {
    #[sea_orm(table_name = "discount_rule")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub description: Option<String>,
        pub r#type: DiscountRuleTypeEnum,
        pub value: i32,
        pub allocation: Option<DiscountRuleAllocationEnum>,
        timestamps!(created_at, updated_at, deleted_at),
        pub metadata: Option<Json>,
    }
}
