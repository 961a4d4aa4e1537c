//! The `user` table.

use super::sea_orm_active_enums::UserRoleEnum;

table! {
    #[sea_orm(table_name = "user")]
    #[derive(Eq)]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: String,
        #[sea_orm(unique)]
        pub email: String,
        pub first_name: Option<String>,
        pub last_name: Option<String>,
        #[serde(skip_serializing)]
        pub password_hash: Option<String>,
        #[serde(skip_serializing)]
        pub api_token: Option<String>,
        timestamps!(created_at, updated_at, deleted_at),
        pub metadata: Option<Json>,
        pub role: Option<UserRoleEnum>,
    }
}
