//! Admin users: listing, creating, updating, soft-deleting, and resetting passwords.

use crate::events;
use async_trait::async_trait;
use medusa_core::new_row::stamped;
use medusa_core::on_unique_violation;
use medusa_core::{generate_id, Error, ListPage, Result};
use medusa_entity::sea_orm_active_enums::UserRoleEnum;
use medusa_entity::user;
use medusa_load::{find_live, taken};
use medusa_query_dsl::{FieldKind, FilterSpec, ListPlan, Pagination, ResourceSpec, NEWEST_FIRST};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, PaginatorTrait, QueryFilter, Set, TransactionTrait,
};

use crate::input::UpdateUser;
use crate::password::{hash_password_blocking, PasswordPolicy};
use crate::token::{
    is_readable_jwt, issue_password_reset_token, peek_password_reset_token,
    verify_password_reset_token,
};
use crate::values::{Email, UserRole};

const USER_ROLE_VALUES: &[&str] = &["admin", "member", "developer"];
const USER_ROLE: FieldKind = FieldKind::Enum {
    type_name: "user_role_enum",
    values: USER_ROLE_VALUES,
};

/// `GET /admin/users`: Medusa's `AdminGetUsersParams`. `q` searches e-mail and names and,
/// as in Medusa, replaces the exact `email`/`first_name`/`last_name` filters.
pub static USER_LIST: ResourceSpec = ResourceSpec {
    name: "users",
    pagination: Some(Pagination::uncapped(50)),
    default_order: NEWEST_FIRST,
    sortable: &[
        "id",
        "email",
        "first_name",
        "last_name",
        "role",
        "created_at",
        "updated_at",
        "deleted_at",
    ],
    filters: &[
        FilterSpec::value("id", FieldKind::Text).list(),
        FilterSpec::value("email", FieldKind::Text).ignored_with_q(),
        FilterSpec::value("first_name", FieldKind::Text).ignored_with_q(),
        FilterSpec::value("last_name", FieldKind::Text).ignored_with_q(),
        FilterSpec::value("role", USER_ROLE).list(),
        FilterSpec::range("created_at", FieldKind::Date),
        FilterSpec::range("updated_at", FieldKind::Date),
        FilterSpec::range("deleted_at", FieldKind::Date),
    ],
    searchable: &[
        medusa_query_dsl::Column::own("email"),
        medusa_query_dsl::Column::own("first_name"),
        medusa_query_dsl::Column::own("last_name"),
    ],
    list_fields: &["created_at"],
    ..USER_RETRIEVE
};

/// `GET /admin/users/{id}`: only `fields` (and an `expand` naming nothing).
pub static USER_RETRIEVE: ResourceSpec = ResourceSpec {
    expandable: true,
    selectable: USER_FIELDS,
    soft_delete: true,
    ..ResourceSpec::new("user", "user")
};

/// The user fields a client may select. `password_hash` is not among them.
const USER_FIELDS: &[&str] = &[
    "id",
    "email",
    "first_name",
    "last_name",
    "role",
    "api_token",
    "created_at",
    "updated_at",
    "deleted_at",
    "metadata",
];

/// A new user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateUser {
    pub email: Email,
    pub password: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    /// `None`: `member`, the column's default.
    pub role: Option<UserRole>,
}

/// A password reset token for the caller to deliver (Medusa's `user.password_reset` event).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordReset {
    pub user_id: String,
    pub email: String,
    pub token: String,
}

/// Managing admin users. Soft-deleted users are invisible unless a list asks for them with a
/// `deleted_at` filter.
#[async_trait]
pub trait UserService: Send + Sync {
    /// A page of users as planned from [`USER_LIST`].
    async fn list(&self, plan: &ListPlan) -> Result<ListPage<user::Model>>;
    /// How many users exist (not deleted).
    async fn count(&self) -> Result<u64>;
    async fn retrieve(&self, id: &str) -> Result<user::Model>;
    async fn create(&self, input: CreateUser) -> Result<user::Model>;
    async fn update(&self, id: &str, input: UpdateUser) -> Result<user::Model>;
    /// Soft-deletes a user; deleting a missing or already deleted user succeeds.
    async fn delete(&self, id: &str) -> Result<()>;
    /// A reset token when a user with a password has this e-mail, `None` otherwise (the
    /// caller answers the same either way, so accounts cannot be probed).
    async fn request_password_reset(&self, email: &str) -> Result<Option<PasswordReset>>;
    /// Sets a new password given a reset token. The e-mail, when given, picks the user;
    /// otherwise the token's own `email` claim does.
    async fn reset_password(
        &self,
        token: &str,
        password: &str,
        email: Option<&str>,
    ) -> Result<user::Model>;
}

/// [`UserService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaUserService {
    db: DatabaseConnection,
    policy: PasswordPolicy,
}

