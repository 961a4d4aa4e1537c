//! What medusa-auth's tests share beyond `medusa-test-support`: cheap password hashes and
//! users inserted as rows.

use medusa_auth::{password::hash_password, PasswordPolicy};
use medusa_core::new_row::stamped;
use medusa_entity::user;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, DbBackend, Set};

/// Cheap hashes keep the suite fast; the cost does not change any behaviour under test.
pub const POLICY: PasswordPolicy = PasswordPolicy { bcrypt_cost: 4 };

/// Medusa's own scrypt-kdf hash of "supersecret", as its seeded admin has.
pub const MEDUSA_SUPERSECRET: &str = "c2NyeXB0AAEAAAABAAAAARYRPwnkim/W5XsCV7qdqfFH3wwqKX7jhK6pFArNd22Ph17/exXbWaV45nx7/+aGLbrUfJfx1nduwlOXwBhosQgZxUpS0OsAJOFu8XlQge8M";

/// Inserts an admin user directly (no service) with the given password hash, if any.
pub async fn insert_user(
    db: &DatabaseConnection,
    email: &str,
    password_hash: Option<String>,
) -> user::Model {
    let now = medusa_core::time::now();
    user::ActiveModel {
        id: Set(medusa_core::generate_id("usr")),
        email: Set(email.to_owned()),
        first_name: Set(None),
        last_name: Set(None),
        password_hash: Set(password_hash),
        api_token: Set(None),
        role: Set(Some(
            medusa_entity::sea_orm_active_enums::UserRoleEnum::Admin,
        )),
        ..stamped(now)
    }
    .insert(db)
    .await
    .unwrap()
}

pub fn bcrypt(password: &str) -> Option<String> {
    Some(hash_password(password, &POLICY).unwrap())
}

pub fn is_sqlite(db: &DatabaseConnection) -> bool {
    db.get_database_backend() == DbBackend::Sqlite
}
