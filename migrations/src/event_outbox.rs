//! The transactional outbox of domain events (see `medusa_entity::event_outbox`).

use sea_orm::DbBackend;
use sea_orm_migration::prelude::*;

pub(crate) struct EventOutboxTable;

impl MigrationName for EventOutboxTable {
    fn name(&self) -> &str {
        "m0003_event_outbox"
    }
}

#[derive(DeriveIden)]
enum EventOutbox {
    Table,
    Id,
    Name,
    ResourceId,
    Data,
    CreatedAt,
    DeliveredAt,
    Attempts,
    LastError,
    NextAttemptAt,
    DeliveredTo,
}

/// The dispatcher looks for undelivered events in id order.
const PENDING_INDEX: &str = "IDX_event_outbox_delivered_at_id";
/// The dispatcher checks whether an earlier event of the same resource is still undelivered.
const RESOURCE_INDEX: &str = "IDX_event_outbox_resource_id_id";

/// The current instant as a column default, written on SQLite as sqlx writes a UTC
/// `DateTime<FixedOffset>` so defaulted and bound values compare correctly as text.
fn now_default(backend: DbBackend) -> SimpleExpr {
    match backend {
        DbBackend::Sqlite => {
            Expr::cust("(replace(strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), '.000+', '+'))")
        }
        DbBackend::Postgres | DbBackend::MySql => Expr::cust("now()"),
    }
}

#[async_trait::async_trait]
impl MigrationTrait for EventOutboxTable {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let backend = manager.get_database_backend();
        manager
            .create_table(
                Table::create()
                    .table(EventOutbox::Table)
                    .col(
                        ColumnDef::new(EventOutbox::Id)
                            .string()
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(EventOutbox::Name).string().not_null())
                    .col(ColumnDef::new(EventOutbox::ResourceId).string().null())
                    .col(ColumnDef::new(EventOutbox::Data).text().not_null())
                    .col(
                        ColumnDef::new(EventOutbox::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null()
                            .default(now_default(backend)),
                    )
                    .col(
                        ColumnDef::new(EventOutbox::DeliveredAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(EventOutbox::Attempts)
                            .integer()
                            .not_null()
                            .default(0),
                    )
                    .col(ColumnDef::new(EventOutbox::LastError).text().null())
                    .col(
                        ColumnDef::new(EventOutbox::NextAttemptAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(ColumnDef::new(EventOutbox::DeliveredTo).text().null())
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(PENDING_INDEX)
                    .table(EventOutbox::Table)
                    .col(EventOutbox::DeliveredAt)
                    .col(EventOutbox::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(RESOURCE_INDEX)
                    .table(EventOutbox::Table)
                    .col(EventOutbox::ResourceId)
                    .col(EventOutbox::Id)
                    .to_owned(),
            )
            .await?;
        tracing::info!("created event_outbox");
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(EventOutbox::Table).to_owned())
            .await
    }
}
