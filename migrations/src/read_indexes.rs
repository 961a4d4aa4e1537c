//! Indexes the admin read paths need and Medusa 1.20's schema lacks.
//!
//! Medusa never reads these and never drops them, so a database keeps working with Medusa
//! itself; with the row-count triggers (`row_counts`) they are the only objects this server
//! adds to Medusa's own tables, each index named in [`READ_INDEXES`] so the schema-parity
//! tests can tell them from Medusa's.
//!
//! - `product_option (product_id)`: every product page loads its products' options by
//!   `product_id`, which Medusa's schema leaves unindexed (a scan of all options per page).
//! - `product (created_at, id) WHERE deleted_at IS NULL`: the default product list order,
//!   `created_at DESC, id DESC`, read from the index instead of sorting every product.
//! - `order (created_at, id)` (a later migration, `m0006_order_read_index`): the same for the
//!   default order list.
//! - `image (url) WHERE deleted_at IS NULL` (`m0007_image_url_index`): the product import
//!   reuses live images by URL, a scan of every image per chunk without it.

use sea_orm_migration::prelude::*;

pub(crate) struct ReadIndexes;

impl MigrationName for ReadIndexes {
    fn name(&self) -> &str {
        "m0004_read_indexes"
    }
}

#[derive(DeriveIden)]
enum ProductOption {
    Table,
    ProductId,
}

#[derive(DeriveIden)]
enum Product {
    Table,
    CreatedAt,
    Id,
    DeletedAt,
}

/// The names of the indexes these migrations add to Medusa's tables.
pub const READ_INDEXES: [&str; 4] = [
    OPTION_PRODUCT_INDEX,
    PRODUCT_ORDER_INDEX,
    ORDER_LIST_INDEX,
    IMAGE_URL_INDEX,
];

const OPTION_PRODUCT_INDEX: &str = "IDX_product_option_product_id";
const PRODUCT_ORDER_INDEX: &str = "IDX_product_created_at_id";

#[async_trait::async_trait]
impl MigrationTrait for ReadIndexes {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name(OPTION_PRODUCT_INDEX)
                    .table(ProductOption::Table)
                    .col(ProductOption::ProductId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name(PRODUCT_ORDER_INDEX)
                    .table(Product::Table)
                    .col(Product::CreatedAt)
                    .col(Product::Id)
                    .and_where(Expr::col(Product::DeletedAt).is_null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for name in [OPTION_PRODUCT_INDEX, PRODUCT_ORDER_INDEX] {
            manager
                .drop_index(Index::drop().if_exists().name(name).to_owned())
                .await?;
        }
        Ok(())
    }
}

/// `order (created_at, id)`: the default order list, `created_at DESC`, read from the index
/// instead of sorting every order for each page (57 ms a page at 100,000 orders without it).
pub(crate) struct OrderReadIndex;

const ORDER_LIST_INDEX: &str = "IDX_order_created_at_id";

#[derive(DeriveIden)]
enum Order {
    Table,
    CreatedAt,
    Id,
}

impl MigrationName for OrderReadIndex {
    fn name(&self) -> &str {
        "m0006_order_read_index"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for OrderReadIndex {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name(ORDER_LIST_INDEX)
                    .table(Order::Table)
                    .col(Order::CreatedAt)
                    .col(Order::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().if_exists().name(ORDER_LIST_INDEX).to_owned())
            .await
    }
}

/// `image (url)` for live images: the product import looks its images' URLs up per chunk.
/// A hash index on PostgreSQL, which holds a URL of any length (a B-tree entry is limited to
/// about 2.7 kB, and Medusa's `url` column is unbounded); SQLite's B-tree has no such limit.
pub(crate) struct ImageUrlIndex;

const IMAGE_URL_INDEX: &str = "IDX_image_url";

impl MigrationName for ImageUrlIndex {
    fn name(&self) -> &str {
        "m0007_image_url_index"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for ImageUrlIndex {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let method = match manager.get_database_backend() {
            sea_orm::DatabaseBackend::Postgres => "USING hash ",
            _ => "",
        };
        let sql = format!(
            "CREATE INDEX IF NOT EXISTS \"{IMAGE_URL_INDEX}\" ON image {method}(url) \
             WHERE deleted_at IS NULL"
        );
        manager.get_connection().execute_unprepared(&sql).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().if_exists().name(IMAGE_URL_INDEX).to_owned())
            .await
    }
}
