//! `admin_session`: server-side sessions behind the `connect.sid` cookie. Our own table:
//! Medusa keeps sessions in memory or Redis, so several instances of this server share them
//! through the database instead.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "admin_session")]
pub struct Model {
    /// The random session key carried (signed) in the cookie.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// The session state as a JSON object (`{"user_id": "usr_..."}`).
    #[sea_orm(column_type = "Text")]
    pub data: String,
    pub expires_at: DateTimeWithTimeZone,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
