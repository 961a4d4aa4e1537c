//! The `product` table.

use super::sea_orm_active_enums::ProductStatusEnum;

table! {
    #[sea_orm(table_name = "product")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub title: String,
        pub subtitle: Option<String>,
        pub description: Option<String>,
        #[sea_orm(unique)]
        pub handle: Option<String>,
        pub is_giftcard: bool,
        pub thumbnail: Option<String>,
        pub weight: Option<i32>,
        pub length: Option<i32>,
        pub height: Option<i32>,
        pub width: Option<i32>,
        pub hs_code: Option<String>,
        pub origin_country: Option<String>,
        pub mid_code: Option<String>,
        pub material: Option<String>,
        timestamps!(created_at, updated_at, deleted_at),
        pub metadata: Option<Json>,
        pub collection_id: Option<String>,
        pub type_id: Option<String>,
        pub discountable: bool,
        pub status: ProductStatusEnum,
        pub external_id: Option<String>,
    }
}
