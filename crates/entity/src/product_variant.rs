//! The `product_variant` table.

table! {
    #[sea_orm(table_name = "product_variant")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        pub title: String,
        pub product_id: String,
        #[sea_orm(unique)]
        pub sku: Option<String>,
        #[sea_orm(unique)]
        pub barcode: Option<String>,
        #[sea_orm(unique)]
        pub ean: Option<String>,
        #[sea_orm(unique)]
        pub upc: Option<String>,
        pub inventory_quantity: i32,
        pub allow_backorder: bool,
        pub manage_inventory: bool,
        pub hs_code: Option<String>,
        pub origin_country: Option<String>,
        pub mid_code: Option<String>,
        pub material: Option<String>,
        pub weight: Option<i32>,
        pub length: Option<i32>,
        pub height: Option<i32>,
        pub width: Option<i32>,
        timestamps!(created_at, updated_at, deleted_at),
        pub metadata: Option<Json>,
        pub variant_rank: Option<i32>,
    }
}
