//! Invitations to become an admin user: created by an admin, accepted with a signed token.

use crate::events;
use async_trait::async_trait;
use chrono::TimeDelta;
use medusa_core::new_row::stamped;
use medusa_core::on_unique_violation;
use medusa_core::{generate_id, Error, Result};
use medusa_entity::sea_orm_active_enums::InviteRoleEnum;
use medusa_entity::{invite, user};
use medusa_load::{find_live, live_or};
use sea_orm::{
    AccessMode, ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection,
    DatabaseTransaction, DbBackend, DbErr, EntityTrait, IntoActiveModel, IsolationLevel,
    QueryFilter, QueryOrder, RuntimeErr, Set, TransactionTrait,
};

use crate::input::AcceptUser;
use crate::password::{hash_password_blocking, PasswordPolicy};
use crate::token::{issue_invite_token, verify_invite_token, JwtKeys};
use crate::users::{email_taken, insert_user, require_password, NewUser};
use crate::values::{Email, UserRole};

/// Managing invites. Every create and resend emits `invite.created` (for now as a log line,
/// target `events`, without the token).
#[async_trait]
pub trait InviteService: Send + Sync {
    /// Every invite, oldest first (Medusa does not paginate invites).
    async fn list(&self) -> Result<Vec<invite::Model>>;
    /// Invites `email` with `role`. An existing invite for the address is renewed (new token,
    /// seven more days) and, unless already accepted, given the new role.
    async fn create(&self, email: Email, role: UserRole) -> Result<invite::Model>;
    /// Renews an invite's token and expiry.
    async fn resend(&self, id: &str) -> Result<invite::Model>;
    /// Deletes an invite for good; deleting a missing invite succeeds.
    async fn delete(&self, id: &str) -> Result<()>;
    /// Creates the invited user and deletes the invite, both or neither.
    async fn accept(&self, token: &str, user: AcceptUser) -> Result<user::Model>;
}

/// [`InviteService`] over the database.
#[derive(Debug, Clone)]
pub struct SeaInviteService {
    db: DatabaseConnection,
    keys: JwtKeys,
    policy: PasswordPolicy,
}

const INVITE_ID_PREFIX: &str = "invite";
const INVITE_VALID_DAYS: i64 = 7;
const INVALID_INVITE: &str = "Invalid invite";
const ALREADY_JOINED: &str = "User already joined";

impl SeaInviteService {
    pub fn new(db: DatabaseConnection, keys: JwtKeys, policy: PasswordPolicy) -> Self {
        Self { db, keys, policy }
    }

    /// A transaction as strict as Medusa's SERIALIZABLE one. SQLite has a single writer, so its
    /// transactions are serializable already (and sea-orm cannot set the level there).
    async fn serializable(&self) -> Result<DatabaseTransaction> {
        let txn = match self.db.get_database_backend() {
            DbBackend::Postgres => {
                self.db
                    .begin_with_config(
                        Some(IsolationLevel::Serializable),
                        Some(AccessMode::ReadWrite),
                    )
                    .await
            }
            _ => self.db.begin().await,
        };
        txn.map_err(serialization_conflict)
    }

    /// Gives an invite a fresh token and expiry, saves it and emits `invite.created`.
    async fn renew(
        &self,
        txn: &DatabaseTransaction,
        current: invite::Model,
        role: UserRole,
    ) -> Result<invite::Model> {
        let token =
            issue_invite_token(&self.keys, &current.id, role.as_str(), &current.user_email)?;
        let now = medusa_core::time::now();
        let mut row = current.into_active_model();
        row.token = Set(token);
        row.expires_at = Set(now + TimeDelta::days(INVITE_VALID_DAYS));
        row.updated_at = Set(now);
        let saved = row.update(txn).await?;
        medusa_events::record_event(
            txn,
            &events::InviteCreated {
                id: saved.id.clone(),
                token: saved.token.clone(),
                user_email: saved.user_email.clone(),
            },
        )
        .await?;
        Ok(saved)
    }
}

/// PostgreSQL's "could not serialize access" (SQLSTATE 40001) is a lost race, which Medusa
/// answers with 409 and so do we; anything else stays a database error.
fn serialization_conflict(err: DbErr) -> Error {
    let runtime = match &err {
        DbErr::Exec(runtime) | DbErr::Query(runtime) | DbErr::Conn(runtime) => Some(runtime),
        _ => None,
    };
    let code = match runtime {
        Some(RuntimeErr::SqlxError(sea_orm::sqlx::Error::Database(db_err))) => {
            db_err.code().map(|c| c.into_owned())
        }
        _ => None,
    };
    if code.as_deref() == Some("40001") {
        Error::Conflict(err.to_string())
    } else {
        Error::Db(err)
    }
}

fn conflict_aware(err: Error) -> Error {
    match err {
        Error::Db(db) => serialization_conflict(db),
        other => other,
    }
}