pub(crate) const USER_ID_PREFIX: &str = "usr";
const DUPLICATE_EMAIL: &str = "A user with the same email already exists.";
const INVALID_RESET_TOKEN: &str = "Invalid or expired password reset token";

pub(crate) fn user_not_found(id: &str) -> Error {
    Error::not_found(format!("User with id: {id} was not found"))
}

pub(crate) fn require_password(password: &str) -> Result<()> {
    if password.is_empty() {
        return Err(Error::invalid_data("password should not be empty"));
    }
    Ok(())
}

/// The row of a new user, its password already hashed.
pub(crate) struct NewUser {
    pub email: Email,
    pub password_hash: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub role: UserRole,
}

/// Inserts a user. A concurrent insert of the same e-mail (caught by the partial unique index)
/// is reported as `duplicate_message`, like the check before it.
pub(crate) async fn insert_user<C: ConnectionTrait>(
    conn: &C,
    new: NewUser,
    duplicate_message: &str,
) -> Result<user::Model> {
    let now = medusa_core::time::now();
    let inserted = user::ActiveModel {
        id: Set(generate_id(USER_ID_PREFIX)),
        email: Set(new.email.into_string()),
        first_name: Set(new.first_name),
        last_name: Set(new.last_name),
        password_hash: Set(Some(new.password_hash)),
        api_token: Set(None),
        role: Set(Some(new.role.into())),
        ..stamped(now)
    }
    .insert(conn)
    .await;
    inserted.map_err(on_unique_violation(|_| {
        Error::invalid_data(duplicate_message)
    }))
}

/// Whether a live user has this (already lower-cased) e-mail.
pub(crate) async fn email_taken<C: ConnectionTrait>(conn: &C, email: &str) -> Result<bool> {
    let count = user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .filter(user::Column::DeletedAt.is_null())
        .count(conn)
        .await?;
    Ok(count > 0)
}

/// How long a password-reset request takes whatever the e-mail (see `request_password_reset`).
const PASSWORD_RESET_FLOOR: std::time::Duration = std::time::Duration::from_millis(150);

impl SeaUserService {
    async fn password_reset(&self, email: &str) -> Result<Option<PasswordReset>> {
        let Some(user) = self.by_email(email).await? else {
            return Ok(None);
        };
        // Without a password hash there is no secret to sign with; such a user cannot reset.
        let Some(password_hash) = user.password_hash.as_deref().filter(|h| !h.is_empty()) else {
            return Ok(None);
        };
        let token = issue_password_reset_token(&user.id, &user.email, password_hash)?;
        // Nothing else is written, so the event is recorded on its own. The token is a
        // credential: it goes to the caller and the event's subscribers, never to the log.
        medusa_events::record_event(
            &self.db,
            &events::UserPasswordReset {
                email: user.email.clone(),
                token: token.clone(),
            },
        )
        .await?;
        Ok(Some(PasswordReset {
            user_id: user.id,
            email: user.email,
            token,
        }))
    }

    pub fn new(db: DatabaseConnection, policy: PasswordPolicy) -> Self {
        Self { db, policy }
    }

    async fn live(&self, id: &str) -> Result<Option<user::Model>> {
        find_live::<user::Entity, _>(&self.db, id).await
    }

    async fn by_email(&self, email: &str) -> Result<Option<user::Model>> {
        Ok(user::Entity::find()
            .filter(user::Column::Email.eq(email.to_lowercase()))
            .filter(user::Column::DeletedAt.is_null())
            .one(&self.db)
            .await?)
    }

    async fn api_token_taken(&self, token: &str, by_other_than: &str) -> Result<bool> {
        let token_column = user::Column::ApiToken;
        taken::<user::Entity, _>(&self.db, token_column, token, Some(by_other_than)).await
    }
}

#[async_trait]
impl UserService for SeaUserService {
    async fn list(&self, plan: &ListPlan) -> Result<ListPage<user::Model>> {
        Ok(plan
            .fetch_page(&self.db, "users", user::Entity::find())
            .await?)
    }

    async fn count(&self) -> Result<u64> {
        Ok(user::Entity::find()
            .filter(user::Column::DeletedAt.is_null())
            .count(&self.db)
            .await?)
    }

    async fn retrieve(&self, id: &str) -> Result<user::Model> {
        self.live(id).await?.ok_or_else(|| user_not_found(id))
    }

