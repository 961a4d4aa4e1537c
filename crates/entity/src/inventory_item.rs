//! The `inventory_item` table (Medusa's inventory and stock-location modules; present only on a
//! database migrated with them).

table! {
    #[sea_orm(table_name = "inventory_item")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        timestamps!(created_at, updated_at, deleted_at),
        #[sea_orm(column_type = "Text", nullable)]
        pub sku: Option<String>,
        #[sea_orm(column_type = "Text", nullable)]
        pub origin_country: Option<String>,
        #[sea_orm(column_type = "Text", nullable)]
        pub hs_code: Option<String>,
        #[sea_orm(column_type = "Text", nullable)]
        pub mid_code: Option<String>,
        #[sea_orm(column_type = "Text", nullable)]
        pub material: Option<String>,
        pub weight: Option<i32>,
        pub length: Option<i32>,
        pub height: Option<i32>,
        pub width: Option<i32>,
        pub requires_shipping: bool,
        pub metadata: Option<Json>,
        pub title: Option<String>,
        pub description: Option<String>,
        pub thumbnail: Option<String>,
    }
}