#[async_trait]
impl InviteService for SeaInviteService {
    async fn list(&self) -> Result<Vec<invite::Model>> {
        Ok(invite::Entity::find()
            .filter(invite::Column::DeletedAt.is_null())
            .order_by_asc(invite::Column::CreatedAt)
            .order_by_asc(invite::Column::Id)
            .all(&self.db)
            .await?)
    }

    async fn create(&self, email: Email, role: UserRole) -> Result<invite::Model> {
        let txn = self.db.begin().await?;
        if email_taken(&txn, email.as_str()).await? {
            return Err(Error::invalid_data(
                "Can't invite a user with an existing account",
            ));
        }
        // `invite.user_email` is unique even among soft-deleted rows, so a soft-deleted
        // invite (which only Medusa itself could leave behind) is revived rather than clashed with.
        let existing = invite::Entity::find()
            .filter(invite::Column::UserEmail.eq(email.as_str()))
            .one(&txn)
            .await?;
        let current = match existing {
            Some(found) if found.deleted_at.is_some() => {
                let mut row = found.into_active_model();
                row.deleted_at = Set(None);
                row.accepted = Set(false);
                row.role = Set(Some(role.into()));
                row.update(&txn).await?
            }
            Some(found) if !found.accepted && found.role != Some(InviteRoleEnum::from(role)) => {
                let mut row = found.into_active_model();
                row.role = Set(Some(role.into()));
                row.update(&txn).await?
            }
            Some(found) => found,
            None => {
                let now = medusa_core::time::now();
                invite::ActiveModel {
                    id: Set(generate_id(INVITE_ID_PREFIX)),
                    user_email: Set(email.as_str().to_owned()),
                    role: Set(Some(role.into())),
                    accepted: Set(false),
                    // Replaced by `renew` below, once the id the token names exists.
                    token: Set(String::new()),
                    expires_at: Set(now),
                    ..stamped(now)
                }
                .insert(&txn)
                .await
                // Another request invited the same address at the same moment.
                .map_err(on_unique_violation(|err| Error::Conflict(err.to_string())))?
            }
        };
        let renewed = self.renew(&txn, current, role).await?;
        txn.commit().await?;
        Ok(renewed)
    }

    async fn resend(&self, id: &str) -> Result<invite::Model> {
        let txn = self.db.begin().await?;
        let current =
            live_or::<invite::Entity, _>(&txn, id, || Error::invalid_data("Invite doesn't exist"))
                .await?;
        let role = current
            .role
            .clone()
            .map(UserRole::from)
            .unwrap_or(UserRole::Member);
        let renewed = self.renew(&txn, current, role).await?;
        txn.commit().await?;
        Ok(renewed)
    }

    async fn delete(&self, id: &str) -> Result<()> {
        let deleted = invite::Entity::delete_by_id(id).exec(&self.db).await?;
        // Medusa has no event for a deleted invite.
        if deleted.rows_affected > 0 {
            tracing::info!(invite_id = id, "invite deleted");
        }
        Ok(())
    }

    async fn accept(&self, token: &str, user: AcceptUser) -> Result<user::Model> {
        let claims = verify_invite_token(&self.keys, token)
            .ok_or_else(|| Error::invalid_data("Token is not valid"))?;
        require_password(&user.password)?;
        // Hashing is slow; do it before the transaction holds anything.
        let password_hash = hash_password_blocking(user.password, self.policy).await?;

        let txn = self.serializable().await?;
        let accepted = async {
            let invite = find_live::<invite::Entity, _>(&txn, claims.invite_id.as_str()).await?;
            // As in Medusa, any token signed for this invite is accepted until the invite
            // expires, including one sent before a resend or a role change: the role is the
            // invite's, not the token's.
            let invite = match invite {
                Some(invite)
                    if invite.user_email == claims.user_email
                        && medusa_core::time::now() <= invite.expires_at =>
                {
                    invite
                }
                _ => return Err(Error::invalid_data(INVALID_INVITE)),
            };
            let email = Email::parse(&invite.user_email)?;
            if email_taken(&txn, email.as_str()).await? {
                return Err(Error::invalid_data(ALREADY_JOINED));
            }
            let new = NewUser {
                email,
                password_hash,
                first_name: user.first_name,
                last_name: user.last_name,
                role: invite
                    .role
                    .clone()
                    .map(UserRole::from)
                    .unwrap_or(UserRole::Member),
            };
            let created = insert_user(&txn, new, ALREADY_JOINED).await?;
            medusa_events::record_event(
                &txn,
                &events::UserCreated {
                    id: created.id.clone(),
                },
            )
            .await?;
            invite::Entity::delete_by_id(invite.id.as_str())
                .exec(&txn)
                .await?;
            Ok(created)
        }
        .await
        .map_err(conflict_aware)?;
        txn.commit().await.map_err(serialization_conflict)?;
        Ok(accepted)
    }
}
