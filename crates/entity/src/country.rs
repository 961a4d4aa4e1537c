//! The `country` table.

table! {
    #[sea_orm(table_name = "country")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub iso_2: String,
        pub iso_3: String,
        pub num_code: i32,
        pub name: String,
        pub display_name: String,
        pub region_id: Option<String>,
    }
}