    async fn create(&self, input: CreateUser) -> Result<user::Model> {
        require_password(&input.password)?;
        if email_taken(&self.db, input.email.as_str()).await? {
            return Err(Error::invalid_data(DUPLICATE_EMAIL));
        }
        let password_hash = hash_password_blocking(input.password, self.policy).await?;
        let new = NewUser {
            email: input.email,
            password_hash,
            first_name: input.first_name,
            last_name: input.last_name,
            role: input.role.unwrap_or(UserRole::Member),
        };
        let txn = self.db.begin().await?;
        let created = insert_user(&txn, new, DUPLICATE_EMAIL).await?;
        medusa_events::record_event(
            &txn,
            &events::UserCreated {
                id: created.id.clone(),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(created)
    }

    async fn update(&self, id: &str, input: UpdateUser) -> Result<user::Model> {
        let current = self.retrieve(id).await?;
        if let Some(Some(token)) = &input.api_token {
            if self.api_token_taken(token, id).await? {
                return Err(Error::invalid_data(
                    "Another user already has this api_token.",
                ));
            }
        }
        let metadata = input
            .metadata
            .map(|update| medusa_core::metadata::merge(current.metadata.as_ref(), &update));
        let mut row = current.into_active_model();
        if let Some(first_name) = input.first_name {
            row.first_name = Set(first_name);
        }
        if let Some(last_name) = input.last_name {
            row.last_name = Set(last_name);
        }
        if let Some(role) = input.role {
            row.role = Set(role.map(UserRoleEnum::from));
        }
        if let Some(api_token) = input.api_token {
            row.api_token = Set(api_token);
        }
        if let Some(metadata) = metadata {
            row.metadata = Set(Some(metadata));
        }
        row.updated_at = Set(medusa_core::time::now());
        let txn = self.db.begin().await?;
        let updated = row.update(&txn).await?;
        medusa_events::record_event(
            &txn,
            &events::UserUpdated {
                id: updated.id.clone(),
            },
        )
        .await?;
        txn.commit().await?;
        Ok(updated)
    }

    async fn delete(&self, id: &str) -> Result<()> {
        let now = medusa_core::time::now();
        let txn = self.db.begin().await?;
        let deleted = user::Entity::update_many()
            .col_expr(user::Column::DeletedAt, Expr::value(now))
            .col_expr(user::Column::UpdatedAt, Expr::value(now))
            .filter(user::Column::Id.eq(id))
            .filter(user::Column::DeletedAt.is_null())
            .exec(&txn)
            .await?;
        // Like Medusa, deleting a user that is already gone emits nothing; their analytics
        // preferences go with them.
        if deleted.rows_affected > 0 {
            crate::analytics::delete_in(&txn, id).await?;
            medusa_events::record_event(&txn, &events::UserDeleted { id: id.to_owned() }).await?;
        }
        txn.commit().await?;
        Ok(())
    }

    async fn request_password_reset(&self, email: &str) -> Result<Option<PasswordReset>> {
        // Known and unknown e-mails answer after the same time: the work for a known one (a
        // token signed, an event written) finishes well within the floor.
        let answer_at = tokio::time::Instant::now() + PASSWORD_RESET_FLOOR;
        let reset = self.password_reset(email).await;
        tokio::time::sleep_until(answer_at).await;
        reset
    }

    async fn reset_password(
        &self,
        token: &str,
        password: &str,
        email: Option<&str>,
    ) -> Result<user::Model> {
        // Medusa's answers: an unreadable token or an unknown user is 400 "invalid token"; a
        // bad signature, an expired token or another user's token is 401 (Medusa answers a
        // 500 for the first two).
        let invalid_token = || Error::invalid_data("invalid token");
        if !is_readable_jwt(token) {
            return Err(invalid_token());
        }
        let claims = peek_password_reset_token(token);
        let email = match (email, &claims) {
            (Some(email), _) => email.to_owned(),
            (None, Some(claims)) => claims.email.clone(),
            (None, None) => return Err(invalid_token()),
        };
        let user = self.by_email(&email).await?.ok_or_else(invalid_token)?;
        let verified = user
            .password_hash
            .as_deref()
            .filter(|hash| !hash.is_empty())
            .and_then(|hash| verify_password_reset_token(token, hash));
        match verified {
            Some(claims) if claims.user_id == user.id => {}
            _ => return Err(Error::unauthorized(INVALID_RESET_TOKEN)),
        }
        require_password(password)?;
        let new_hash = hash_password_blocking(password.to_owned(), self.policy).await?;
        // Conditional on the hash the token was checked against, so a token cannot be used
        // twice by two concurrent requests.
        let now = medusa_core::time::now();
        let updated = user::Entity::update_many()
            .col_expr(user::Column::PasswordHash, Expr::value(new_hash))
            .col_expr(user::Column::UpdatedAt, Expr::value(now))
            .filter(user::Column::Id.eq(user.id.as_str()))
            .filter(user::Column::PasswordHash.eq(user.password_hash.clone()))
            .exec(&self.db)
            .await?;
        if updated.rows_affected == 0 {
            return Err(Error::unauthorized(INVALID_RESET_TOKEN));
        }
        // Medusa has no event for a changed password.
        tracing::info!(user_id = %user.id, "password changed");
        self.retrieve(&user.id).await
    }
}
