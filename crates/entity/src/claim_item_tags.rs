//! The `claim_item_tags` table.

table! {
    #[sea_orm(table_name = "claim_item_tags")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub item_id: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub tag_id: String,
    }
}
