//! The `invite` table.

use super::sea_orm_active_enums::InviteRoleEnum;

table! {
    #[sea_orm(table_name = "invite")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        #[sea_orm(unique)]
        pub user_email: String,
        pub role: Option<InviteRoleEnum>,
        pub accepted: bool,
        timestamps!(created_at, updated_at, deleted_at),
        pub metadata: Option<Json>,
        pub token: String,
        pub expires_at: DateTimeWithTimeZone,
    }
}
