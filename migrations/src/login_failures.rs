//! `login_failure` (see `medusa_entity::login_failure`): the login throttle's counts, shared by
//! every instance of this server on one database.

use sea_orm_migration::prelude::*;

pub(crate) struct LoginFailures;

impl MigrationName for LoginFailures {
    fn name(&self) -> &str {
        "m0005_login_failures"
    }
}

#[derive(DeriveIden)]
enum LoginFailure {
    Table,
    Id,
    ThrottleKey,
    FailedAt,
}

const KEY_TIME_INDEX: &str = "IDX_login_failure_throttle_key_failed_at";

#[async_trait::async_trait]
impl MigrationTrait for LoginFailures {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(LoginFailure::Table)
                    .col(
                        ColumnDef::new(LoginFailure::Id)
                            .string()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(LoginFailure::ThrottleKey).text().not_null())
                    .col(
                        ColumnDef::new(LoginFailure::FailedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await?;
        // A login reads one key's recent failures; the hourly clean-up deletes by time.
        manager
            .create_index(
                Index::create()
                    .name(KEY_TIME_INDEX)
                    .table(LoginFailure::Table)
                    .col(LoginFailure::ThrottleKey)
                    .col(LoginFailure::FailedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(LoginFailure::Table).to_owned())
            .await
    }
}
