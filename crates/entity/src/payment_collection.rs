//! The `payment_collection` table.

use super::sea_orm_active_enums::PaymentCollectionStatusEnum;
use super::sea_orm_active_enums::PaymentCollectionTypeEnum;

table! {
    #[sea_orm(table_name = "payment_collection")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        timestamps!(created_at, updated_at, deleted_at),
        pub r#type: PaymentCollectionTypeEnum,
        pub status: PaymentCollectionStatusEnum,
        #[sea_orm(column_type = "Text", nullable)]
        pub description: Option<String>,
        pub amount: i32,
        pub authorized_amount: Option<i32>,
        pub region_id: String,
        pub currency_code: String,
        pub metadata: Option<Json>,
        pub created_by: String,
    }
}
