//! This server's own tables, beside Medusa's: `admin_session` and `secret_api_key`
//! (see `medusa_entity::admin_session` and `medusa_entity::secret_api_key`).

use sea_orm::DbBackend;
use sea_orm_migration::prelude::*;

pub(crate) struct AdminTables;

impl MigrationName for AdminTables {
    fn name(&self) -> &str {
        "m0002_admin_tables"
    }
}

#[derive(DeriveIden)]
enum AdminSession {
    Table,
    Id,
    Data,
    ExpiresAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SecretApiKey {
    Table,
    Id,
    Title,
    TokenHash,
    Redacted,
    KeyType,
    CreatedBy,
    RevokedBy,
    RevokedAt,
    LastUsedAt,
    CreatedAt,
    UpdatedAt,
}

const ADMIN_SESSION_EXPIRES_AT_INDEX: &str = "IDX_admin_session_expires_at";

/// The current instant as a column default. SQLite gets the text sqlx writes for a UTC
/// `DateTime<FixedOffset>` (see `tools/pg-to-sqlite.py`), so defaulted and bound values
/// compare correctly as text.
fn now_default(backend: DbBackend) -> SimpleExpr {
    match backend {
        DbBackend::Sqlite => {
            Expr::cust("(replace(strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), '.000+', '+'))")
        }
        DbBackend::Postgres | DbBackend::MySql => Expr::cust("now()"),
    }
}

#[async_trait::async_trait]
impl MigrationTrait for AdminTables {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let backend = manager.get_database_backend();
        manager
            .create_table(
                Table::create()
                    .table(AdminSession::Table)
                    .col(
                        ColumnDef::new(AdminSession::Id)
                            .string()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(AdminSession::Data).text().not_null())
                    .col(
                        ColumnDef::new(AdminSession::ExpiresAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(AdminSession::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null()
                            .default(now_default(backend)),
                    )
                    .col(
                        ColumnDef::new(AdminSession::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null()
                            .default(now_default(backend)),
                    )
                    .to_owned(),
            )
            .await?;
        // Expired sessions are purged by expiry time.
        manager
            .create_index(
                Index::create()
                    .name(ADMIN_SESSION_EXPIRES_AT_INDEX)
                    .table(AdminSession::Table)
                    .col(AdminSession::ExpiresAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SecretApiKey::Table)
                    .col(
                        ColumnDef::new(SecretApiKey::Id)
                            .string()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(SecretApiKey::Title).string().not_null())
                    .col(
                        ColumnDef::new(SecretApiKey::TokenHash)
                            .string()
                            .not_null()
                            .unique_key(),
                    )
                    .col(ColumnDef::new(SecretApiKey::Redacted).string().not_null())
                    .col(
                        ColumnDef::new(SecretApiKey::KeyType)
                            .string()
                            .not_null()
                            .default("secret"),
                    )
                    .col(ColumnDef::new(SecretApiKey::CreatedBy).string().not_null())
                    .col(ColumnDef::new(SecretApiKey::RevokedBy).string().null())
                    .col(
                        ColumnDef::new(SecretApiKey::RevokedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(SecretApiKey::LastUsedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(SecretApiKey::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null()
                            .default(now_default(backend)),
                    )
                    .col(
                        ColumnDef::new(SecretApiKey::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null()
                            .default(now_default(backend)),
                    )
                    .to_owned(),
            )
            .await?;
        tracing::info!("created admin_session and secret_api_key");
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SecretApiKey::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(AdminSession::Table).to_owned())
            .await
    }
}
